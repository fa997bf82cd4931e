/** How a notice reads on the kiosk: in the kiosk's language, the Korean when there is no English. */
import type { Locale } from '@seoro/plugin-sdk';
import type { KioskNotice } from './types';

/** The notice's text in `locale`; an English text that is empty (or only spaces) gives the Korean. */
export function noticeText(notice: Pick<KioskNotice, 'body'>, locale: Locale): string {
  return locale === 'en' && notice.body.en.trim() !== '' ? notice.body.en : notice.body.ko;
}

/** The language `noticeText` returned, for the element's `lang` (screen readers, voice, fonts). */
export function noticeLang(notice: Pick<KioskNotice, 'body'>, locale: Locale): Locale {
  return locale === 'en' && notice.body.en.trim() !== '' ? 'en' : 'ko';
}

/** Where a scroll area stands, for its Up and Down buttons (a pixel of slack for rounding). */
export function scrollPosition(box: {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}): { overflows: boolean; atTop: boolean; atBottom: boolean } {
  const overflows = box.scrollHeight - box.clientHeight > 1;
  return {
    overflows,
    atTop: box.scrollTop <= 1,
    atBottom: box.scrollTop + box.clientHeight >= box.scrollHeight - 1,
  };
}
