import { m } from '@seoro/i18n';
import type { DomainError, Locale } from '@seoro/domain';

type ErrorKey = Extract<keyof typeof m, `err_${string}`>;
type MessageFn = (params: Record<string, string>, options: { locale: Locale }) => string;

/** A catalogue message by key, in the given language. */
export function localizeMessage(
  key: ErrorKey,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return (m[key] as unknown as MessageFn)(params, { locale });
}

/** The sentence a resident sees for a domain refusal. */
export function localizeDomainError(error: DomainError, locale: Locale): string {
  const key = `err_${error.code}` as ErrorKey;
  if (!(key in m)) return localizeMessage('err_unexpected', locale);
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => [k, formatParam(k, v, locale)]),
  );
  return localizeMessage(key, locale, params);
}

/** Instants in params are shown as KST wall time people can read. */
function formatParam(key: string, value: string | number, locale: Locale): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', {
      timeZone: 'Asia/Seoul',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(value));
  }
  void key;
  return String(value);
}
