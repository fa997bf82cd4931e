import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { attendance, auditLog, meetings, rooms, terms, venues } from '@seoro/db';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { loadCourse } from './shared';

/** A room as a chooser lists it. */
export interface RoomOption {
  id: string;
  name: LocalizedText;
  venue: LocalizedText;
}

/** One meeting of a course as the admin lists it. */
export interface CourseMeeting {
  id: string;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
  roomId: string;
  room: LocalizedText;
  status: 'scheduled' | 'cancelled';
  /** Learners who checked in; a meeting with any cannot be moved or cancelled. */
  attended: number;
  /** Why it was cancelled, from the audit log; null when scheduled. */
  cancelReason: string | null;
}

export interface CourseMeetings {
  course: {
    id: string;
    title: LocalizedText;
    status: 'open' | 'cancelled';
    roomId: string;
    term: { id: string; name: LocalizedText; startsOn: string; endsOn: string };
  };
  meetings: CourseMeeting[];
  /** Whether any learner has checked in to any meeting: the schedule can then not be replaced. */
  hasAttendance: boolean;
  rooms: RoomOption[];
}

/** A course's meetings with their rooms and attendance, for the admin's meetings page. */
export async function listCourseMeetings(
  ctx: ServiceContext,
  input: { courseId: string },
): Promise<CourseMeetings> {
  const db = ctx.database.db;
  const course = await loadCourse(db, input.courseId);
  const [term] = await db.select().from(terms).where(eq(terms.id, course.termId)).limit(1);
  const rows = await db
    .select({ meeting: meetings, roomKo: rooms.nameKo, roomEn: rooms.nameEn })
    .from(meetings)
    .innerJoin(rooms, eq(rooms.id, meetings.roomId))
    .where(eq(meetings.courseId, course.id))
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.seq));
  const ids = rows.map((r) => r.meeting.id);
  const attended =
    ids.length === 0
      ? []
      : await db
          .select({ meetingId: attendance.meetingId, n: count() })
          .from(attendance)
          .where(inArray(attendance.meetingId, ids))
          .groupBy(attendance.meetingId);
  const attendedBy = new Map(attended.map((a) => [a.meetingId, Number(a.n)]));
  const cancelledIds = rows
    .filter((r) => r.meeting.status === 'cancelled')
    .map((r) => r.meeting.id);
  const reasons =
    cancelledIds.length === 0
      ? []
      : await db
          .select({ subjectId: auditLog.subjectId, detail: auditLog.detail })
          .from(auditLog)
          .where(
            and(eq(auditLog.action, 'meeting.cancel'), inArray(auditLog.subjectId, cancelledIds)),
          )
          .orderBy(desc(auditLog.id));
  const reasonBy = new Map<string, string>();
  for (const r of reasons) {
    const reason = r.detail?.reason;
    if (r.subjectId && typeof reason === 'string' && !reasonBy.has(r.subjectId)) {
      reasonBy.set(r.subjectId, reason);
    }
  }
  return {
    course: {
      id: course.id,
      title: { ko: course.titleKo, en: course.titleEn },
      status: course.status,
      roomId: course.roomId,
      term: {
        id: course.termId,
        name: { ko: term?.nameKo ?? '', en: term?.nameEn ?? '' },
        startsOn: term?.startsOn ?? '',
        endsOn: term?.endsOn ?? '',
      },
    },
    meetings: rows.map(({ meeting, roomKo, roomEn }) => ({
      id: meeting.id,
      seq: meeting.seq,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      roomId: meeting.roomId,
      room: { ko: roomKo, en: roomEn },
      status: meeting.status,
      attended: attendedBy.get(meeting.id) ?? 0,
      cancelReason: meeting.status === 'cancelled' ? (reasonBy.get(meeting.id) ?? null) : null,
    })),
    hasAttendance: attended.some((a) => Number(a.n) > 0),
    rooms: await listRoomOptions(ctx),
  };
}

/** Every room, by venue and name. */
export async function listRoomOptions(ctx: ServiceContext): Promise<RoomOption[]> {
  const rows = await ctx.database.db
    .select({ room: rooms, venueKo: venues.nameKo, venueEn: venues.nameEn })
    .from(rooms)
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .orderBy(asc(venues.nameKo), asc(rooms.nameKo));
  return rows.map((r) => ({
    id: r.room.id,
    name: { ko: r.room.nameKo, en: r.room.nameEn },
    venue: { ko: r.venueKo, en: r.venueEn },
  }));
}
