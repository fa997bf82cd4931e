import { count, eq, inArray } from 'drizzle-orm';
import { attendance, auditLog, meetingReminders, meetings, newId } from '@seoro/db';
import { DomainError, kstInstant } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { planSchedule, type SchedulePatternInput } from './schedule-pattern';
import { assertNoClash, loadCourse, loadRoom } from './shared';

export interface GenerateMeetingsInput extends SchedulePatternInput {
  staffId: string;
}

export interface GenerateMeetingsResult {
  created: number;
  /** Meetings the course had before, now replaced. */
  replaced: number;
  skipped: Array<{ date: string; names: readonly string[] }>;
  first: string;
  last: string;
}

/**
 * Replaces a course's meetings with those of a weekly pattern, public holidays skipped as staff
 * chose, in one transaction. Refused while any learner has checked in (`schedule_has_attendance`:
 * staff then add or edit single meetings), for a cancelled course, and when a slot collides with
 * a meeting already booked (`room_double_booked`, naming it); a refusal writes nothing. Audited
 * with the schedule before and after.
 */
export const generateMeetings = writeService('generateMeetings');
export { generateMeetingsInPlace };

async function generateMeetingsInPlace(
  ctx: ServiceContext,
  input: GenerateMeetingsInput,
): Promise<GenerateMeetingsResult> {
  // Holidays are read before the write transaction: it must not wait on a module load.
  const plan = await planSchedule(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const course = await loadCourse(tx, input.courseId);
    if (course.status === 'cancelled') throw new DomainError('course_already_cancelled');
    const room = await loadRoom(tx, input.roomId ?? course.roomId);
    const current = await tx.select().from(meetings).where(eq(meetings.courseId, course.id));
    const ids = current.map((m) => m.id);
    if (ids.length > 0) {
      const [checkedIn] = await tx
        .select({ n: count() })
        .from(attendance)
        .where(inArray(attendance.meetingId, ids));
      if (Number(checkedIn?.n ?? 0) > 0) throw new DomainError('schedule_has_attendance');
    }
    const slots = plan.dates.map((date) => ({
      date,
      startTime: input.startTime,
      endTime: input.endTime,
      roomId: room.id,
    }));
    await assertNoClash(tx, slots, { courseId: course.id, ignoreIds: ids });

    if (ids.length > 0) {
      await tx.delete(meetingReminders).where(inArray(meetingReminders.meetingId, ids));
      await tx.delete(meetings).where(eq(meetings.courseId, course.id));
    }
    await tx.insert(meetings).values(
      slots.map((slot, i) => ({
        id: newId(),
        courseId: course.id,
        roomId: slot.roomId,
        seq: i + 1,
        date: slot.date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: kstInstant(slot.date, slot.startTime),
        endsAt: kstInstant(slot.date, slot.endTime),
        status: 'scheduled' as const,
        createdAt: now,
      })),
    );
    const describe = (m: { date: string; startTime: string; endTime: string; roomId: string }) =>
      `${m.date} ${m.startTime}-${m.endTime} @${m.roomId}`;
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'meetings.generate',
      subjectType: 'course',
      subjectId: course.id,
      detail: {
        pattern: {
          weekdays: input.weekdays,
          startTime: input.startTime,
          endTime: input.endTime,
          first: input.first,
          count: input.count ?? null,
          until: input.until ?? null,
          holidayRule: input.holidayRule,
          roomId: room.id,
        },
        before: current
          .sort((a, b) => a.seq - b.seq)
          .map((m) => `${describe(m)}${m.status === 'cancelled' ? ' (cancelled)' : ''}`),
        after: slots.map(describe),
        skipped: plan.skipped.map((s) => `${s.date} ${s.names.join(', ')}`),
      },
    });
    return {
      created: slots.length,
      replaced: ids.length,
      skipped: plan.skipped,
      first: plan.dates[0] ?? input.first,
      last: plan.dates.at(-1) ?? input.first,
    };
  });
}
