import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog, idempotencyKeys, instructorApplications, newId } from '@seoro/db';
import { DomainError, type Locale, type TeachProposal } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { assertProposal, proposalColumns, tellApplicant, tidyProposal } from './shared';

export interface SubmitApplicationInput extends TeachProposal {
  residentId: string;
  locale: Locale;
  /**
   * Chosen by the form when it is shown: a second tap or a retried request with the same key
   * gets the first answer and creates nothing.
   */
  idempotencyKey: string;
  ip?: string | null;
}

/**
 * A resident applies to teach: the proposal is checked (the first issue refuses it and nothing is
 * written), saved as `submitted`, audited, and the applicant is told by text that it arrived, in
 * one transaction.
 */
export const submitApplication = writeService('submitApplication');
export { submitApplicationInPlace };

async function submitApplicationInPlace(
  ctx: ServiceContext,
  input: SubmitApplicationInput,
): Promise<{ applicationId: string }> {
  const proposal = tidyProposal(input);
  assertProposal(proposal);
  const key = `${input.residentId}:${input.idempotencyKey}`;
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ ...proposal, locale: input.locale }))
    .digest('hex');
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [seen] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, 'teach.submit'), eq(idempotencyKeys.key, key)))
      .limit(1);
    if (seen) {
      if (seen.requestHash !== requestHash) throw new DomainError('idempotency_conflict');
      return seen.response as { applicationId: string };
    }
    const id = newId();
    const [row] = await tx
      .insert(instructorApplications)
      .values({
        id,
        residentId: input.residentId,
        locale: input.locale,
        ...proposalColumns(proposal, now),
        status: 'submitted',
        submittedAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('application insert returned nothing');
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'application.submit',
      subjectType: 'application',
      subjectId: id,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: { title: proposal.title },
    });
    await tellApplicant(
      tx,
      row,
      'application_received',
      { applicationId: id, title: row.title },
      now,
    );
    const response = { applicationId: id };
    await tx.insert(idempotencyKeys).values({
      scope: 'teach.submit',
      key,
      requestHash,
      response,
      createdAt: now,
    });
    return response;
  });
}
