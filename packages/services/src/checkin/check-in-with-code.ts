import { and, asc, eq } from 'drizzle-orm';
import { attendance, auditLog, courses, enrolments, meetings, newId } from '@seoro/db';
import {
  DomainError,
  checkInState,
  kstDateOf,
  kstTimeOf,
  maskName,
  normalizeConfirmationCode,
  type CheckInMethod,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';

export interface CheckInInput {
  code: string;
  method: CheckInMethod;
  kioskId?: string | null;
}

export interface CheckInResult {
  status: 'checked_in' | 'already_checked_in';
  maskedName: string;
  course: { id: string; title: LocalizedText };
  meeting: { date: string; seq: number; startTime: string; endTime: string };
  checkedInAt: string;
  firstCheckedInAt: string;
  late: boolean;
}

/**
 * Checks a learner in to today's meeting of their course with their confirmation code. Checking in
 * twice is harmless: the second answer says when the first was, and nothing new is written.
 */
export const checkInWithCode = writeService('checkInWithCode');
export { checkInWithCodeInPlace };

async function checkInWithCodeInPlace(
  ctx: ServiceContext,
  input: CheckInInput,
): Promise<CheckInResult> {
  const code = normalizeConfirmationCode(input.code);
  if (!code) throw new DomainError('code_invalid');
  const db = ctx.database.db;
  const now = ctx.clock.now();

  const [row] = await db
    .select({ enrolment: enrolments, course: courses })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(eq(enrolments.code, code))
    .limit(1);
  if (!row) throw new DomainError('code_not_found');
  // Said before anything else: the learner's place was cancelled with the course, not lost.
  if (row.course.status === 'cancelled') throw new DomainError('course_cancelled');
  if (row.enrolment.status === 'cancelled') throw new DomainError('code_not_found');
  if (row.enrolment.status !== 'confirmed') throw new DomainError('enrolment_not_confirmed');

  const today = kstDateOf(now);
  const todays = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.courseId, row.course.id),
        eq(meetings.date, today),
        eq(meetings.status, 'scheduled'),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  if (todays.length === 0) throw new DomainError('no_meeting_today');
  // With two meetings on one day, take the one whose window is open, else the next to open.
  const states = todays.map((m) => ({ meeting: m, state: checkInState(m, now) }));
  const chosen =
    states.find((s) => s.state.state === 'open') ??
    states.find((s) => s.state.state === 'too_early') ??
    states[states.length - 1]!;
  const { meeting, state } = chosen;

  const existing = await findAttendance(ctx, row.enrolment.id, meeting.id);
  if (!existing) {
    if (state.state === 'too_early') {
      throw new DomainError('check_in_too_early', { opensAt: kstTimeOf(state.opensAt) });
    }
    if (state.state === 'closed') throw new DomainError('check_in_closed');
  }

  const late = state.state === 'open' ? state.late : false;
  let first = existing;
  let created = false;
  if (!first) {
    first = await ctx.database.write(async (tx) => {
      const attendanceId = newId();
      const inserted = await tx
        .insert(attendance)
        .values({
          id: attendanceId,
          enrolmentId: row.enrolment.id,
          meetingId: meeting.id,
          checkedInAt: now,
          method: input.method,
          late,
          kioskId: input.kioskId ?? null,
        })
        .onConflictDoNothing()
        .returning({ id: attendance.id });
      if (inserted.length > 0) {
        created = true;
        await tx.insert(auditLog).values({
          at: now,
          actorType: input.kioskId ? 'kiosk' : 'system',
          actorId: input.kioskId ?? null,
          action: 'attendance.check_in',
          subjectType: 'attendance',
          subjectId: attendanceId,
          residentId: row.enrolment.residentId,
          detail: { method: input.method, late, meetingId: meeting.id },
        });
      }
      const [row2] = await tx
        .select()
        .from(attendance)
        .where(
          and(eq(attendance.enrolmentId, row.enrolment.id), eq(attendance.meetingId, meeting.id)),
        )
        .limit(1);
      return row2!;
    });
    if (created) {
      await ctx.hooks.fire('onCheckIn', {
        attendanceId: first.id,
        meetingId: meeting.id,
        enrolmentId: row.enrolment.id,
        method: input.method,
        late,
        kioskId: input.kioskId ?? null,
      });
    }
  }

  return {
    status: created ? 'checked_in' : 'already_checked_in',
    // The name given with this registration, as on its confirmation page.
    maskedName: maskName(row.enrolment.name),
    course: { id: row.course.id, title: { ko: row.course.titleKo, en: row.course.titleEn } },
    meeting: {
      date: meeting.date,
      seq: meeting.seq,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
    },
    checkedInAt: now.toISOString(),
    firstCheckedInAt: first.checkedInAt.toISOString(),
    late: first.late,
  };
}

async function findAttendance(ctx: ServiceContext, enrolmentId: string, meetingId: string) {
  const [row] = await ctx.database.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.enrolmentId, enrolmentId), eq(attendance.meetingId, meetingId)))
    .limit(1);
  return row;
}
