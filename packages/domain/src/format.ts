/**
 * Dates, times, numbers and codes in the words residents and staff read, on every screen, SMS and
 * error message. Pure and locale-explicit: every function takes the locale, and nothing reads the
 * host's time zone or ICU data (the server may run with TZ=UTC and a small ICU build), so the
 * output is the same in Node and in every browser. Korea time comes from the fixed +9 h of
 * `./time`. Calendar dates are 'YYYY-MM-DD' and times 'HH:MM', both in Korea time, as the API sends
 * them; instants are a `Date` or an ISO string.
 *
 * The shapes, Korean / English:
 * - date: '12월 10일(목)' / 'Thu 10 Dec'; with the year '2026년 1월 8일(목)' / 'Thu 8 Jan 2026'
 * - time: '오후 2:30' / '2:30 PM'
 * - date and time: '12월 10일(목) 오후 2:30' / 'Thu 10 Dec, 2:30 PM'
 * - time range: '오후 2:00~3:30' / '2:00–3:30 PM'
 * - date range: '1월 8일(목) ~ 2월 12일(목)' / 'Thu 8 Jan – Thu 12 Feb'
 *
 * Inside one date or one time the spaces do not break, so '1월 8일(목)' never wraps onto two lines;
 * `plainSpaces` turns them into ordinary spaces for an SMS.
 *
 * @example formatDateTime('2026-12-10T05:30:00Z', 'ko') // '12월 10일(목) 오후 2:30' (no-break spaces)
 */
import { kstDateOf, kstTimeOf, kstWeekday } from './time';
import type { Locale } from './types';

const KO_WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'] as const;
const EN_WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
/** Korean writes a range with a tilde (it is also the one range mark a Korean SMS can carry). */
const RANGE = { ko: '~', en: '–' } as const satisfies Record<Locale, string>;
/** Between a date and its time: '12월 10일(목) 오후 2:30' / 'Thu 10 Dec, 2:30 PM'. */
const DATE_TIME = { ko: ' ', en: ', ' } as const satisfies Record<Locale, string>;
const NBSP = '\u00a0';
/** Word joiner: no line break between '7일' and '(목)' (browsers may break before a parenthesis). */
const WJ = '\u2060';

