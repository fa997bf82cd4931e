import { eq } from 'drizzle-orm';
import { auditLog, enrolments, residents } from '@seoro/db';
import { DomainError, formatKrMobile } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Shows staff a learner's whole phone number (to call them). The reason is required and goes into
 * the audit row with the resident, in the same call that returns the number.
 */
export const revealResidentPhone = writeService('revealResidentPhone');
export { revealResidentPhoneInPlace };

async function revealResidentPhoneInPlace(
  ctx: ServiceContext,
  input: { enrolmentId: string; reason: string; staffId: string; ip?: string | null },
): Promise<{ enrolmentId: string; phone: string }> {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new DomainError('reason_required');
  return ctx.database.write(async (tx) => {
    const [row] = await tx
      .select({ enrolment: enrolments, phone: residents.phoneE164 })
      .from(enrolments)
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(eq(enrolments.id, input.enrolmentId))
      .limit(1);
    if (!row) throw new DomainError('enrolment_not_found');
    await tx.insert(auditLog).values({
      at: ctx.clock.now(),
      actorType: 'staff',
      actorId: input.staffId,
      action: 'resident.phone_reveal',
      subjectType: 'enrolment',
      subjectId: row.enrolment.id,
      residentId: row.enrolment.residentId,
      ip: input.ip ?? null,
      detail: { reason, courseId: row.enrolment.courseId },
    });
    return { enrolmentId: row.enrolment.id, phone: formatKrMobile(row.phone) };
  });
}
