/**
 * Meeting schedules. Classes meet weekly in community rooms; the same room is shared by many
 * classes, so double bookings must be caught before a term is published.
 */
import { addDays, dateToDays, kstWeekday, timeToMinutes } from './time';

/** A meeting slot on a KST calendar date; the interval is [start, end) and does not cross midnight. */
export type TimeSlot = { date: string; start: string; end: string };

/** A scheduled meeting in a room. */
export type RoomMeeting = TimeSlot & { id: string; roomId: string };

/** `count` dates starting at `first`, 7 days apart; throws RangeError on a bad date or count. */
export function weeklyDates(first: string, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  dateToDays(first); // validate even when count is 0
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

function minutes(slot: TimeSlot): { day: number; start: number; end: number } {
  const start = timeToMinutes(slot.start);
  const end = timeToMinutes(slot.end);
  if (end <= start)
    throw new RangeError(`slot ${slot.date} ${slot.start}-${slot.end} must end after it starts`);
  return { day: dateToDays(slot.date), start, end };
}

/** Whether two slots share a date and their [start, end) intervals intersect; back-to-back slots do not overlap. */
export function timesOverlap(a: TimeSlot, b: TimeSlot): boolean {
  const x = minutes(a);
  const y = minutes(b);
  return x.day === y.day && x.start < y.end && y.start < x.end;
}

/**
 * Every pair of meetings that double-books a room, as [earlier-listed id, later-listed id],
 * ordered by the position of the first and then the second meeting in the input.
 */
export function findRoomConflicts(meetings: readonly RoomMeeting[]): Array<[string, string]> {
  // Sweep per (room, date) in start order: a meeting conflicts with every still-running one.
  const groups = new Map<string, Array<{ index: number; start: number; end: number }>>();
  meetings.forEach((m, index) => {
    const { day, start, end } = minutes(m);
    const key = JSON.stringify([m.roomId, day]);
    const group = groups.get(key) ?? [];
    group.push({ index, start, end });
    groups.set(key, group);
  });

  const pairs: Array<[number, number]> = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start || a.index - b.index);
    let active: typeof group = [];
    for (const current of group) {
      active = active.filter((other) => other.end > current.start);
      for (const other of active) {
        pairs.push(
          other.index < current.index ? [other.index, current.index] : [current.index, other.index],
        );
      }
      active.push(current);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs.map(([i, j]) => [meetings[i]?.id ?? '', meetings[j]?.id ?? '']);
}

/** Public holidays by KST date ('YYYY-MM-DD' → names, e.g. '2027-09-15' → ['추석']). */
export type HolidayCalendar = Readonly<Record<string, readonly string[]>>;

/**
 * What a weekly pattern does on a public holiday: skip it and add a week at the end so the course
 * keeps its number of meetings (`skip_extend`), skip it and have one meeting fewer (`skip`), or
 * meet anyway (`keep`).
 */
export const HOLIDAY_RULES = ['skip_extend', 'skip', 'keep'] as const;
export type HolidayRule = (typeof HOLIDAY_RULES)[number];

/** The most meetings one pattern may produce: a year of weekly classes. */
export const MAX_PATTERN_MEETINGS = 60;

/** A weekly pattern: its weekdays (0 = Sunday), the first date, and a count or a last date. */
export interface WeeklyPattern {
  weekdays: readonly number[];
  first: string;
  /** How many meetings (before holidays are applied); exactly one of `count` and `until`. */
  count?: number | null;
  /** The last date a meeting may fall on (inclusive). */
  until?: string | null;
  holidays: HolidayCalendar;
  holidayRule: HolidayRule;
}

/** The dates a pattern gives, and the holidays it stepped over (with their names). */
export interface WeeklySchedule {
  dates: string[];
  skipped: Array<{ date: string; names: readonly string[] }>;
}

/**
 * The meeting dates of a weekly pattern, in order, from `first` (included when its weekday is in
 * the pattern). With `count`, `skip_extend` keeps going until `count` meetings are placed, and
 * `skip` stops after `count` candidate dates, holidays included. Throws RangeError on a malformed
 * pattern or one that would give more than `MAX_PATTERN_MEETINGS` meetings.
 *
 * @example weeklySchedule({ weekdays: [3], first: '2027-09-08', count: 3,
 *   holidays: { '2027-09-15': ['추석'] }, holidayRule: 'skip_extend' }).dates
 * // ['2027-09-08', '2027-09-22', '2027-09-29']
 */
export function weeklySchedule(pattern: WeeklyPattern): WeeklySchedule {
  const weekdays = new Set(pattern.weekdays);
  if (weekdays.size === 0) throw new RangeError('a weekly pattern needs at least one weekday');
  for (const day of weekdays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(`bad weekday ${day}`);
  }
  const firstDay = dateToDays(pattern.first);
  const count = pattern.count ?? null;
  const until = pattern.until ?? null;
  if ((count === null) === (until === null)) {
    throw new RangeError('give either a number of meetings or a last date');
  }
  if (
    count !== null &&
    (!Number.isSafeInteger(count) || count < 1 || count > MAX_PATTERN_MEETINGS)
  ) {
    throw new RangeError(`count must be 1..${MAX_PATTERN_MEETINGS}, got ${count}`);
  }
  const lastDay = until === null ? null : dateToDays(until);
  if (lastDay !== null && lastDay < firstDay)
    throw new RangeError('the last date is before the first');

  const dates: string[] = [];
  const skipped: WeeklySchedule['skipped'] = [];
  let candidates = 0;
  // Even a one-weekday pattern that skips a holiday every week ends within this many days.
  const horizon = 7 * (MAX_PATTERN_MEETINGS + 60);
  for (let offset = 0; offset < horizon; offset++) {
    const date = addDays(pattern.first, offset);
    if (lastDay !== null && firstDay + offset > lastDay) break;
    if (!weekdays.has(kstWeekday(date))) continue;
    candidates += 1;
    const names = pattern.holidays[date];
    if (names && names.length > 0 && pattern.holidayRule !== 'keep') {
      skipped.push({ date, names });
    } else {
      dates.push(date);
      if (dates.length > MAX_PATTERN_MEETINGS) {
        throw new RangeError(`a pattern may give at most ${MAX_PATTERN_MEETINGS} meetings`);
      }
    }
    if (count !== null) {
      const done = pattern.holidayRule === 'skip' ? candidates >= count : dates.length >= count;
      if (done) break;
    }
  }
  return { dates, skipped };
}

/** A meeting already in the calendar; a cancelled one frees its slot. */
export type RoomBooking = RoomMeeting & { status?: 'scheduled' | 'cancelled' };

/** A proposed slot in a room (`id` optional: a meeting not yet created has none). */
export type ProposedSlot = TimeSlot & { roomId: string; id?: string };

/**
 * Every pair of a proposed slot and an existing booking that would double-book a room: the same
 * room, the same date, intersecting [start, end) intervals. Cancelled bookings and a booking with
 * the proposed slot's own `id` (the meeting being moved) never clash; back-to-back slots do not.
 * Ordered by the proposed slot, then by the booking's date and start.
 */
export function findSlotClashes<P extends ProposedSlot, B extends RoomBooking>(
  proposed: readonly P[],
  existing: readonly B[],
): Array<{ proposed: P; existing: B }> {
  const live = existing
    .filter((b) => b.status !== 'cancelled')
    .map((b) => ({ booking: b, ...minutes(b) }))
    .sort((a, b) => a.day - b.day || a.start - b.start);
  const byRoomDay = new Map<string, typeof live>();
  for (const entry of live) {
    const key = JSON.stringify([entry.booking.roomId, entry.day]);
    const list = byRoomDay.get(key) ?? [];
    list.push(entry);
    byRoomDay.set(key, list);
  }
  const clashes: Array<{ proposed: P; existing: B }> = [];
  for (const slot of proposed) {
    const { day, start, end } = minutes(slot);
    for (const other of byRoomDay.get(JSON.stringify([slot.roomId, day])) ?? []) {
      if (slot.id !== undefined && other.booking.id === slot.id) continue;
      if (other.start < end && start < other.end)
        clashes.push({ proposed: slot, existing: other.booking });
    }
  }
  return clashes;
}

/** The Monday of the week (Monday to Sunday, as Korean calendars run) that holds `date`. */
export function weekStart(date: string): string {
  return addDays(date, -((kstWeekday(date) + 6) % 7));
}

/**
 * A month as a calendar shows it: whole weeks, Monday first, from the week of the 1st to the week
 * of the last day; `inMonth` is false for the days of the neighbouring months.
 */
export function monthGrid(date: string): Array<Array<{ date: string; inMonth: boolean }>> {
  dateToDays(date);
  const month = date.slice(0, 7);
  const first = `${month}-01`;
  const weeks: Array<Array<{ date: string; inMonth: boolean }>> = [];
  for (let monday = weekStart(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const day = addDays(monday, i);
        return { date: day, inMonth: day.slice(0, 7) === month };
      }),
    );
  }
  return weeks;
}
