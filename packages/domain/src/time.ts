/**
 * Korea time helpers.
 *
 * Korea Standard Time is UTC+9 and has not observed daylight saving time since 1988, so a fixed
 * +9h offset is exact for every date this program will ever schedule. Using a fixed offset instead
 * of `Intl`/tz data keeps these functions pure, fast and independent of the host's ICU build and
 * TZ environment variable (the kiosk and server may run with TZ=UTC).
 *
 * Calendar dates are handled as 'YYYY-MM-DD' strings and converted to a day count with integer
 * arithmetic, so there is no dependency on the host time zone or on `Date`'s two-digit-year quirks.
 */

/** Source of the current instant; inject a fixed clock in tests instead of reading the wall clock. */
export type Clock = { now(): Date };

/** The production clock: the only place in this package allowed to read the wall clock. */
export const systemClock: Clock = { now: () => new Date() };

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function formatCivil(y: number, m: number, d: number): string {
  if (y < MIN_YEAR || y > MAX_YEAR)
    throw new RangeError(`year ${y} is outside ${MIN_YEAR}..${MAX_YEAR}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Parses a strict 'YYYY-MM-DD' calendar date into days since 1970-01-01; throws RangeError. */
export function dateToDays(date: string): number {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`malformed date '${date}', expected YYYY-MM-DD`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`impossible date '${date}'`);
  }
  return daysFromCivil(y, m, d);
}

/** Parses a strict 24-hour 'HH:MM' time (00:00..23:59) into minutes after midnight; throws RangeError. */
export function timeToMinutes(time: string): number {
  const match = TIME_RE.exec(time);
  if (!match) throw new RangeError(`malformed time '${time}', expected HH:MM`);
  const h = Number(match[1]);
  const min = Number(match[2]);
  if (h > 23 || min > 59) throw new RangeError(`impossible time '${time}'`);
  return h * 60 + min;
}

function assertValidInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** The KST calendar date ('YYYY-MM-DD') on which an instant falls — what a resident sees on a calendar. */
export function kstDateOf(instant: Date): string {
  const kstMs = assertValidInstant(instant) + KST_OFFSET_MS;
  const { y, m, d } = civilFromDays(Math.floor(kstMs / MS_PER_DAY));
  return formatCivil(y, m, d);
}

/** The KST wall-clock time ('HH:MM', seconds truncated) of an instant. */
export function kstTimeOf(instant: Date): string {
  const kstMs = assertValidInstant(instant) + KST_OFFSET_MS;
  const minuteOfDay = Math.floor(
    (kstMs - Math.floor(kstMs / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE,
  );
  return `${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}`;
}

/** The instant at which a KST wall-clock date and time occurs; throws RangeError on malformed or impossible input. */
export function kstInstant(date: string, time: string): Date {
  const days = dateToDays(date);
  const minutes = timeToMinutes(time);
  return new Date(days * MS_PER_DAY + minutes * MS_PER_MINUTE - KST_OFFSET_MS);
}

/** Day of week of a calendar date, 0 = Sunday .. 6 = Saturday (same convention as `Date#getDay`). */
export function kstWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dateToDays(date) + 4) % 7) + 7) % 7;
}

/** Shifts a 'YYYY-MM-DD' date by n whole days (n may be negative); throws RangeError for non-integer n. */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`day offset must be an integer, got ${n}`);
  const { y, m, d } = civilFromDays(dateToDays(date) + n);
  return formatCivil(y, m, d);
}
