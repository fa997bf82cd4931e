import { eq, max } from 'drizzle-orm';
import { auditLog, meetings, newId } from '@seoro/db';
import { DomainError, kstInstant } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import {
  assertNoClash,
  assertValidSlot,
  loadCourse,
  loadRoom,
  renumberMeetings,
  type MeetingSlotInput,
} from './shared';

export interface AddMeetingInput extends MeetingSlotInput {
  courseId: string;
  staffId: string;
}

/**
 * Adds one meeting to a course (e.g. a make-up class), numbered in date order with the others.
 * Refused when it collides with a booked meeting (`room_double_booked`, naming it) or the course
 * is cancelled; audited.
 */
export const addMeeting = writeService('addMeeting');
export { addMeetingInPlace };

async function addMeetingInPlace(
  ctx: ServiceContext,
  input: AddMeetingInput,
): Promise<{ meetingId: string; seq: number }> {
  assertValidSlot(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const course = await loadCourse(tx, input.courseId);
    if (course.status === 'cancelled') throw new DomainError('course_already_cancelled');
    const room = await loadRoom(tx, input.roomId);
    await assertNoClash(tx, [{ ...input, roomId: room.id }], { courseId: course.id });
    const [last] = await tx
      .select({ seq: max(meetings.seq) })
      .from(meetings)
      .where(eq(meetings.courseId, course.id));
    const id = newId();
    await tx.insert(meetings).values({
      id,
      courseId: course.id,
      roomId: room.id,
      seq: (last?.seq ?? 0) + 1,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      startsAt: kstInstant(input.date, input.startTime),
      endsAt: kstInstant(input.date, input.endTime),
      status: 'scheduled',
      createdAt: now,
    });
    await renumberMeetings(tx, course.id);
    const [added] = await tx
      .select({ seq: meetings.seq })
      .from(meetings)
      .where(eq(meetings.id, id))
      .limit(1);
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'meeting.add',
      subjectType: 'meeting',
      subjectId: id,
      detail: {
        courseId: course.id,
        after: {
          date: input.date,
          startTime: input.startTime,
          endTime: input.endTime,
          roomId: room.id,
        },
      },
    });
    return { meetingId: id, seq: added?.seq ?? 0 };
  });
}
