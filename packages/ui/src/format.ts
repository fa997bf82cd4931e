/**
 * Dates, times and codes in the words residents use. Pure and locale-explicit: every function takes
 * the locale, and nothing reads the host's time zone (the server may run with TZ=UTC). Calendar
 * dates are 'YYYY-MM-DD' and times 'HH:MM', both in Korea time, as the API sends them.
 *
 * @example formatWeekly(4, '14:00', '15:30', 'ko') // '매주 목요일 오후 2:00–3:30'
 */
import { kstDateOf, kstTimeOf, type Locale } from '@seoro/domain';

export type { Locale };

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
const DASH = '–';
/** Inside one date or one time we use no-break spaces, so "1월 7일(목)" never wraps onto two lines. */
const NBSP = '\u00a0';
/** Word joiner: no line break between "7일" and "(목)" (browsers may break before a parenthesis). */
const WJ = '\u2060';

function parseDate(date: string): { y: number; m: number; d: number; weekday: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`expected YYYY-MM-DD, got '${date}'`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

function parseTime(time: string): { h: number; min: number } {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) throw new RangeError(`expected HH:MM, got '${time}'`);
  return { h: Number(match[1]), min: Number(match[2]) };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

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

/** '1월 8일(목)' / 'Thu 8 Jan'; with `year`, '2026년 1월 8일(목)' / 'Thu 8 Jan 2026'. */
export function formatDate(date: string, locale: Locale, opts: { year?: boolean } = {}): string {
  const { y, m, d, weekday } = parseDate(date);
  if (locale === 'ko') {
    return `${opts.year ? `${y}년${NBSP}` : ''}${m}월${NBSP}${d}일${WJ}(${weekdayName(weekday, 'ko', 'short')})`;
  }
  const day = `${weekdayName(weekday, 'en', 'short')}${NBSP}${d}${NBSP}${EN_MONTHS[m - 1]}`;
  return opts.year ? `${day}${NBSP}${y}` : day;
}

/** '1월 8일(목) – 2월 12일(목)' / 'Thu 8 Jan – Thu 12 Feb'. */
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
  return `${start} ${DASH} ${formatDate(last, locale, opts)}`;
}

function meridiem(h: number, locale: Locale): string {
  if (locale === 'ko') return h < 12 ? '오전' : '오후';
  return h < 12 ? 'AM' : 'PM';
}

const hour12 = (h: number) => (h % 12 === 0 ? 12 : h % 12);

/** '오후 2:00' / '2:00 PM'. */
export function formatTime(time: string, locale: Locale): string {
  const { h, min } = parseTime(time);
  const clock = `${hour12(h)}:${pad2(min)}`;
  return locale === 'ko'
    ? `${meridiem(h, 'ko')}${NBSP}${clock}`
    : `${clock}${NBSP}${meridiem(h, 'en')}`;
}

/**
 * '오후 2:00–3:30' / '2:00–3:30 PM'. The 오전/오후 (AM/PM) word is said once when both ends share
 * it, as people say it aloud.
 */
export function formatTimeRange(start: string, end: string, locale: Locale): string {
  const a = parseTime(start);
  const b = parseTime(end);
  const sameHalf = a.h < 12 === b.h < 12;
  const clockA = `${hour12(a.h)}:${pad2(a.min)}`;
  const clockB = `${hour12(b.h)}:${pad2(b.min)}`;
  if (!sameHalf) return `${formatTime(start, locale)}${DASH}${formatTime(end, locale)}`;
  return locale === 'ko'
    ? `${meridiem(a.h, 'ko')}${NBSP}${clockA}${DASH}${clockB}`
    : `${clockA}${DASH}${clockB}${NBSP}${meridiem(a.h, 'en')}`;
}

/** '매주 목요일 오후 2:00–3:30' / 'Every Thursday, 2:00–3:30 PM'. */
export function formatWeekly(weekday: number, start: string, end: string, locale: Locale): string {
  const range = formatTimeRange(start, end, locale);
  return locale === 'ko'
    ? `매주 ${weekdayName(weekday, 'ko')} ${range}`
    : `Every ${weekdayName(weekday, 'en')}, ${range}`;
}

/** A clock time in words, for deadlines: '오후 6시', '오후 6시 30분', '낮 12시' / '6 PM', '6:30 PM'. */
export function formatHour(time: string, locale: Locale): string {
  const { h, min } = parseTime(time);
  if (locale === 'ko') {
    const half = h === 12 ? '낮' : h === 0 ? '밤' : meridiem(h, 'ko');
    return `${half}${NBSP}${hour12(h)}시${min ? `${NBSP}${min}분` : ''}`;
  }
  return `${hour12(h)}${min ? `:${pad2(min)}` : ''}${NBSP}${meridiem(h, 'en')}`;
}

/** Korea date and time of an ISO instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function kstParts(instant: string | Date): { date: string; time: string } {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`invalid instant '${String(instant)}'`);
  return { date: kstDateOf(at), time: kstTimeOf(at) };
}

/** An instant in Korea time: '1월 15일(목) 오후 6시' / 'Thu 15 Jan, 6 PM'. */
export function formatInstant(instant: string | Date, locale: Locale): string {
  const { date, time } = kstParts(instant);
  const sep = locale === 'ko' ? ' ' : ', ';
  return `${formatDate(date, locale)}${sep}${formatHour(time, locale)}`;
}

/** The Korea time of day of an instant, whatever the host's time zone: '오후 1:52' / '1:52 PM'. */
export function formatInstantTime(instant: string | Date, locale: Locale): string {
  return formatTime(kstParts(instant).time, locale);
}

/** '10,000' in both languages (Korean and English group digits the same way). */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
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
