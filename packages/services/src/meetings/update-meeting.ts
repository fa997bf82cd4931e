import { count, eq } from 'drizzle-orm';
import { attendance, auditLog, meetings, rooms, type Tx } from '@seoro/db';
import { DomainError, kstInstant, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import {
  assertNoClash,
  assertValidSlot,
  loadCourse,
  loadRoom,
  meetingPayload,
  notifyLearners,
  renumberMeetings,
  withdrawReminders,
  type MeetingSlotInput,
} from './shared';

export interface UpdateMeetingInput extends MeetingSlotInput {
  meetingId: string;
  staffId: string;
  /** Why it moved; kept in the audit log. Optional: a new course's schedule is often adjusted. */
  reason?: string | null;
  /** Language of the texts to learners; Korean by default. */
  locale?: Locale;
}

export interface UpdateMeetingResult {
  meetingId: string;
  changed: boolean;
  /** Residents sent a `meeting_moved` text. */
  notified: number;
}

/** The meeting and its course, refusing one that is unknown or has check-ins. */
export async function loadChangeableMeeting(tx: Tx, meetingId: string) {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  if (!meeting) throw new DomainError('meeting_not_found');
  const [checkedIn] = await tx
    .select({ n: count() })
    .from(attendance)
    .where(eq(attendance.meetingId, meeting.id));
  if (Number(checkedIn?.n ?? 0) > 0) throw new DomainError('meeting_has_attendance');
  const course = await loadCourse(tx, meeting.courseId);
  const [room] = await tx.select().from(rooms).where(eq(rooms.id, meeting.roomId)).limit(1);
  if (!room) throw new DomainError('room_not_found');
  return { meeting, course, room };
}

/**
 * Moves one meeting to another date, time or room. Refused for a cancelled meeting (restore it
 * first), one with check-ins, or a slot that collides with a booked meeting (`room_double_booked`,
 * naming it). Confirmed learners get a `meeting_moved` text with the old and new times; a reminder
 * queued for the old time is withdrawn. Audited with before, after and the reason.
 */
export const updateMeeting = writeService('updateMeeting');
export { updateMeetingInPlace };

async function updateMeetingInPlace(
  ctx: ServiceContext,
  input: UpdateMeetingInput,
): Promise<UpdateMeetingResult> {
  assertValidSlot(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const { meeting, course } = await loadChangeableMeeting(tx, input.meetingId);
    if (meeting.status === 'cancelled') throw new DomainError('meeting_already_cancelled');
    const room = await loadRoom(tx, input.roomId);
    const before = {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      roomId: meeting.roomId,
    };
    const after = {
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      roomId: room.id,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) {
      return { meetingId: meeting.id, changed: false, notified: 0 };
    }
    await assertNoClash(tx, [after], { courseId: course.id, ignoreIds: [meeting.id] });
    await tx
      .update(meetings)
      .set({
        ...after,
        startsAt: kstInstant(after.date, after.startTime),
        endsAt: kstInstant(after.date, after.endTime),
      })
      .where(eq(meetings.id, meeting.id));
    await renumberMeetings(tx, course.id);
    const withdrawn = await withdrawReminders(tx, meeting);
    const notified = await notifyLearners(tx, {
      courseId: course.id,
      template: 'meeting_moved',
      payload: {
        ...meetingPayload(course, { id: meeting.id, ...after }, room),
        fromDate: before.date,
        fromStartTime: before.startTime,
        fromEndTime: before.endTime,
      },
      locale: input.locale ?? 'ko',
      now,
    });
    const reason = input.reason?.trim() || null;
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'meeting.update',
      subjectType: 'meeting',
      subjectId: meeting.id,
      detail: {
        courseId: course.id,
        before,
        after,
        reason,
        notified,
        withdrawnReminders: withdrawn,
      },
    });
    return { meetingId: meeting.id, changed: true, notified };
  });
}
