import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { classMessages, courses, instructors, meetings, type Tx } from '@seoro/db';
import { DomainError, addDays, kstDateOf, kstInstant } from '@seoro/domain';

/** How long before a meeting starts its instructor may take attendance. */
export const INSTRUCTOR_ATTENDANCE_OPENS_MINUTES_BEFORE = 30;
/** Messages an instructor may send to one class in one KST day. */
export const CLASS_MESSAGES_PER_DAY = 2;
/** The longest message body, in EUC-KR bytes (`lmsBytes`): half an LMS, leaving room for the prefix. */
export const CLASS_MESSAGE_MAX_BYTES = 1000;

/** The instructor rows of a resident (a resident may have been entered as an instructor twice). */
export async function instructorIdsOf(tx: Tx, residentId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: instructors.id })
    .from(instructors)
    .where(eq(instructors.residentId, residentId));
  return rows.map((r) => r.id);
}

/**
 * The course if the resident teaches it. Any other id — someone else's course, an unknown one —
 * is `course_not_found`, so nobody learns from the answer that a course exists.
 */
export async function requireOwnCourse(
  tx: Tx,
  residentId: string,
  courseId: string,
): Promise<{ course: typeof courses.$inferSelect; instructorId: string }> {
  const ids = await instructorIdsOf(tx, residentId);
  if (ids.length === 0) throw new DomainError('course_not_found');
  const [course] = await tx
    .select()
    .from(courses)
    .where(and(eq(courses.id, courseId), inArray(courses.instructorId, ids)))
    .limit(1);
  if (!course?.instructorId) throw new DomainError('course_not_found');
  return { course, instructorId: course.instructorId };
}

export type MeetingRow = typeof meetings.$inferSelect;

/**
 * Where taking attendance stands for a course at `now`: `open` for today's meeting (KST) from
 * 30 minutes before it starts to the end of that day; `not_open` with the instant the next
 * meeting's window opens; `none` when no meeting is left.
 */
export type AttendanceWindow =
  | { state: 'open'; meeting: MeetingRow }
  | { state: 'not_open'; meeting: MeetingRow; opensAt: Date }
  | { state: 'none'; meeting: null };

/** The window of `courseMeetings` (any order) at `now`; cancelled meetings are skipped. */
export function attendanceWindowOf(courseMeetings: MeetingRow[], now: Date): AttendanceWindow {
  const today = kstDateOf(now);
  const opensAt = (m: MeetingRow) =>
    new Date(m.startsAt.getTime() - INSTRUCTOR_ATTENDANCE_OPENS_MINUTES_BEFORE * 60_000);
  const live = courseMeetings
    .filter((m) => m.status === 'scheduled' && m.date >= today)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const todays = live.filter((m) => m.date === today);
  // With two meetings in one day, the later one once its window has opened.
  const open = todays.filter((m) => opensAt(m).getTime() <= now.getTime()).at(-1);
  if (open) return { state: 'open', meeting: open };
  const next = live[0];
  return next
    ? { state: 'not_open', meeting: next, opensAt: opensAt(next) }
    : { state: 'none', meeting: null };
}

/** A course's meetings in 회차 order. */
export function courseMeetingsOf(tx: Tx, courseId: string) {
  return tx
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, courseId))
    .orderBy(asc(meetings.seq));
}

/** Class messages sent for a course on the KST day of `now`. */
export async function classMessagesToday(tx: Tx, courseId: string, now: Date): Promise<number> {
  const today = kstDateOf(now);
  const rows = await tx
    .select({ id: classMessages.id })
    .from(classMessages)
    .where(
      and(
        eq(classMessages.courseId, courseId),
        gte(classMessages.sentAt, kstInstant(today, '00:00')),
        lt(classMessages.sentAt, kstInstant(addDays(today, 1), '00:00')),
      ),
    );
  return rows.length;
}
