import { eq } from 'drizzle-orm';
import { auditLog, instructorApplications } from '@seoro/db';
import { DomainError, canApplicantEdit, type TeachProposal } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import {
  addMessage,
  assertProposal,
  loadApplication,
  proposalColumns,
  tidyProposal,
} from './shared';

export interface ResubmitApplicationInput extends TeachProposal {
  residentId: string;
  applicationId: string;
  /** What the applicant says about the changes (optional). */
  note?: string;
  ip?: string | null;
}

/**
 * The applicant edits an application staff sent back and submits it again (`submitted`). Only
 * their own (another's is `application_not_found`) and only one sent back
 * (`application_not_editable`); a refusal writes nothing.
 */
export const resubmitApplication = writeService('resubmitApplication');
export { resubmitApplicationInPlace };

async function resubmitApplicationInPlace(
  ctx: ServiceContext,
  input: ResubmitApplicationInput,
): Promise<{ applicationId: string }> {
  const proposal = tidyProposal(input);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const application = await loadApplication(tx, input.applicationId, input.residentId);
    if (!canApplicantEdit(application.status)) throw new DomainError('application_not_editable');
    assertProposal(proposal);
    await tx
      .update(instructorApplications)
      .set({ ...proposalColumns(proposal, now), status: 'submitted', updatedAt: now })
      .where(eq(instructorApplications.id, application.id));
    const note = input.note?.trim() ?? '';
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'applicant',
      staffId: null,
      kind: 'resubmitted',
      body: note,
      toApplicant: true,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'application.resubmit',
      subjectType: 'application',
      subjectId: application.id,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: { title: proposal.title, previousTitle: application.title },
    });
    return { applicationId: application.id };
  });
}
