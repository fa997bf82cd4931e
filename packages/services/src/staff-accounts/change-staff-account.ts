import { eq } from 'drizzle-orm';
import { auditLog, staffSessions, staffSignInFailures, staffUsers } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { StaffRole } from '../staff-auth/create-staff-account';
import { keepAnAdmin } from './last-admin';

/** Who made a change to an account, and from where. */
interface ChangedBy {
  /** The administrator who changed it. */
  actorId: string;
  ip?: string | null;
}

/**
 * Gives an account another role. Taking the role of administrator from the only enabled one is
 * refused (`last_admin`), even when an administrator does it to themselves. The new role applies
 * from the account's next request: sessions carry no role of their own.
 */
export const setStaffRole = writeService('setStaffRole');
export { setStaffRoleInPlace };

async function setStaffRoleInPlace(
  ctx: ServiceContext,
  input: ChangedBy & { staffId: string; role: StaffRole },
): Promise<{ id: string; name: string; role: StaffRole; changed: boolean }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [account] = await tx
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, input.staffId))
      .limit(1);
    if (!account) throw new DomainError('staff_not_found');
    const result = { id: account.id, name: account.name, role: input.role };
    if (account.role === input.role) return { ...result, changed: false };
    if (account.role === 'admin' && !account.disabledAt) await keepAnAdmin(tx, account.id);
    await tx.update(staffUsers).set({ role: input.role }).where(eq(staffUsers.id, account.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.role_changed',
      subjectType: 'staff_user',
      subjectId: account.id,
      ip: input.ip ?? null,
      detail: { email: account.email, from: account.role, to: input.role },
    });
    return { ...result, changed: true };
  });
}

/**
 * Disables an account (it can no longer sign in, and every session it has ends now) or enables it
 * again. Disabling the only enabled administrator is refused (`last_admin`).
 */
export const setStaffDisabled = writeService('setStaffDisabled');
export { setStaffDisabledInPlace };

async function setStaffDisabledInPlace(
  ctx: ServiceContext,
  input: ChangedBy & { staffId: string; disabled: boolean },
): Promise<{ id: string; name: string; disabled: boolean; endedSessions: number }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [account] = await tx
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, input.staffId))
      .limit(1);
    if (!account) throw new DomainError('staff_not_found');
    const result = { id: account.id, name: account.name, disabled: input.disabled };
    if (Boolean(account.disabledAt) === input.disabled) return { ...result, endedSessions: 0 };
    if (input.disabled && account.role === 'admin') await keepAnAdmin(tx, account.id);
    await tx
      .update(staffUsers)
      .set({ disabledAt: input.disabled ? now : null })
      .where(eq(staffUsers.id, account.id));
    const ended = input.disabled
      ? await tx
          .delete(staffSessions)
          .where(eq(staffSessions.staffUserId, account.id))
          .returning({ id: staffSessions.id })
      : [];
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.actorId,
      action: input.disabled ? 'staff.disabled' : 'staff.enabled',
      subjectType: 'staff_user',
      subjectId: account.id,
      ip: input.ip ?? null,
      detail: { email: account.email, endedSessions: ended.length },
    });
    return { ...result, endedSessions: ended.length };
  });
}

/** Lifts the lock that wrong passwords put on an account, and starts its failure count again. */
export const unlockStaffAccount = writeService('unlockStaffAccount');
export { unlockStaffAccountInPlace };

async function unlockStaffAccountInPlace(
  ctx: ServiceContext,
  input: ChangedBy & { staffId: string },
): Promise<{ id: string; name: string; wasLocked: boolean }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [account] = await tx
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, input.staffId))
      .limit(1);
    if (!account) throw new DomainError('staff_not_found');
    // Failed sign-ins are counted by email (sign-in-staff.ts); lifting the lock forgets them.
    const [cleared] = await tx
      .delete(staffSignInFailures)
      .where(eq(staffSignInFailures.email, account.email))
      .returning({ lockedUntil: staffSignInFailures.lockedUntil });
    const wasLocked = !!cleared?.lockedUntil && cleared.lockedUntil > now;
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.unlocked',
      subjectType: 'staff_user',
      subjectId: account.id,
      ip: input.ip ?? null,
      detail: { email: account.email, wasLocked },
    });
    return { id: account.id, name: account.name, wasLocked };
  });
}

/**
 * Stores a new password hash for an account (hashed by the caller, outside the transaction): its
 * lock is lifted and every session it has ends, so whoever knew the old password is out.
 */
export const setStaffPasswordHash = writeService('setStaffPasswordHash');
export { setStaffPasswordHashInPlace };

async function setStaffPasswordHashInPlace(
  ctx: ServiceContext,
  input: ChangedBy & { staffId: string; passwordHash: string; generated: boolean },
): Promise<{ id: string; name: string; endedSessions: number }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [account] = await tx
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, input.staffId))
      .limit(1);
    if (!account) throw new DomainError('staff_not_found');
    await tx
      .update(staffUsers)
      .set({ passwordHash: input.passwordHash })
      .where(eq(staffUsers.id, account.id));
    await tx.delete(staffSignInFailures).where(eq(staffSignInFailures.email, account.email));
    const ended = await tx
      .delete(staffSessions)
      .where(eq(staffSessions.staffUserId, account.id))
      .returning({ id: staffSessions.id });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.password_reset',
      subjectType: 'staff_user',
      subjectId: account.id,
      ip: input.ip ?? null,
      detail: { email: account.email, generated: input.generated, endedSessions: ended.length },
    });
    return { id: account.id, name: account.name, endedSessions: ended.length };
  });
}
