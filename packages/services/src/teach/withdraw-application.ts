import { eq } from 'drizzle-orm';
import { auditLog, instructorApplications } from '@seoro/db';
import { DomainError, canApplicantWithdraw } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { addMessage, loadApplication } from './shared';

/**
 * The applicant withdraws their application while it is under review or sent back; afterwards
 * (`application_not_withdrawable`), or for another's (`application_not_found`), nothing changes.
 */
export const withdrawApplication = writeService('withdrawApplication');
export { withdrawApplicationInPlace };

async function withdrawApplicationInPlace(
  ctx: ServiceContext,
  input: { residentId: string; applicationId: string; ip?: string | null },
): Promise<{ applicationId: string }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const application = await loadApplication(tx, input.applicationId, input.residentId);
    if (!canApplicantWithdraw(application.status)) {
      throw new DomainError('application_not_withdrawable');
    }
    await tx
      .update(instructorApplications)
      .set({ status: 'withdrawn', updatedAt: now })
      .where(eq(instructorApplications.id, application.id));
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'applicant',
      staffId: null,
      kind: 'withdrawn',
      body: '',
      toApplicant: true,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'application.withdraw',
      subjectType: 'application',
      subjectId: application.id,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: { previousStatus: application.status },
    });
    return { applicationId: application.id };
  });
}
