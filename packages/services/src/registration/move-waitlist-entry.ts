import { and, asc, eq } from 'drizzle-orm';
import { auditLog, enrolments } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Staff move someone to another place on a waitlist (first-come otherwise). The reason is
 * required and recorded in the audit log with the old and new positions.
 */
export const moveWaitlistEntry = writeService('moveWaitlistEntry');
export { moveWaitlistEntryInPlace };

async function moveWaitlistEntryInPlace(
  ctx: ServiceContext,
  input: { enrolmentId: string; toPosition: number; reason: string; staffId: string },
): Promise<{ from: number; to: number }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [entry] = await tx
      .select()
      .from(enrolments)
      .where(eq(enrolments.id, input.enrolmentId))
      .limit(1);
    if (!entry || entry.status !== 'waitlisted') throw new DomainError('enrolment_not_found');
    const queue = await tx
      .select({ id: enrolments.id, queueNo: enrolments.queueNo })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, entry.courseId), eq(enrolments.status, 'waitlisted')))
      .orderBy(asc(enrolments.queueNo));
    const from = queue.findIndex((q) => q.id === entry.id) + 1;
    const to = Math.min(Math.max(1, Math.trunc(input.toPosition)), queue.length);
    // Reuse the same queue numbers in the new order: people outside the waitlist keep theirs.
    const slots = queue.map((q) => q.queueNo);
    const order = queue.filter((q) => q.id !== entry.id);
    order.splice(to - 1, 0, { id: entry.id, queueNo: entry.queueNo });
    for (const [i, q] of order.entries()) {
      if (q.queueNo !== slots[i]) {
        await tx
          .update(enrolments)
          .set({ queueNo: slots[i]!, updatedAt: now })
          .where(eq(enrolments.id, q.id));
      }
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'waitlist.move',
      subjectType: 'enrolment',
      subjectId: entry.id,
      residentId: entry.residentId,
      detail: { from, to, reason },
    });
    return { from, to };
  });
}
