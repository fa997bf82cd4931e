/**
 * Staff notices (공지) on the kiosks' start screen: the rules for their text and for the days they
 * show. Dates are KST calendar dates ('YYYY-MM-DD'); a notice shows from `showFrom` to
 * `showUntil`, both days included. Nothing here reads the clock: callers pass today's KST date.
 */
import { dateToDays } from './time';

/** The most characters a notice may have, in each language (counted as the reader sees them). */
export const NOTICE_MAX_CHARS = 300;
/** The kiosk shows at most this many notices at once, newest first. */
export const NOTICES_SHOWN_AT_ONCE = 3;
/** Days a new notice shows by default: from today to today + 7. */
export const NOTICE_DEFAULT_DAYS = 7;

/** Where a notice stands on a given day. */
export type NoticeState = 'scheduled' | 'showing' | 'ended';

/** A notice's days, as stored. */
export interface NoticeWindow {
  showFrom: string;
  showUntil: string;
}

/** Characters as a reader counts them (a Hangul syllable or an emoji is one). */
export function noticeLength(text: string): number {
  return [...text].length;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(value: string): boolean {
  try {
    dateToDays(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a notice stands on `today` (a KST date): not yet shown, showing (both ends included), or
 * over. Throws RangeError for a malformed date.
 */
export function noticeState(window: NoticeWindow, today: string): NoticeState {
  const day = dateToDays(today);
  if (day < dateToDays(window.showFrom)) return 'scheduled';
  if (day > dateToDays(window.showUntil)) return 'ended';
  return 'showing';
}

/** True when the notice is on the kiosks on `today` (a KST date). */
export function isNoticeShowing(window: NoticeWindow, today: string): boolean {
  return noticeState(window, today) === 'showing';
}

/** What is wrong with a notice's input, in the order a form would read it; null when nothing. */
export type NoticeProblem =
  | { code: 'notice_text_required'; field: 'bodyKo' }
  | { code: 'notice_text_too_long'; field: 'bodyKo' | 'bodyEn' }
  | { code: 'notice_date_invalid'; field: 'showFrom' | 'showUntil' }
  | { code: 'notice_ends_before_start'; field: 'showUntil' };

/**
 * Checks a notice as staff wrote it (texts already trimmed): the Korean text is required, each
 * text has at most NOTICE_MAX_CHARS characters, both dates are real dates and the last day is not
 * before the first.
 */
export function noticeProblem(input: {
  bodyKo: string;
  bodyEn: string;
  showFrom: string;
  showUntil: string;
}): NoticeProblem | null {
  if (input.bodyKo === '') return { code: 'notice_text_required', field: 'bodyKo' };
  if (noticeLength(input.bodyKo) > NOTICE_MAX_CHARS) {
    return { code: 'notice_text_too_long', field: 'bodyKo' };
  }
  if (noticeLength(input.bodyEn) > NOTICE_MAX_CHARS) {
    return { code: 'notice_text_too_long', field: 'bodyEn' };
  }
  if (!isCalendarDate(input.showFrom)) return { code: 'notice_date_invalid', field: 'showFrom' };
  if (!isCalendarDate(input.showUntil)) return { code: 'notice_date_invalid', field: 'showUntil' };
  if (input.showUntil < input.showFrom) {
    return { code: 'notice_ends_before_start', field: 'showUntil' };
  }
  return null;
}
