import { eq } from 'drizzle-orm';
import { enrolments } from '@seoro/db';
import { DomainError, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { cancelEnrolment, type CancelResult } from './cancel-enrolment';

/**
 * A signed-in resident cancels one of their own registrations (or leaves a waitlist) from "my
 * registrations". Someone else's enrolment is answered exactly like one that does not exist and
 * is left untouched. The cancellation itself (promotion of the next person, notifications, audit)
 * is `cancelEnrolment`'s, in its one transaction.
 */
export const cancelMyEnrolment = writeService('cancelMyEnrolment');
export { cancelMyEnrolmentInPlace };

async function cancelMyEnrolmentInPlace(
  ctx: ServiceContext,
  input: {
    residentId: string;
    enrolmentId: string;
    locale: Locale;
    /** Set when cancelled at a kiosk; recorded in the audit log. */
    kioskId?: string | null;
  },
): Promise<CancelResult> {
  // Whose enrolment it is never changes, so checking before the write transaction is safe.
  const [row] = await ctx.database.db
    .select({ residentId: enrolments.residentId })
    .from(enrolments)
    .where(eq(enrolments.id, input.enrolmentId))
    .limit(1);
  if (!row || row.residentId !== input.residentId) throw new DomainError('enrolment_not_found');
  return cancelEnrolment(ctx, {
    enrolmentId: input.enrolmentId,
    actor: { type: 'resident', id: input.residentId },
    locale: input.locale,
    kioskId: input.kioskId ?? null,
  });
}
