import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { auditLog, classMessages, enrolments, newId, outbox, residents } from '@seoro/db';
import { DomainError, lmsBytes, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { NotificationPayload } from '../notifications/templates';
import {
  CLASS_MESSAGES_PER_DAY,
  CLASS_MESSAGE_MAX_BYTES,
  classMessagesToday,
  requireOwnCourse,
} from './own-course';

export interface SendClassMessageInput {
  residentId: string;
  courseId: string;
  body: string;
  ip?: string | null;
}

export interface SendClassMessageResult {
  id: string;
  /** Texts queued: one per confirmed learner. */
  recipients: number;
  sentToday: number;
  sentAt: string;
}

/**
 * The instructor's message to their whole class: one text per confirmed learner through the
 * outbox, in the language the learner last got a text in (Korean otherwise), prefixed with the
 * program's name and the course title; recorded in `class_messages` and audited as
 * `class_message.send`. Refusals: a blank body (`class_message_required`), one longer than
 * `CLASS_MESSAGE_MAX_BYTES` (`class_message_too_long`), a third message in one KST day
 * (`class_message_limit`), a course that is not theirs (`course_not_found`) or cancelled.
 */
export const sendClassMessage = writeService('sendClassMessage');
export { sendClassMessageInPlace };

async function sendClassMessageInPlace(
  ctx: ServiceContext,
  input: SendClassMessageInput,
): Promise<SendClassMessageResult> {
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  if (body.length === 0) throw new DomainError('class_message_required');
  if (lmsBytes(body) > CLASS_MESSAGE_MAX_BYTES) {
    throw new DomainError('class_message_too_long', { max: CLASS_MESSAGE_MAX_BYTES });
  }
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const { course, instructorId } = await requireOwnCourse(tx, input.residentId, input.courseId);
    if (course.status === 'cancelled') throw new DomainError('course_cancelled');
    const sentToday = await classMessagesToday(tx, course.id, now);
    if (sentToday >= CLASS_MESSAGES_PER_DAY) {
      throw new DomainError('class_message_limit', { limit: CLASS_MESSAGES_PER_DAY });
    }
    const learners = await tx
      .select({ residentId: residents.id, phone: residents.phoneE164 })
      .from(enrolments)
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(
        and(
          eq(enrolments.courseId, course.id),
          eq(enrolments.status, 'confirmed'),
          isNull(residents.anonymizedAt),
        ),
      );
    const phones = learners.map((l) => l.phone);
    // No language is stored with a resident: the one their last text went out in is theirs.
    const earlier =
      phones.length === 0
        ? []
        : await tx
            .select({ recipient: outbox.recipient, locale: outbox.locale })
            .from(outbox)
            .where(and(inArray(outbox.recipient, phones), eq(outbox.channel, 'sms')))
            .orderBy(desc(outbox.createdAt));
    const localeOf = new Map<string, Locale>();
    for (const row of earlier)
      if (!localeOf.has(row.recipient)) localeOf.set(row.recipient, row.locale);

    const payload = {
      courseId: course.id,
      courseTitleKo: course.titleKo,
      courseTitleEn: course.titleEn,
      body,
    } satisfies NotificationPayload<'class_message'>;
    for (const learner of learners) {
      await tx.insert(outbox).values({
        id: newId(),
        template: 'class_message',
        channel: 'sms',
        recipient: learner.phone,
        locale: localeOf.get(learner.phone) ?? 'ko',
        payload,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    const id = newId();
    await tx.insert(classMessages).values({
      id,
      courseId: course.id,
      instructorId,
      body,
      recipients: learners.length,
      sentAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'class_message.send',
      subjectType: 'course',
      subjectId: course.id,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: {
        courseId: course.id,
        instructorId,
        classMessageId: id,
        recipients: learners.length,
      },
    });
    return {
      id,
      recipients: learners.length,
      sentToday: sentToday + 1,
      sentAt: now.toISOString(),
    };
  });
}
