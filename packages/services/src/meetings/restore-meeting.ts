import { eq } from 'drizzle-orm';
import { auditLog, meetings } from '@seoro/db';
import { DomainError, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { assertNoClash, meetingPayload, notifyLearners } from './shared';
import { loadChangeableMeeting } from './update-meeting';

export interface RestoreMeetingInput {
  meetingId: string;
  staffId: string;
  reason?: string | null;
  locale?: Locale;
}

/**
 * Puts a cancelled meeting back on the timetable, if its slot is still free (`room_double_booked`
 * otherwise, naming what took it). Confirmed learners get a `meeting_restored` text; audited.
 */
export const restoreMeeting = writeService('restoreMeeting');
export { restoreMeetingInPlace };

async function restoreMeetingInPlace(
  ctx: ServiceContext,
  input: RestoreMeetingInput,
): Promise<{ meetingId: string; notified: number }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const { meeting, course, room } = await loadChangeableMeeting(tx, input.meetingId);
    if (meeting.status !== 'cancelled') throw new DomainError('meeting_not_cancelled');
    if (course.status === 'cancelled') throw new DomainError('course_already_cancelled');
    await assertNoClash(tx, [meeting], { courseId: course.id, ignoreIds: [meeting.id] });
    await tx.update(meetings).set({ status: 'scheduled' }).where(eq(meetings.id, meeting.id));
    const notified = await notifyLearners(tx, {
      courseId: course.id,
      template: 'meeting_restored',
      payload: meetingPayload(course, meeting, room),
      locale: input.locale ?? 'ko',
      now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'meeting.restore',
      subjectType: 'meeting',
      subjectId: meeting.id,
      detail: {
        courseId: course.id,
        reason: input.reason?.trim() || null,
        before: { status: 'cancelled' },
        after: { status: 'scheduled' },
        slot: `${meeting.date} ${meeting.startTime}-${meeting.endTime}`,
        notified,
      },
    });
    return { meetingId: meeting.id, notified };
  });
}