function parseDate(date: string): { y: number; m: number; d: number; weekday: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected YYYY-MM-DD, got '${date}'`);
  return {
    y: Number(match[1]),
    m: Number(match[2]),
    d: Number(match[3]),
    weekday: kstWeekday(date),
  };
}

function parseTime(time: string): { h: number; min: number } {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) throw new RangeError(`expected HH:MM, got '${time}'`);
  return { h: Number(match[1]), min: Number(match[2]) };
}

function toInstant(instant: string | Date): Date {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`invalid instant '${String(instant)}'`);
  return at;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const hour12 = (h: number) => (h % 12 === 0 ? 12 : h % 12);
const clock = (t: { h: number; min: number }) => `${hour12(t.h)}:${pad2(t.min)}`;

function meridiem(h: number, locale: Locale): string {
  if (locale === 'ko') return h < 12 ? '오전' : '오후';
  return h < 12 ? 'AM' : 'PM';
}

/** 0 = Sunday. Korean: '목요일' / '목'; English: 'Thursday' / 'Thu'. */
export function weekdayName(
  weekday: number,
  locale: Locale,
  style: 'long' | 'short' = 'long',
): string {
  const i = ((weekday % 7) + 7) % 7;
  if (locale === 'ko') {
    const day = KO_WEEKDAYS[i] ?? '';
    return style === 'long' ? `${day}요일` : day;
  }
  const day = EN_WEEKDAYS[i] ?? '';
  return style === 'long' ? day : day.slice(0, 3);
}

/** A calendar date with its weekday: '1월 8일(목)' / 'Thu 8 Jan'; with `year`, '2026년 1월 8일(목)' / 'Thu 8 Jan 2026'. */
export function formatDate(date: string, locale: Locale, opts: { year?: boolean } = {}): string {
  const { y, m, d, weekday } = parseDate(date);
  if (locale === 'ko') {
    return `${opts.year ? `${y}년${NBSP}` : ''}${m}월${NBSP}${d}일${WJ}(${weekdayName(weekday, 'ko', 'short')})`;
  }
  const day = `${weekdayName(weekday, 'en', 'short')}${NBSP}${d}${NBSP}${EN_MONTHS[m - 1]}`;
  return opts.year ? `${day}${NBSP}${y}` : day;
}

/** A calendar date without its weekday, for a short aside: '12월 6일' / '6 Dec'. */
export function formatMonthDay(date: string, locale: Locale): string {
  const { m, d } = parseDate(date);
  return locale === 'ko' ? `${m}월${NBSP}${d}일` : `${d}${NBSP}${EN_MONTHS[m - 1]}`;
}

/** '1월 8일(목) ~ 2월 12일(목)' / 'Thu 8 Jan – Thu 12 Feb'. */
export function formatDateRange(
  first: string,
  last: string,
  locale: Locale,
  opts: { year?: boolean } = {},
): string {
  if (first === last) return formatDate(first, locale, opts);
  const sameYear = parseDate(first).y === parseDate(last).y;
  // The year goes on the end date only, unless the range crosses a new year.
  const start = formatDate(first, locale, { year: Boolean(opts.year) && !sameYear });
  return `${start} ${RANGE[locale]} ${formatDate(last, locale, opts)}`;
}

/** '오후 2:00' / '2:00 PM'; midnight and noon are 12 ('오전 12:10' / '12:10 AM'). */
export function formatTime(time: string, locale: Locale): string {
  const t = parseTime(time);
  return locale === 'ko'
    ? `${meridiem(t.h, 'ko')}${NBSP}${clock(t)}`
    : `${clock(t)}${NBSP}${meridiem(t.h, 'en')}`;
}

/**
 * '오후 2:00~3:30' / '2:00–3:30 PM'. The 오전/오후 (AM/PM) word is said once when both ends share
 * it, as people say it aloud: '오전 11:00~오후 12:30' / '11:00 AM–12:30 PM'.
 */
export function formatTimeRange(start: string, end: string, locale: Locale): string {
  const a = parseTime(start);
  const b = parseTime(end);
  if (a.h < 12 !== b.h < 12) {
    return `${formatTime(start, locale)}${RANGE[locale]}${formatTime(end, locale)}`;
  }
  return locale === 'ko'
    ? `${meridiem(a.h, 'ko')}${NBSP}${clock(a)}${RANGE.ko}${clock(b)}`
    : `${clock(a)}${RANGE.en}${clock(b)}${NBSP}${meridiem(a.h, 'en')}`;
}

/** One meeting: '11월 29일(일) 오후 2:00~4:00' / 'Sun 29 Nov, 2:00–4:00 PM'. */
export function formatDateTimeRange(
  date: string,
  start: string,
  end: string,
  locale: Locale,
): string {
  return `${formatDate(date, locale)}${DATE_TIME[locale]}${formatTimeRange(start, end, locale)}`;
}

/** A weekly slot: '매주 목요일 오후 2:00~3:30' / 'Every Thursday, 2:00–3:30 PM'. */
export function formatWeekly(weekday: number, start: string, end: string, locale: Locale): string {
  const range = formatTimeRange(start, end, locale);
  return locale === 'ko'
    ? `매주 ${weekdayName(weekday, 'ko')} ${range}`
    : `Every ${weekdayName(weekday, 'en')}, ${range}`;
}

/** An instant in Korea time: '12월 10일(목) 오후 2:30' / 'Thu 10 Dec, 2:30 PM'. Throws RangeError if invalid. */
export function formatDateTime(instant: string | Date, locale: Locale): string {
  const at = toInstant(instant);
  return `${formatDate(kstDateOf(at), locale)}${DATE_TIME[locale]}${formatTime(kstTimeOf(at), locale)}`;
}

/** The Korea date of an instant, whatever the host's time zone: '1월 8일(목)' / 'Thu 8 Jan'. */
export function formatInstantDate(
  instant: string | Date,
  locale: Locale,
  opts: { year?: boolean } = {},
): string {
  return formatDate(kstDateOf(toInstant(instant)), locale, opts);
}

/** The Korea time of day of an instant, whatever the host's time zone: '오후 1:52' / '1:52 PM'. */
export function formatInstantTime(instant: string | Date, locale: Locale): string {
  return formatTime(kstTimeOf(toInstant(instant)), locale);
}

/**
 * The same text with ordinary spaces and no word joiners, for channels that cannot carry them: a
 * Korean SMS is sent in EUC-KR, which has neither.
 */
export function plainSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\u2060/g, '');
}

/** One formatter for every number: `toLocaleString` builds a new one on each call. */
const GROUPED = new Intl.NumberFormat('en-US');

/** '10,000' in both languages (Korean and English group digits the same way). */
export function formatNumber(n: number): string {
  return GROUPED.format(n);
}

/**
 * A confirmation code in its two groups of four, whatever the person typed:
 * `codeGroups('7kq2m9xd')` → ['7KQ2', 'M9XD'].
 */
export function codeGroups(code: string): string[] {
  const clean = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return clean.match(/.{1,4}/g) ?? [];
}

/** '7KQ2-M9XD'. */
export function formatCode(code: string): string {
  return codeGroups(code).join('-');
}
