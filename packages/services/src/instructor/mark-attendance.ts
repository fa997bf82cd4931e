import { and, eq } from 'drizzle-orm';
import { attendance, auditLog, enrolments, newId } from '@seoro/db';
import { DomainError, kstDateOf, maskName } from '@seoro/domain';
import type { CheckInMethodName } from '../attendance/course-attendance';
import { writeService, type ServiceContext } from '../context';
import { attendanceWindowOf, courseMeetingsOf, requireOwnCourse } from './own-course';

/** What an instructor marks: present, late, or absent (taking back their own mark). */
export const INSTRUCTOR_MARKS = ['present', 'late', 'absent'] as const;
export type InstructorMark = (typeof INSTRUCTOR_MARKS)[number];

export interface MarkAttendanceInput {
  residentId: string;
  courseId: string;
  /** The meeting the instructor's page showed; it must be the one open now. */
  meetingId: string;
  enrolmentId: string;
  mark: InstructorMark;
  ip?: string | null;
}

export interface MarkAttendanceResult {
  enrolmentId: string;
  maskedName: string;
  /** The mark now, and how it was taken (an existing kiosk check-in stays as it was). */
  mark: InstructorMark;
  method: CheckInMethodName | null;
  /** False when nothing changed: the mark already was that, or a check-in the instructor cannot change. */
  changed: boolean;
}

/**
 * The instructor marks one confirmed learner at today's meeting of their own course. Present or
 * late writes an attendance row with method `instructor`, which counts exactly like a kiosk
 * check-in; a learner who already checked in (kiosk, staff) keeps that check-in, never a second
 * row. Absent removes only a mark the instructor made. Allowed on the meeting's day (KST) from 30
 * minutes before it starts; before that `instructor_attendance_not_open` says when it opens.
 * Audited as `attendance.instructor_mark`.
 */
export const markAttendanceAsInstructor = writeService('markAttendanceAsInstructor');
export { markAttendanceAsInstructorInPlace };

async function markAttendanceAsInstructorInPlace(
  ctx: ServiceContext,
  input: MarkAttendanceInput,
): Promise<MarkAttendanceResult> {
  const outcome = await ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const { course, instructorId } = await requireOwnCourse(tx, input.residentId, input.courseId);
    const [enrolment] = await tx
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.id, input.enrolmentId), eq(enrolments.courseId, course.id)))
      .limit(1);
    if (!enrolment) throw new DomainError('enrolment_not_found');
    if (course.status === 'cancelled') throw new DomainError('course_cancelled');
    if (enrolment.status !== 'confirmed') throw new DomainError('enrolment_not_confirmed');
    const courseMeetings = await courseMeetingsOf(tx, course.id);
    const meeting = courseMeetings.find((m) => m.id === input.meetingId);
    if (!meeting) throw new DomainError('meeting_not_found');
    const window = attendanceWindowOf(courseMeetings, now);
    if (window.state !== 'open' || window.meeting.id !== meeting.id) {
      if (meeting.status === 'scheduled' && meeting.date >= kstDateOf(now)) {
        const opensAt =
          window.state === 'not_open' && window.meeting.id === meeting.id
            ? window.opensAt
            : new Date(meeting.startsAt.getTime() - 30 * 60_000);
        throw new DomainError('instructor_attendance_not_open', { opensAt: opensAt.toISOString() });
      }
      // A past day, or a cancelled meeting: staff correct those.
      throw new DomainError('no_meeting_today');
    }

    const [existing] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.enrolmentId, enrolment.id), eq(attendance.meetingId, meeting.id)))
      .limit(1);
    const before = existing
      ? { mark: existing.late ? ('late' as const) : ('present' as const), method: existing.method }
      : { mark: 'absent' as const, method: null };
    const base = { enrolmentId: enrolment.id, maskedName: maskName(enrolment.name) };
    // A check-in taken at the kiosk or by staff is the record; the instructor's tap changes nothing.
    const fixed = existing && existing.method !== 'instructor';
    if (before.mark === input.mark || fixed) {
      return { result: { ...base, ...before, changed: false }, created: null };
    }

    let created: { attendanceId: string; late: boolean } | null = null;
    let after: { mark: InstructorMark; method: CheckInMethodName | null };
    if (input.mark === 'absent') {
      await tx.delete(attendance).where(eq(attendance.id, existing!.id));
      after = { mark: 'absent', method: null };
    } else if (existing) {
      await tx
        .update(attendance)
        .set({ late: input.mark === 'late' })
        .where(eq(attendance.id, existing.id));
      after = { mark: input.mark, method: 'instructor' };
    } else {
      const attendanceId = newId();
      const late = input.mark === 'late';
      // The unique (enrolment, meeting) index a kiosk check-in meets is the backstop here too.
      const inserted = await tx
        .insert(attendance)
        .values({
          id: attendanceId,
          enrolmentId: enrolment.id,
          meetingId: meeting.id,
          checkedInAt: now,
          method: 'instructor',
          late,
          kioskId: null,
        })
        .onConflictDoNothing()
        .returning({ id: attendance.id });
      if (inserted.length === 0) return { result: { ...base, ...before, changed: false }, created };
      created = { attendanceId, late };
      after = { mark: input.mark, method: 'instructor' };
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'attendance.instructor_mark',
      subjectType: 'enrolment',
      subjectId: enrolment.id,
      residentId: enrolment.residentId,
      ip: input.ip ?? null,
      detail: { courseId: course.id, meetingId: meeting.id, instructorId, before, after },
    });
    return { result: { ...base, ...after, changed: true }, created };
  });
  if (outcome.created) {
    await ctx.hooks.fire('onCheckIn', {
      attendanceId: outcome.created.attendanceId,
      meetingId: input.meetingId,
      enrolmentId: outcome.result.enrolmentId,
      method: 'instructor',
      late: outcome.created.late,
      kioskId: null,
    });
  }
  return outcome.result;
}
