import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { hashStaffPassword, requireStrongPassword } from '../staff-auth/passwords';
import { setStaffPasswordHash } from './change-staff-account';
import { generateStaffPassword } from './generated-password';
import { findStaffAccount } from './list-staff-accounts';

/**
 * Gives an account a new password: the one typed (checked by the password rules, `weak_password`)
 * or, when none is given, a generated strong one, returned once to be handed over. Sessions end
 * and any lock is lifted. Hashing happens here, outside the write transaction.
 */
export async function resetStaffPassword(
  ctx: ServiceContext,
  input: { staffId: string; password?: string | null; actorId: string; ip?: string | null },
): Promise<{ id: string; name: string; generatedPassword: string | null }> {
  const account = await findStaffAccount(ctx, input.staffId);
  if (!account) throw new DomainError('staff_not_found');
  const generated = input.password ? null : generateStaffPassword(ctx.random);
  const password = input.password || (generated ?? '');
  requireStrongPassword(password, [account.email, account.name]);
  const passwordHash = await hashStaffPassword(password);
  const done = await setStaffPasswordHash(ctx, {
    staffId: account.id,
    passwordHash,
    generated: generated !== null,
    actorId: input.actorId,
    ip: input.ip ?? null,
  });
  return { id: done.id, name: done.name, generatedPassword: generated };
}
