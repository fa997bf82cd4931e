import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { attendance, auditLog, courses, enrolments, meetings, newId, rooms } from '@seoro/db';
import {
  DomainError,
  checkInState,
  kstDateOf,
  kstTimeOf,
  maskName,
  normalizeConfirmationCode,
  type CheckInMethod,
  type CheckInState,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { waitlistPositionOf, type LocalizedText } from '../views';
import { classElsewhere, kioskRoomId } from './kiosk-room';

export interface CheckInInput {
  code: string;
  method: CheckInMethod;
  kioskId?: string | null;
  /**
   * A key the kiosk made when the person tapped (a UUID). Sending it again, after a timeout or from
   * the offline queue, answers as a repeat and writes nothing.
   */
  clientKey?: string | null;
  /** When the person tapped (ISO instant); the window, lateness and "today" are judged then. */
  takenAt?: string | null;
  /** True when the kiosk sends this from its offline queue (noted in the audit log). */
  queued?: boolean;
  /**
   * The room of the kiosk taking the check-in (null: a kiosk without one, which stands where
   * `getTodayAtRoom` says). Given, a class meeting elsewhere today is refused with its place.
   */
  roomId?: string | null;
}

/** How a learner was found, and where, when and how they are checking in. */
export type CheckInOptions = Omit<CheckInInput, 'code' | 'takenAt'> & {
  /** Only this meeting of today's (a choice the kiosk offered); else the one open now. */
  meetingId?: string;
  /** The time of the tap, already checked (see `tapTime`); absent: now. */
  at?: Date;
};

/** A registration with its course, as every way of finding a learner finds it. */
export interface FoundEnrolment {
  enrolment: typeof enrolments.$inferSelect;
  course: typeof courses.$inferSelect;
}

/** How far ahead of the server's clock a kiosk's tap may be dated (clocks drift a little). */
export const CHECK_IN_CLOCK_SKEW_MS = 2 * 60_000;
/** The oldest tap a kiosk may still send from its queue. */
export const CHECK_IN_MAX_AGE_MS = 24 * 3_600_000;

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
 *
 * A kiosk that lost the network keeps the tap (its `clientKey` and `takenAt`) and sends it later:
 * the check-in is then judged at the time of the tap and stored with it, and a key seen before is
 * a repeat, however often and however concurrently it is sent.
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
  const clientKey = input.clientKey ?? null;

  if (clientKey !== null) {
    const repeat = await answerForClientKey(ctx, clientKey, code);
    if (repeat) return repeat;
  }
  const at = tapTime(input.takenAt, now);

  const [row] = await db
    .select({ enrolment: enrolments, course: courses })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(eq(enrolments.code, code))
    .limit(1);
  if (!row) throw new DomainError('code_not_found');
  return checkInFoundEnrolment(ctx, row, { ...input, at });
}

/**
 * Checks a found registration in to today's meeting of its course: the rules after the learner is
 * known, shared by the code and the phone number. Runs where writes run (inside a write service).
 */
export async function checkInFoundEnrolment(
  ctx: ServiceContext,
  row: FoundEnrolment,
  input: CheckInOptions,
): Promise<CheckInResult> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const at = input.at ?? now;
  const clientKey = input.clientKey ?? null;
  // Said before anything else: the learner's place was cancelled with the course, not lost.
  if (row.course.status === 'cancelled') throw new DomainError('course_cancelled');
  // The code is known: saying it was not found would send the resident looking for a typo.
  if (row.enrolment.status === 'cancelled') throw new DomainError('enrolment_cancelled');
  if (row.enrolment.status === 'waitlisted') {
    throw new DomainError('enrolment_waitlisted', {
      position: await waitlistPositionOf(db, row.enrolment),
    });
  }
  if (row.enrolment.status !== 'confirmed') throw new DomainError('enrolment_not_confirmed');

  const today = kstDateOf(at);
  const todays = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.courseId, row.course.id),
        eq(meetings.date, today),
        eq(meetings.status, 'scheduled'),
        input.meetingId ? eq(meetings.id, input.meetingId) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt));
  if (todays.length === 0) throw await noClassToday(ctx, row.course.id, today);
  let candidates = todays;
  if (input.roomId !== undefined) {
    const roomId = await kioskRoomId(ctx, input.roomId);
    candidates = todays.filter((m) => m.roomId === roomId);
    if (candidates.length === 0) throw await classElsewhere(ctx, todays[0]!.roomId);
  }
  const { meeting, state } = chooseTodaysMeeting(candidates, at);

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
          checkedInAt: at,
          method: input.method,
          late,
          kioskId: input.kioskId ?? null,
          clientKey,
          receivedAt: now,
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
          detail: {
            method: input.method,
            late,
            meetingId: meeting.id,
            takenAt: at.toISOString(),
            ...(input.queued ? { queued: true } : {}),
          },
        });
      }
      const [row2] = await tx
        .select()
        .from(attendance)
        .where(
          and(eq(attendance.enrolmentId, row.enrolment.id), eq(attendance.meetingId, meeting.id)),
        )
        .limit(1);
      // Nothing inserted: this enrolment was checked in to this meeting already, or a send of
      // the same key got there first (both unique indexes answer as a repeat).
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

  return answer(created ? 'checked_in' : 'already_checked_in', row, meeting, at, first);
}

