import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { attendance, courses, enrolments, instructors, meetings } from '@seoro/db';
import { checkInState, kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { findKioskRoom } from './kiosk-room';

export interface TodayMeeting {
  meetingId: string;
  courseId: string;
  title: LocalizedText;
  instructorName: string;
  seq: number;
  meetingCount: number;
  startTime: string;
  endTime: string;
  state: 'upcoming' | 'open' | 'ended';
  checkedIn: number;
  enrolled: number;
}

export interface TodayAtRoom {
  date: string;
  venue: LocalizedText;
  room: LocalizedText;
  meetings: TodayMeeting[];
}

/**
 * Today's classes (KST) in a room, for the kiosk's start screen. Without a room, the first room
 * the program set up (Lecture Room 3 in the demo data) — kiosks are tied to rooms once paired.
 */
export async function getTodayAtRoom(
  ctx: ServiceContext,
  roomId: string | null = null,
): Promise<TodayAtRoom> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const date = kstDateOf(now);
  const room = await findKioskRoom(ctx, roomId);
  if (!room) {
    return { date, venue: { ko: '', en: '' }, room: { ko: '', en: '' }, meetings: [] };
  }
  const rows = await db
    .select({ meeting: meetings, course: courses, instructorName: instructors.displayName })
    .from(meetings)
    .innerJoin(courses, eq(courses.id, meetings.courseId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .where(
      and(
        eq(meetings.roomId, room.room.id),
        eq(meetings.date, date),
        eq(meetings.status, 'scheduled'),
        eq(courses.status, 'open'),
        eq(courses.draft, false),
      ),
    )
    .orderBy(asc(meetings.startTime));
  const courseIds = [...new Set(rows.map((r) => r.course.id))];
  const meetingIds = rows.map((r) => r.meeting.id);
  const enrolled = courseIds.length
    ? await db
        .select({ courseId: enrolments.courseId, n: sql<number>`count(*)` })
        .from(enrolments)
        .where(and(inArray(enrolments.courseId, courseIds), eq(enrolments.status, 'confirmed')))
        .groupBy(enrolments.courseId)
    : [];
  const checked = meetingIds.length
    ? await db
        .select({ meetingId: attendance.meetingId, n: sql<number>`count(*)` })
        .from(attendance)
        .where(inArray(attendance.meetingId, meetingIds))
        .groupBy(attendance.meetingId)
    : [];
  const counts = courseIds.length
    ? await db
        .select({ courseId: meetings.courseId, n: sql<number>`count(*)` })
        .from(meetings)
        .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')))
        .groupBy(meetings.courseId)
    : [];
  const enrolledBy = new Map(enrolled.map((e) => [e.courseId, Number(e.n)]));
  const checkedBy = new Map(checked.map((c) => [c.meetingId, Number(c.n)]));
  const countBy = new Map(counts.map((c) => [c.courseId, Number(c.n)]));

  return {
    date,
    venue: { ko: room.venue.nameKo, en: room.venue.nameEn },
    room: { ko: room.room.nameKo, en: room.room.nameEn },
    meetings: rows.map(({ meeting, course, instructorName }) => {
      const state = checkInState(meeting, now);
      return {
        meetingId: meeting.id,
        courseId: course.id,
        title: { ko: course.titleKo, en: course.titleEn },
        instructorName: instructorName ?? '',
        seq: meeting.seq,
        meetingCount: countBy.get(course.id) ?? 0,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        state:
          now >= meeting.endsAt
            ? 'ended'
            : now >= meeting.startsAt || state.state === 'open'
              ? 'open'
              : 'upcoming',
        checkedIn: checkedBy.get(meeting.id) ?? 0,
        enrolled: enrolledBy.get(course.id) ?? 0,
      };
    }),
  };
}
