import { eq } from 'drizzle-orm';
import { auditLog, courses, enrolments, outbox, residents, newId } from '@seoro/db';
import { DomainError, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { promoteFromWaitlist, type Promotion } from './promote';

/** Who asks for a cancellation; the router has already checked they may. */
export type Actor =
  { type: 'resident'; id: string } | { type: 'staff'; id: string } | { type: 'system'; id: null };

export interface CancelResult {
  enrolmentId: string;
  previousStatus: 'confirmed' | 'waitlisted' | 'lottery_pending';
  promoted: Promotion[];
}

/**
 * Cancels an enrolment — a confirmed place, or leaving the waitlist. A freed seat goes to the next
 * person waiting in the same transaction, with their notification queued; the resident who
 * cancelled is told too. Cancelling twice is refused (`not_cancellable`) and changes nothing.
 */
export const cancelEnrolment = writeService('cancelEnrolment');
export { cancelEnrolmentInPlace };

async function cancelEnrolmentInPlace(
  ctx: ServiceContext,
  input: {
    enrolmentId: string;
    actor: Actor;
    locale?: Locale;
    reason?: string | null;
    /** The kiosk the resident cancelled at, if any; recorded in the audit log. */
    kioskId?: string | null;
  },
): Promise<CancelResult> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ enrolment: enrolments, course: courses, phone: residents.phoneE164 })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(eq(enrolments.id, input.enrolmentId))
      .limit(1);
    if (!row) throw new DomainError('enrolment_not_found');
    const previousStatus = row.enrolment.status;
    if (previousStatus === 'cancelled') throw new DomainError('not_cancellable');

    await tx
      .update(enrolments)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(eq(enrolments.id, row.enrolment.id));
    await tx.insert(outbox).values({
      id: newId(),
      template: 'enrolment_cancelled',
      channel: 'sms',
      recipient: row.phone,
      locale: input.locale ?? 'ko',
      payload: {
        code: row.enrolment.code,
        courseId: row.course.id,
        courseTitleKo: row.course.titleKo,
        courseTitleEn: row.course.titleEn,
      },
      nextAttemptAt: now,
      createdAt: now,
    });
    const promoted =
      previousStatus === 'confirmed' ? await promoteFromWaitlist(tx, row.course, now) : [];
    await tx.insert(auditLog).values({
      at: now,
      actorType: input.actor.type,
      actorId: input.actor.id,
      action: previousStatus === 'waitlisted' ? 'waitlist.leave' : 'enrolment.cancel',
      subjectType: 'enrolment',
      subjectId: row.enrolment.id,
      residentId: row.enrolment.residentId,
      detail: {
        previousStatus,
        reason: input.reason ?? null,
        promoted: promoted.map((p) => p.enrolmentId),
        ...(input.kioskId ? { kioskId: input.kioskId } : {}),
      },
    });
    return { enrolmentId: row.enrolment.id, previousStatus, promoted };
  });
}
