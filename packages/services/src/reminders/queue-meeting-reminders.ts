import { and, eq } from 'drizzle-orm';
import {
  courses,
  enrolments,
  meetingReminders,
  meetings,
  outbox,
  residents,
  rooms,
  venues,
  newId,
} from '@seoro/db';
import { addDays, kstDateOf, kstTimeOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { NotificationPayload } from '../notifications';

/** From this KST time on, reminders for tomorrow's meetings go out (not in the middle of the night). */
export const REMINDER_FROM_KST = '10:00';

/**
 * Queues "see you tomorrow" reminders for every confirmed learner of tomorrow's meetings (KST),
 * once per learner and meeting however often it runs; the reminder and its record are one
 * transaction. Returns how many were queued.
 */
export async function queueMeetingReminders(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  if (kstTimeOf(now) < REMINDER_FROM_KST) return 0;
  const tomorrow = addDays(kstDateOf(now), 1);
  return ctx.database.write(async (tx) => {
    const rows = await tx
      .select({
        meeting: meetings,
        course: courses,
        enrolmentId: enrolments.id,
        code: enrolments.code,
        phone: residents.phoneE164,
        room: rooms,
        venue: venues,
      })
      .from(meetings)
      .innerJoin(courses, eq(courses.id, meetings.courseId))
      .innerJoin(enrolments, eq(enrolments.courseId, courses.id))
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .innerJoin(rooms, eq(rooms.id, meetings.roomId))
      .innerJoin(venues, eq(venues.id, rooms.venueId))
      .where(
        and(
          eq(meetings.date, tomorrow),
          eq(meetings.status, 'scheduled'),
          eq(courses.status, 'open'),
          eq(enrolments.status, 'confirmed'),
        ),
      );
    let queued = 0;
    for (const row of rows) {
      const inserted = await tx
        .insert(meetingReminders)
        .values({ meetingId: row.meeting.id, enrolmentId: row.enrolmentId, queuedAt: now })
        .onConflictDoNothing()
        .returning({ meetingId: meetingReminders.meetingId });
      if (inserted.length === 0) continue;
      const payload = {
        code: row.code,
        courseId: row.course.id,
        courseTitleKo: row.course.titleKo,
        courseTitleEn: row.course.titleEn,
        date: row.meeting.date,
        startTime: row.meeting.startTime,
        endTime: row.meeting.endTime,
        venueKo: row.venue.nameKo,
        venueEn: row.venue.nameEn,
        roomKo: row.room.nameKo,
        roomEn: row.room.nameEn,
      } satisfies NotificationPayload<'meeting_reminder'>;
      await tx.insert(outbox).values({
        id: newId(),
        template: 'meeting_reminder',
        channel: 'sms',
        recipient: row.phone,
        locale: 'ko',
        payload,
        nextAttemptAt: now,
        createdAt: now,
      });
      queued += 1;
    }
    return queued;
  });
}