function answer(
  status: CheckInResult['status'],
  row: { enrolment: typeof enrolments.$inferSelect; course: typeof courses.$inferSelect },
  meeting: typeof meetings.$inferSelect,
  at: Date,
  first: typeof attendance.$inferSelect,
): CheckInResult {
  return {
    status,
    // The name given with this registration, as on its confirmation page.
    maskedName: maskName(row.enrolment.name),
    course: { id: row.course.id, title: { ko: row.course.titleKo, en: row.course.titleEn } },
    meeting: {
      date: meeting.date,
      seq: meeting.seq,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
    },
    checkedInAt: at.toISOString(),
    firstCheckedInAt: first.checkedInAt.toISOString(),
    late: first.late,
  };
}

/**
 * The time a check-in is judged at: the tap's, when the kiosk sent one. A tap dated ahead of the
 * server's clock by more than a little drift, or too old to be today's class, is refused.
 */
function tapTime(takenAt: string | null | undefined, now: Date): Date {
  if (takenAt === null || takenAt === undefined) return now;
  const at = new Date(takenAt);
  // The router accepts only ISO instants; anything else is a caller's bug.
  if (Number.isNaN(at.getTime())) throw new RangeError(`takenAt is not an instant: ${takenAt}`);
  if (at.getTime() > now.getTime() + CHECK_IN_CLOCK_SKEW_MS) {
    throw new DomainError('check_in_time_in_future');
  }
  if (at.getTime() < now.getTime() - CHECK_IN_MAX_AGE_MS) {
    throw new DomainError('check_in_time_too_old');
  }
  // Within the drift allowed, a tap is never later than its arrival.
  return at.getTime() > now.getTime() ? now : at;
}

/**
 * The answer to a key the server has stored already: a repeat, with nothing written. A key sent
 * with another person's code is not a repeat but a mistake, and is refused.
 */
async function answerForClientKey(
  ctx: ServiceContext,
  clientKey: string,
  code: string,
): Promise<CheckInResult | null> {
  const [found] = await ctx.database.db
    .select({ attendance, enrolment: enrolments, course: courses, meeting: meetings })
    .from(attendance)
    .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(eq(attendance.clientKey, clientKey))
    .limit(1);
  if (!found) return null;
  if (found.enrolment.code !== code) throw new DomainError('idempotency_conflict');
  return answer(
    'already_checked_in',
    found,
    found.meeting,
    found.attendance.checkedInAt,
    found.attendance,
  );
}

/**
 * The refusal for a code whose course has no class today: when and where the next one is, or the
 * day the course ended, so the resident knows whether to come back.
 */
async function noClassToday(
  ctx: ServiceContext,
  courseId: string,
  today: string,
): Promise<DomainError> {
  const db = ctx.database.db;
  const scheduled = and(eq(meetings.courseId, courseId), eq(meetings.status, 'scheduled'));
  const [next] = await db
    .select({ meeting: meetings, room: rooms })
    .from(meetings)
    .innerJoin(rooms, eq(rooms.id, meetings.roomId))
    .where(and(scheduled, gt(meetings.date, today)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  if (next) {
    return new DomainError('no_meeting_today_next', {
      date: next.meeting.date,
      time: `${next.meeting.startTime}–${next.meeting.endTime}`,
      roomKo: next.room.nameKo,
      roomEn: next.room.nameEn,
    });
  }
  const [last] = await db
    .select({ date: meetings.date })
    .from(meetings)
    .where(and(scheduled, lt(meetings.date, today)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  if (last) return new DomainError('course_ended', { lastDate: last.date });
  return new DomainError('no_meeting_today');
}

async function findAttendance(ctx: ServiceContext, enrolmentId: string, meetingId: string) {
  const [row] = await ctx.database.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.enrolmentId, enrolmentId), eq(attendance.meetingId, meetingId)))
    .limit(1);
  return row;
}

/**
 * Of one course's meetings today (in start order, at least one), the one to check in to: with two
 * on one day, the one whose window is open, else the next to open, else the last.
 */
export function chooseTodaysMeeting<M extends { startsAt: Date; endsAt: Date }>(
  todays: M[],
  at: Date,
): { meeting: M; state: CheckInState } {
  const states = todays.map((m) => ({ meeting: m, state: checkInState(m, at) }));
  return (
    states.find((s) => s.state.state === 'open') ??
    states.find((s) => s.state.state === 'too_early') ??
    states[states.length - 1]!
  );
}
