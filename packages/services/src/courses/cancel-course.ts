import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments, meetings, outbox, residents, newId } from '@seoro/db';
import { DomainError, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { NotificationPayload } from '../notifications';

/** Enrolment statuses that hold a place or a claim on one; cancelling a course ends them all. */
const LIVE_STATUSES = ['confirmed', 'waitlisted', 'lottery_pending'] as const;

/** Written to a reminder that was queued but is no longer worth sending. */
export const REMINDER_WITHDRAWN_ERROR = 'Withdrawn before delivery: the course was cancelled';

export interface CancelCourseInput {
  courseId: string;
  staffId: string;
  /** Why the course is cancelled (e.g. too few learners); required, kept in the audit log. */
  reason: string;
  /** Language of the messages to learners; residents have no stored language yet. Default 'ko'. */
  locale?: Locale;
}

export interface CancelCourseResult {
  /** Enrolments that were live (confirmed, waitlisted or awaiting the lottery) and are now cancelled. */
  cancelledEnrolments: number;
  /** Residents sent a `course_cancelled` message. */
  notified: number;
  /** Meetings still to come that were called off. */
  cancelledMeetings: number;
}

/**
 * Staff cancel a course (폐강), in one transaction: the course and its meetings still to come are
 * marked cancelled, every live enrolment is cancelled, each affected resident gets one
 * `course_cancelled` message, reminders queued but not yet sent are withdrawn, and the whole change
 * is audited (the course, and each enrolment for the resident's record). A blank reason
 * (`reason_required`), an unknown course (`course_not_found`) or one already cancelled
 * (`course_already_cancelled`) is refused and changes nothing.
 */
export const cancelCourse = writeService('cancelCourse');
export { cancelCourseInPlace };

async function cancelCourseInPlace(
  ctx: ServiceContext,
  input: CancelCourseInput,
): Promise<CancelCourseResult> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  const locale = input.locale ?? 'ko';
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    if (course.status === 'cancelled') throw new DomainError('course_already_cancelled');

    await tx.update(courses).set({ status: 'cancelled' }).where(eq(courses.id, course.id));
    // Meetings already held stay as they were: their attendance is history.
    const calledOff = await tx
      .update(meetings)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(meetings.courseId, course.id),
          eq(meetings.status, 'scheduled'),
          gt(meetings.startsAt, now),
        ),
      )
      .returning({ id: meetings.id });

    const live = await tx
      .select({
        id: enrolments.id,
        residentId: enrolments.residentId,
        status: enrolments.status,
        phone: residents.phoneE164,
      })
      .from(enrolments)
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(and(eq(enrolments.courseId, course.id), inArray(enrolments.status, LIVE_STATUSES)))
      .orderBy(asc(enrolments.queueNo));
    await tx
      .update(enrolments)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(and(eq(enrolments.courseId, course.id), inArray(enrolments.status, LIVE_STATUSES)));

    // The live-enrolment unique index allows one per resident and course; the set is a safeguard.
    const told = new Set<string>();
    const payload = {
      courseId: course.id,
      courseTitleKo: course.titleKo,
      courseTitleEn: course.titleEn,
    } satisfies NotificationPayload<'course_cancelled'>;
    for (const enrolment of live) {
      if (told.has(enrolment.residentId)) continue;
      told.add(enrolment.residentId);
      await tx.insert(outbox).values({
        id: newId(),
        template: 'course_cancelled',
        channel: 'sms',
        recipient: enrolment.phone,
        locale,
        payload,
        nextAttemptAt: now,
        createdAt: now,
      });
    }

    // A "see you tomorrow" message already queued would contradict the cancellation.
    const withdrawn = await tx
      .update(outbox)
      .set({ status: 'failed', lastError: REMINDER_WITHDRAWN_ERROR })
      .where(
        and(
          eq(outbox.template, 'meeting_reminder'),
          eq(outbox.status, 'pending'),
          sql`json_extract(${outbox.payload}, '$.courseId') = ${course.id}`,
        ),
      )
      .returning({ id: outbox.id });

    const actor = { at: now, actorType: 'staff' as const, actorId: input.staffId };
    await tx.insert(auditLog).values([
      {
        ...actor,
        action: 'course.cancel',
        subjectType: 'course',
        subjectId: course.id,
        detail: {
          reason,
          cancelledEnrolments: live.length,
          notified: told.size,
          cancelledMeetings: calledOff.map((m) => m.id),
          withdrawnReminders: withdrawn.length,
        },
      },
      ...live.map((enrolment) => ({
        ...actor,
        action: 'enrolment.cancel',
        subjectType: 'enrolment',
        subjectId: enrolment.id,
        residentId: enrolment.residentId,
        detail: { previousStatus: enrolment.status, reason, courseCancelled: true },
      })),
    ]);
    return {
      cancelledEnrolments: live.length,
      notified: told.size,
      cancelledMeetings: calledOff.length,
    };
  });
}
