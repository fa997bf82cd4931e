import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { courses, meetings, rooms, venues } from '@seoro/db';
import {
  DomainError,
  addDays,
  kstDateOf,
  monthGrid,
  weekStart,
  type HolidayCalendar,
} from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { loadHolidays } from '../meetings/shared';
import { listRooms, type RoomListItem } from './list-rooms';

export type TimetableView = 'week' | 'month';

/** One booking of the room in the period shown. */
export interface TimetableEntry {
  meetingId: string;
  courseId: string;
  course: LocalizedText;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
  status: 'scheduled' | 'cancelled';
}

export interface RoomTimetable {
  room: RoomListItem;
  rooms: RoomListItem[];
  view: TimetableView;
  /** The day asked for (today in KST by default). */
  date: string;
  today: string;
  /** The days shown: a week (Monday to Sunday) or the whole weeks of a month. */
  from: string;
  to: string;
  /** The same view one week or one month earlier and later. */
  previous: string;
  next: string;
  entries: TimetableEntry[];
  /** Public holidays in the period. */
  holidays: HolidayCalendar;
}

/**
 * What is booked in a room over a week or a month, cancelled meetings included (marked). Without a
 * room, the busiest (see `listRooms`); without a date, today in Korea. Reads only.
 */
export async function readRoomTimetable(
  ctx: ServiceContext,
  input: { roomId?: string | null; view?: TimetableView | null; date?: string | null },
): Promise<RoomTimetable> {
  const all = await listRooms(ctx);
  const room = input.roomId ? all.find((r) => r.id === input.roomId) : all[0];
  if (!room) throw new DomainError('room_not_found');
  const today = kstDateOf(ctx.clock.now());
  const date = input.date ?? today;
  const view = input.view ?? 'week';
  let from: string;
  let to: string;
  let previous: string;
  let next: string;
  if (view === 'week') {
    from = weekStart(date);
    to = addDays(from, 6);
    previous = addDays(from, -7);
    next = addDays(from, 7);
  } else {
    const grid = monthGrid(date);
    from = grid[0]?.[0]?.date ?? date;
    to = grid.at(-1)?.at(-1)?.date ?? date;
    const month = `${date.slice(0, 7)}-01`;
    previous = `${addDays(month, -1).slice(0, 7)}-01`;
    next = `${addDays(month, 31).slice(0, 7)}-01`;
  }
  const rows = await ctx.database.db
    .select({ meeting: meetings, titleKo: courses.titleKo, titleEn: courses.titleEn })
    .from(meetings)
    .innerJoin(courses, eq(courses.id, meetings.courseId))
    .innerJoin(rooms, eq(rooms.id, meetings.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(and(eq(meetings.roomId, room.id), gte(meetings.date, from), lte(meetings.date, to)))
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.status));
  const { holidays } = await loadHolidays([from.slice(0, 4), to.slice(0, 4)]);
  const inPeriod = Object.fromEntries(
    Object.entries(holidays).filter(([day]) => day >= from && day <= to),
  );
  return {
    room,
    rooms: all,
    view,
    date,
    today,
    from,
    to,
    previous,
    next,
    entries: rows.map(({ meeting, titleKo, titleEn }) => ({
      meetingId: meeting.id,
      courseId: meeting.courseId,
      course: { ko: titleKo, en: titleEn },
      seq: meeting.seq,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      status: meeting.status,
    })),
    holidays: inPeriod,
  };
}
