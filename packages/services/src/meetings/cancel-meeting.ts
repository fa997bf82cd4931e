import { eq } from 'drizzle-orm';
import { auditLog, meetings } from '@seoro/db';
import { DomainError, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { meetingPayload, notifyLearners, withdrawReminders } from './shared';
import { loadChangeableMeeting } from './update-meeting';

export interface CancelMeetingInput {
  meetingId: string;
  staffId: string;
  /** Why (e.g. the instructor is ill); required, kept in the audit log. */
  reason: string;
  locale?: Locale;
}

/**
 * Cancels one meeting (휴강): its slot is freed, confirmed learners get a `meeting_cancelled`
 * text, a reminder queued for it is withdrawn, and the reason is audited. A blank reason, a
 * meeting already cancelled or one with check-ins is refused and changes nothing.
 */
export const cancelMeeting = writeService('cancelMeeting');
export { cancelMeetingInPlace };

async function cancelMeetingInPlace(
  ctx: ServiceContext,
  input: CancelMeetingInput,
): Promise<{ meetingId: string; notified: number }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const { meeting, course, room } = await loadChangeableMeeting(tx, input.meetingId);
    if (meeting.status === 'cancelled') throw new DomainError('meeting_already_cancelled');
    await tx.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
    const withdrawn = await withdrawReminders(tx, meeting);
    const notified = await notifyLearners(tx, {
      courseId: course.id,
      template: 'meeting_cancelled',
      payload: meetingPayload(course, meeting, room),
      locale: input.locale ?? 'ko',
      now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'meeting.cancel',
      subjectType: 'meeting',
      subjectId: meeting.id,
      detail: {
        courseId: course.id,
        reason,
        before: { status: 'scheduled' },
        after: { status: 'cancelled' },
        slot: `${meeting.date} ${meeting.startTime}-${meeting.endTime}`,
        notified,
        withdrawnReminders: withdrawn,
      },
    });
    return { meetingId: meeting.id, notified };
  });
}
