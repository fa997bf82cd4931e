import { inArray } from 'drizzle-orm';
import { certificates } from '@seoro/db';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { issuedOn, loadCompletions } from './completions';

/** A course the resident completed: a certificate is theirs to open (issued on first opening). */
export interface MyCertificate {
  enrolmentId: string;
  courseId: string;
  title: LocalizedText;
  termName: LocalizedText;
  /** YYYY-MM-DD (KST) once issued; null before the first opening. */
  issuedOn: string | null;
}

/** The signed-in resident's earned certificates, issued or not yet, latest course first. */
export async function listMyCertificates(
  ctx: ServiceContext,
  input: { residentId: string },
): Promise<MyCertificate[]> {
  const earned = (
    await loadCompletions(ctx.database.db, { residentId: input.residentId }, ctx.clock.now())
  ).filter((c) => c.earned);
  if (earned.length === 0) return [];
  const issued = await ctx.database.db
    .select({ enrolmentId: certificates.enrolmentId, issuedAt: certificates.issuedAt })
    .from(certificates)
    .where(
      inArray(
        certificates.enrolmentId,
        earned.map((c) => c.enrolmentId),
      ),
    );
  const issuedAt = new Map(issued.map((c) => [c.enrolmentId, c.issuedAt]));
  return earned
    .sort((a, b) => ((a.lastDate ?? '') < (b.lastDate ?? '') ? 1 : -1))
    .map((c) => {
      const at = issuedAt.get(c.enrolmentId);
      return {
        enrolmentId: c.enrolmentId,
        courseId: c.courseId,
        title: c.title,
        termName: c.termName,
        issuedOn: at ? issuedOn(at) : null,
      };
    });
}
