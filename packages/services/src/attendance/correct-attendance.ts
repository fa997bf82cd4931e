import { and, eq } from 'drizzle-orm';
import { attendance, auditLog, courses, enrolments, meetings, newId } from '@seoro/db';
import { DomainError, kstDateOf, maskName } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { CheckInMethodName } from './course-attendance';

/** The mark staff set: present or late (a check-in by staff), or absent (no check-in). */
export type AttendanceMark = 'present' | 'late' | 'absent';
export const ATTENDANCE_MARKS = ['present', 'late', 'absent'] as const;

export interface CorrectAttendanceInput {
  enrolmentId: string;
  meetingId: string;
  mark: AttendanceMark;
  /** Why; kept in the audit row. Blank is refused. */
  reason: string;
  staffId: string;
  ip?: string | null;
}

/** A mark as it was or is: the state and, with a check-in, how and when it was taken. */
export interface MarkSnapshot {
  mark: AttendanceMark;
  method: CheckInMethodName | null;
  /** ISO instant; null without a check-in. */
  checkedInAt: string | null;
}

export interface CorrectAttendanceResult {
  enrolmentId: string;
  meetingId: string;
  /** The learner's name masked (김*수): the answer says whose mark it was without a new read. */
  maskedName: string;
  meeting: { seq: number; date: string };
  before: MarkSnapshot;
  after: MarkSnapshot;
  /** False when the mark already was the one asked for: nothing written, nothing audited. */
  changed: boolean;
}

/**
 * Staff correct one learner's mark at one meeting, with a reason: present or late adds a check-in
 * taken by staff (method `staff`) or changes its lateness; absent removes the check-in. The audit
 * row keeps the mark before and after and the reason. Refusals: a blank reason
 * (`reason_required`), an unknown enrolment (`enrolment_not_found`), a meeting of another course
 * (`course_not_found`), a learner who is not confirmed (`enrolment_not_confirmed`), a cancelled
 * course (`course_cancelled`) or meeting (`no_meeting_today`), a meeting after today
 * (`check_in_too_early`).
 */
export const correctAttendance = writeService('correctAttendance');
export { correctAttendanceInPlace };

async function correctAttendanceInPlace(
  ctx: ServiceContext,
  input: CorrectAttendanceInput,
): Promise<CorrectAttendanceResult> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  const outcome = await ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ enrolment: enrolments, course: courses })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .where(eq(enrolments.id, input.enrolmentId))
      .limit(1);
    if (!row) throw new DomainError('enrolment_not_found');
    const [meeting] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.courseId, row.course.id)))
      .limit(1);
    if (!meeting) throw new DomainError('course_not_found');
    if (row.course.status === 'cancelled') throw new DomainError('course_cancelled');
    if (row.enrolment.status !== 'confirmed') throw new DomainError('enrolment_not_confirmed');
    if (meeting.status === 'cancelled') throw new DomainError('no_meeting_today');
    if (meeting.date > kstDateOf(now)) {
      throw new DomainError('check_in_too_early', { opensAt: meeting.date });
    }

    const [existing] = await tx
      .select()
      .from(attendance)
      .where(
        and(eq(attendance.enrolmentId, row.enrolment.id), eq(attendance.meetingId, meeting.id)),
      )
      .limit(1);
    const before: MarkSnapshot = existing
      ? {
          mark: existing.late ? 'late' : 'present',
          method: existing.method,
          checkedInAt: existing.checkedInAt.toISOString(),
        }
      : { mark: 'absent', method: null, checkedInAt: null };
    const base = {
      enrolmentId: row.enrolment.id,
      meetingId: meeting.id,
      maskedName: maskName(row.enrolment.name),
      meeting: { seq: meeting.seq, date: meeting.date },
      before,
    };
    if (before.mark === input.mark) {
      return { result: { ...base, after: before, changed: false }, created: null };
    }

    let after: MarkSnapshot;
    let created: { attendanceId: string; late: boolean } | null = null;
    if (input.mark === 'absent') {
      await tx.delete(attendance).where(eq(attendance.id, existing!.id));
      after = { mark: 'absent', method: null, checkedInAt: null };
    } else if (existing) {
      // Only the lateness changes: how and when they checked in stays as it was recorded.
      const late = input.mark === 'late';
      await tx.update(attendance).set({ late }).where(eq(attendance.id, existing.id));
      after = { ...before, mark: input.mark };
    } else {
      const attendanceId = newId();
      const late = input.mark === 'late';
      await tx.insert(attendance).values({
        id: attendanceId,
        enrolmentId: row.enrolment.id,
        meetingId: meeting.id,
        checkedInAt: now,
        method: 'staff',
        late,
        kioskId: null,
      });
      created = { attendanceId, late };
      after = { mark: input.mark, method: 'staff', checkedInAt: now.toISOString() };
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'attendance.correct',
      subjectType: 'enrolment',
      subjectId: row.enrolment.id,
      residentId: row.enrolment.residentId,
      ip: input.ip ?? null,
      detail: { courseId: row.course.id, meetingId: meeting.id, reason, before, after },
    });
    return { result: { ...base, after, changed: true }, created };
  });
  if (outcome.created) {
    await ctx.hooks.fire('onCheckIn', {
      attendanceId: outcome.created.attendanceId,
      meetingId: outcome.result.meetingId,
      enrolmentId: outcome.result.enrolmentId,
      method: 'staff',
      late: outcome.created.late,
      kioskId: null,
    });
  }
  return outcome.result;
}
