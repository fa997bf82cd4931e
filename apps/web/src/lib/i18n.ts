import { localizeHref } from '@seoro/i18n/runtime';
import type { Locale } from '@seoro/domain';

type LocalizedText = { ko: string; en: string };

/**
 * The text in the page's language. Resident-entered English can be missing; then the Korean is shown
 * (and `textLang` says so, so the element can carry `lang="ko"` for screen readers).
 */
export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale].trim() ? text[locale] : text.ko;
}

/** The language `pick` actually returned, for a `lang` attribute. */
export function textLang(text: LocalizedText, locale: Locale): Locale {
  return text[locale].trim() ? locale : 'ko';
}

const hrefs = new Map<string, string>();

/**
 * An internal link in the given locale: `/courses/x` → `/en/courses/x` in English. Remembered:
 * paraglide matches URL patterns for each link, and a page of course cards asks for the same few
 * links on every render.
 */
export function href(path: string, locale: Locale): string {
  const key = `${locale}${path}`;
  let link = hrefs.get(key);
  if (link === undefined) {
    link = localizeHref(path, { locale });
    if (hrefs.size >= 5000) hrefs.clear();
    hrefs.set(key, link);
  }
  return link;
}
