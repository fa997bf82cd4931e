import { eq } from 'drizzle-orm';
import { enrolments, residents } from '@seoro/db';
import {
  DomainError,
  normalizeConfirmationCode,
  requireKrMobile,
  type Locale,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { cancelEnrolment, type CancelResult } from './cancel-enrolment';

/**
 * A resident cancels (or leaves the waitlist) with what only they hold: the confirmation code and
 * the mobile number it was registered with. A code and number that do not belong together get
 * the same answer as an unknown code, so neither can be probed on its own.
 */
export const cancelRegistrationByCode = writeService('cancelRegistrationByCode');
export { cancelRegistrationByCodeInPlace };

async function cancelRegistrationByCodeInPlace(
  ctx: ServiceContext,
  input: { code: string; phone: string; locale: Locale },
): Promise<CancelResult> {
  const code = normalizeConfirmationCode(input.code);
  if (!code) throw new DomainError('code_invalid');
  const phone = requireKrMobile(input.phone);
  const [row] = await ctx.database.db
    .select({ id: enrolments.id, residentId: enrolments.residentId, phone: residents.phoneE164 })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(eq(enrolments.code, code))
    .limit(1);
  if (!row || row.phone !== phone) throw new DomainError('code_not_found');
  return cancelEnrolment(ctx, {
    enrolmentId: row.id,
    actor: { type: 'resident', id: row.residentId },
    locale: input.locale,
  });
}
