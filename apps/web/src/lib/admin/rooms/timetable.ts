import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';
import { addDays } from '@seoro/domain';

/** A room's timetable as `staff.rooms.timetable` answers it. */
export type RoomTimetable = inferRouterOutputs<AppRouter>['staff']['rooms']['timetable'];
export type TimetableEntry = RoomTimetable['entries'][number];

const hourOf = (time: string) => Number(time.slice(0, 2));
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The days of the week shown, Monday to Sunday. */
export function weekDays(from: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(from, i));
}

/**
 * The hours the week grid shows: 09 to 22 (the last row is 21:00–22:00), widened to fit a meeting
 * that starts earlier or ends later.
 */
export function gridHours(entries: readonly TimetableEntry[]): number[] {
  let first = 9;
  let last = 21;
  for (const e of entries) {
    first = Math.min(first, hourOf(e.startTime));
    last = Math.max(last, Math.ceil(minuteOf(e.endTime) / 60) - 1);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The entries starting on `date` within the hour `hour`, in start order. */
export function startingIn(
  entries: readonly TimetableEntry[],
  date: string,
  hour: number,
): TimetableEntry[] {
  return entries.filter((e) => e.date === date && hourOf(e.startTime) === hour);
}

/** Where a block sits in its start cell and how far it runs down, in hours. */
export function blockGeometry(entry: TimetableEntry): { top: number; height: number } {
  const start = minuteOf(entry.startTime);
  return { top: (start % 60) / 60, height: (minuteOf(entry.endTime) - start) / 60 };
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The month's name with its year parts, for the month caption: '9', '2027' / 'September'. */
export function monthParts(date: string, locale: 'ko' | 'en') {
  const month = Number(date.slice(5, 7));
  return {
    year: date.slice(0, 4),
    month: locale === 'ko' ? String(month) : (EN_MONTHS[month - 1] ?? ''),
  };
}
