import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  attendance,
  courses,
  enrolments,
  instructors,
  meetings,
  statementsFor,
  type Db,
} from '@seoro/db';
import { classState, kstDateOf, type ClassState } from '@seoro/domain';
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
  /** Before its start, under way, or over (see `classState`). */
  state: ClassState;
  checkedIn: number;
  enrolled: number;
}

export interface TodayAtRoom {
  date: string;
  venue: LocalizedText;
  room: LocalizedText;
  meetings: TodayMeeting[];
}

const p = sql.placeholder;
const all = alias(meetings, 'all_meetings');

export const todayAtRoomStatements = statementsFor((db: Db) => ({
  /** A room's scheduled meetings on a date, with their counts: one statement. */
  today: db
    .select({
      meeting: meetings,
      course: { id: courses.id, titleKo: courses.titleKo, titleEn: courses.titleEn },
      instructorName: instructors.displayName,
      enrolled: sql<number>`(select count(*) from ${enrolments} where ${enrolments.courseId} = ${courses.id} and ${enrolments.status} = 'confirmed')`,
      checkedIn: sql<number>`(select count(*) from ${attendance} where ${attendance.meetingId} = ${meetings.id})`,
      meetingCount: sql<number>`(select count(*) from ${meetings} ${all} where ${all.courseId} = ${courses.id} and ${all.status} = 'scheduled')`,
    })
    .from(meetings)
    .innerJoin(courses, eq(courses.id, meetings.courseId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .where(
      and(
        eq(meetings.roomId, p('roomId')),
        eq(meetings.date, p('date')),
        eq(meetings.status, 'scheduled'),
        eq(courses.status, 'open'),
        eq(courses.draft, false),
      ),
    )
    .orderBy(asc(meetings.startTime))
    .prepare(),
}));

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
  const rows = await todayAtRoomStatements(db).today.all({ roomId: room.room.id, date });
  return {
    date,
    venue: { ko: room.venue.nameKo, en: room.venue.nameEn },
    room: { ko: room.room.nameKo, en: room.room.nameEn },
    meetings: rows.map(({ meeting, course, instructorName, ...counts }) => {
      return {
        meetingId: meeting.id,
        courseId: course.id,
        title: { ko: course.titleKo, en: course.titleEn },
        instructorName: instructorName ?? '',
        seq: meeting.seq,
        meetingCount: Number(counts.meetingCount),
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        state: classState(meeting, now),
        checkedIn: Number(counts.checkedIn),
        enrolled: Number(counts.enrolled),
      };
    }),
  };
}
