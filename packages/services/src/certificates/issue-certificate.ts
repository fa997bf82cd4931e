import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, certificates } from '@seoro/db';
import { DomainError, generateConfirmationCode } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { issuedOn, loadCompletions } from './completions';

/** Everything a certificate prints (the learner's full name: it is their own document). */
export interface CertificateView {
  enrolmentId: string;
  code: string;
  /** YYYY-MM-DD, KST. */
  issuedOn: string;
  learnerName: string;
  title: LocalizedText;
  termName: LocalizedText;
  firstDate: string | null;
  lastDate: string | null;
  attended: number;
  total: number;
  attendancePercent: number;
}

/**
 * The resident's certificate for one of their enrolments, issued on the first request and the
 * same one ever after (one per enrolment; the unique index holds it). Someone else's enrolment is
 * `enrolment_not_found`, one that has not earned it `certificate_not_earned`; neither changes
 * anything. The first issue is audited as `certificate.issue`.
 */
export const issueCertificate = writeService('issueCertificate');
export { issueCertificateInPlace };

async function issueCertificateInPlace(
  ctx: ServiceContext,
  input: { residentId: string; enrolmentId: string },
): Promise<CertificateView> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [completion] = await loadCompletions(tx, { enrolmentId: input.enrolmentId }, now);
    if (!completion || completion.residentId !== input.residentId) {
      throw new DomainError('enrolment_not_found');
    }
    let [row] = await tx
      .select()
      .from(certificates)
      .where(eq(certificates.enrolmentId, input.enrolmentId))
      .limit(1);
    if (!row) {
      if (!completion.earned) throw new DomainError('certificate_not_earned');
      let code = generateConfirmationCode(ctx.random(5));
      // 40 bits make a clash unlikely, not impossible: draw again rather than fail on the index.
      for (let tries = 0; tries < 5; tries++) {
        const [taken] = await tx
          .select({ id: certificates.id })
          .from(certificates)
          .where(eq(certificates.code, code))
          .limit(1);
        if (!taken) break;
        code = generateConfirmationCode(ctx.random(5));
      }
      [row] = await tx
        .insert(certificates)
        .values({
          id: randomUUID(),
          enrolmentId: input.enrolmentId,
          code,
          issuedAt: now,
          attendancePercent: completion.attendancePercent,
        })
        .returning();
      if (!row) throw new Error('certificate insert returned no row');
      await tx.insert(auditLog).values({
        at: now,
        actorType: 'resident',
        actorId: input.residentId,
        action: 'certificate.issue',
        subjectType: 'enrolment',
        subjectId: input.enrolmentId,
        residentId: input.residentId,
        detail: { code, attendancePercent: completion.attendancePercent },
      });
    }
    return {
      enrolmentId: completion.enrolmentId,
      code: row.code,
      issuedOn: issuedOn(row.issuedAt),
      learnerName: completion.learnerName,
      title: completion.title,
      termName: completion.termName,
      firstDate: completion.firstDate,
      lastDate: completion.lastDate,
      attended: completion.attended,
      total: completion.total,
      attendancePercent: row.attendancePercent,
    };
  });
}
