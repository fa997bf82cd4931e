import type { ServiceContext } from '../context';
import { createStaffAccount, type StaffRole } from '../staff-auth/create-staff-account';
import { generateStaffPassword } from './generated-password';

/**
 * An administrator adds an account: with the initial password they typed (the password rules
 * apply) or, when they leave it empty, a generated strong one that is returned once, to be handed
 * over and changed. Audited as `staff.account_created` by the administrator.
 */
export async function createStaffAccountByAdmin(
  ctx: ServiceContext,
  input: {
    email: string;
    name: string;
    role: StaffRole;
    password?: string | null;
    actorId: string;
    ip?: string | null;
  },
): Promise<{
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  generatedPassword: string | null;
}> {
  const generated = input.password ? null : generateStaffPassword(ctx.random);
  const account = await createStaffAccount(ctx, {
    email: input.email,
    name: input.name,
    role: input.role,
    password: input.password || (generated ?? ''),
    createdBy: { type: 'staff', id: input.actorId },
    ip: input.ip ?? null,
  });
  return { ...account, generatedPassword: generated };
}
