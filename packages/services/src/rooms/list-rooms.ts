import { and, asc, count, eq, gte } from 'drizzle-orm';
import { meetings, rooms, venues } from '@seoro/db';
import { kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';

/** A room as the admin's room list shows it. */
export interface RoomListItem {
  id: string;
  name: LocalizedText;
  venue: LocalizedText;
  seats: number | null;
  /** Scheduled meetings from today (KST) on. */
  upcomingMeetings: number;
}

/**
 * Every room, the busiest first (most meetings still to come, then by name): the first is the
 * timetable staff mean when they name none — Lecture Room 3 in the program today.
 */
export async function listRooms(ctx: ServiceContext): Promise<RoomListItem[]> {
  const db = ctx.database.db;
  const today = kstDateOf(ctx.clock.now());
  const rows = await db
    .select({ room: rooms, venueKo: venues.nameKo, venueEn: venues.nameEn })
    .from(rooms)
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .orderBy(asc(venues.nameKo), asc(rooms.nameKo));
  const upcoming = await db
    .select({ roomId: meetings.roomId, n: count() })
    .from(meetings)
    .where(and(eq(meetings.status, 'scheduled'), gte(meetings.date, today)))
    .groupBy(meetings.roomId);
  const by = new Map(upcoming.map((u) => [u.roomId, Number(u.n)]));
  const list = rows.map((r) => ({
    id: r.room.id,
    name: { ko: r.room.nameKo, en: r.room.nameEn },
    venue: { ko: r.venueKo, en: r.venueEn },
    seats: r.room.seats ?? null,
    upcomingMeetings: by.get(r.room.id) ?? 0,
  }));
  // A stable sort keeps the venue and name order among rooms equally busy.
  return list.sort((a, b) => b.upcomingMeetings - a.upcomingMeetings);
}
