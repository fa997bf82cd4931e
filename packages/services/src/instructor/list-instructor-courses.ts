import { and, eq, inArray, sql } from 'drizzle-orm';
import { courses, enrolments, instructors, meetings, rooms, terms } from '@seoro/db';
import { kstDateOf, maskName, type LocalizedText } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { instructorIdsOf } from './own-course';

/** A meeting as the instructor's pages name it (KST date and times). */
export interface InstructorMeeting {
  id: string;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
  room: LocalizedText;
}

export interface InstructorCourseSummary {
  id: string;
  title: LocalizedText;
  term: { id: string; name: LocalizedText; startsOn: string; endsOn: string };
  status: 'open' | 'cancelled';
  draft: boolean;
  /** Meetings not cancelled, and how many of them have started. */
  meetings: { total: number; held: number };
  confirmed: number;
  waitlisted: number;
  /** The first meeting not over yet; null when none is left. */
  nextMeeting: InstructorMeeting | null;
  /** A meeting of this course is today (KST). */
  meetsToday: boolean;
}

export interface InstructorHome {
  /** False: the resident teaches no course (the page points them to applying). */
  isInstructor: boolean;
  /** The instructor's name as the program shows it, masked like every personal name here. */
  maskedName: string | null;
  /** Terms not over yet, then past ones; newest first within each. */
  current: InstructorCourseSummary[];
  past: InstructorCourseSummary[];
}

/** The signed-in resident's courses as an instructor, in current and past terms. */
export async function listInstructorCourses(
  ctx: ServiceContext,
  input: { residentId: string },
): Promise<InstructorHome> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const today = kstDateOf(now);
  const ids = await instructorIdsOf(db, input.residentId);
  if (ids.length === 0) return { isInstructor: false, maskedName: null, current: [], past: [] };
  const [me] = await db
    .select({ name: instructors.displayName })
    .from(instructors)
    .where(inArray(instructors.id, ids))
    .limit(1);
  const rows = await db
    .select({ course: courses, term: terms })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(inArray(courses.instructorId, ids));
  const courseIds = rows.map((r) => r.course.id);
  const meetingRows =
    courseIds.length === 0
      ? []
      : await db
          .select({ meeting: meetings, room: rooms })
          .from(meetings)
          .innerJoin(rooms, eq(rooms.id, meetings.roomId))
          .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')));
  const counts =
    courseIds.length === 0
      ? []
      : await db
          .select({
            courseId: enrolments.courseId,
            status: enrolments.status,
            n: sql<number>`count(*)`,
          })
          .from(enrolments)
          .where(inArray(enrolments.courseId, courseIds))
          .groupBy(enrolments.courseId, enrolments.status);
  const count = (courseId: string, status: string) =>
    Number(counts.find((c) => c.courseId === courseId && c.status === status)?.n ?? 0);

  const summaries = rows.map(({ course, term }): InstructorCourseSummary => {
    const own = meetingRows
      .filter((m) => m.meeting.courseId === course.id)
      .sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
    const next = own.find((m) => m.meeting.endsAt.getTime() > now.getTime());
    return {
      id: course.id,
      title: { ko: course.titleKo, en: course.titleEn },
      term: {
        id: term.id,
        name: { ko: term.nameKo, en: term.nameEn },
        startsOn: term.startsOn,
        endsOn: term.endsOn,
      },
      status: course.status,
      draft: course.draft,
      meetings: {
        total: own.length,
        held: own.filter((m) => m.meeting.startsAt.getTime() <= now.getTime()).length,
      },
      confirmed: count(course.id, 'confirmed'),
      waitlisted: count(course.id, 'waitlisted'),
      nextMeeting: next
        ? {
            id: next.meeting.id,
            seq: next.meeting.seq,
            date: next.meeting.date,
            startTime: next.meeting.startTime,
            endTime: next.meeting.endTime,
            room: { ko: next.room.nameKo, en: next.room.nameEn },
          }
        : null,
      meetsToday: own.some((m) => m.meeting.date === today),
    };
  });
  const newestFirst = (a: InstructorCourseSummary, b: InstructorCourseSummary) =>
    b.term.startsOn.localeCompare(a.term.startsOn) || a.title.ko.localeCompare(b.title.ko);
  return {
    isInstructor: true,
    maskedName: me ? maskName(me.name) : null,
    current: summaries.filter((c) => c.term.endsOn >= today).sort(newestFirst),
    past: summaries.filter((c) => c.term.endsOn < today).sort(newestFirst),
  };
}
