import { eq } from 'drizzle-orm';
import { auditLog, newId, staffUsers } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { hashStaffPassword, requireStrongPassword } from './passwords';
import { normalizeStaffEmail } from './sign-in-staff';

export type StaffRole = 'admin' | 'staff' | 'viewer';

/** Who made an account: a signed-in administrator, or the operator at the command line. */
export type StaffAccountCreator = { type: 'staff'; id: string } | { type: 'system'; id?: string };

/**
 * Creates a staff account. The password is refused when weak (`weak_password`) and hashed with
 * Argon2id before the write, outside the transaction; an email already in use is `staff_email_taken`.
 */
export async function createStaffAccount(
  ctx: ServiceContext,
  input: {
    email: string;
    name: string;
    role: StaffRole;
    password: string;
    createdBy: StaffAccountCreator;
    ip?: string | null;
  },
): Promise<{ id: string; email: string; name: string; role: StaffRole }> {
  const email = normalizeStaffEmail(input.email);
  const name = input.name.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new TypeError('A staff account needs a valid email address');
  }
  if (!name || name.length > 60) throw new DomainError('invalid_name');
  requireStrongPassword(input.password, [email, name]);
  const passwordHash = await hashStaffPassword(input.password);
  return addStaffAccount(ctx, {
    email,
    name,
    role: input.role,
    passwordHash,
    createdBy: input.createdBy,
    ip: input.ip ?? null,
  });
}

/** Inserts a staff account whose password is already hashed, with its audit row. */
export const addStaffAccount = writeService('addStaffAccount');
export { addStaffAccountInPlace };

async function addStaffAccountInPlace(
  ctx: ServiceContext,
  input: {
    email: string;
    name: string;
    role: StaffRole;
    passwordHash: string;
    createdBy: StaffAccountCreator;
    ip: string | null;
  },
): Promise<{ id: string; email: string; name: string; role: StaffRole }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [taken] = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, input.email))
      .limit(1);
    if (taken) throw new DomainError('staff_email_taken');
    const id = newId();
    await tx.insert(staffUsers).values({
      id,
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: input.passwordHash,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: input.createdBy.type,
      actorId: input.createdBy.id ?? null,
      action: 'staff.account_created',
      subjectType: 'staff_user',
      subjectId: id,
      ip: input.ip,
      detail: { email: input.email, role: input.role },
    });
    return { id, email: input.email, name: input.name, role: input.role };
  });
}
