import { and, eq, lt, or, sql } from 'drizzle-orm';
import { auditLog, staffSessions, staffSignInFailures, staffUsers } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { newSessionToken } from '../resident-auth/secrets';
import { hashStaffPassword, verifyStaffPassword } from './passwords';
import {
  STAFF_SESSION_IDLE_MS,
  STAFF_SESSION_MAX_MS,
  staffSessionId,
  type StaffSessionMember,
} from './staff-session';

/** Failed sign-ins in a row with one email that lock it… */
export const STAFF_MAX_FAILED_SIGN_INS = 5;
/** …for this long. */
export const STAFF_LOCK_MS = 15 * 60_000;

/** A new staff session: the token goes to the browser (a cookie) and is never stored. */
export interface StaffSignIn {
  token: string;
  expiresAt: Date;
  staff: StaffSessionMember;
}

/** The normal form of a typed email: trimmed, lower-cased. */
export const normalizeStaffEmail = (email: string) => email.trim().toLowerCase();

// Verified against when the email is unknown, so that answer takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;

/**
 * Signs a staff member in with email and password. The account is read and the password checked
 * here, on the caller's thread (Argon2 runs on its own threads, outside any transaction); only the
 * outcome goes to the writer: a new session with the failure count reset, or one more failure,
 * which locks the email for 15 minutes at the fifth in a row.
 *
 * Refusals: `staff_sign_in_failed` for an unknown email, a wrong password or a disabled account
 * alike (the caller never learns which), `staff_locked` with the minutes left while locked. Locks
 * are kept by the email typed, account or not, so an unknown email locks like a real one.
 * `previousSessionId` (the session the browser still holds) is ended: each sign-in gets a fresh
 * token.
 */
export async function signInStaff(
  ctx: ServiceContext,
  input: {
    email: string;
    password: string;
    ip?: string | null;
    userAgent?: string | null;
    previousSessionId?: string | null;
  },
): Promise<StaffSignIn> {
  const email = normalizeStaffEmail(input.email);
  const db = ctx.database.db;
  const [account] = await db
    .select({
      id: staffUsers.id,
      passwordHash: staffUsers.passwordHash,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.email, email))
    .limit(1);
  const [failures] = await db
    .select({ lockedUntil: staffSignInFailures.lockedUntil })
    .from(staffSignInFailures)
    .where(eq(staffSignInFailures.email, email))
    .limit(1);
  const now = ctx.clock.now();
  if (failures?.lockedUntil && now < failures.lockedUntil)
    throw lockedError(failures.lockedUntil, now);

  decoyHash ??= hashStaffPassword('decoy password that no account has');
  const matches = await verifyStaffPassword(
    account?.passwordHash ?? (await decoyHash),
    input.password,
  );
  const outcome = await recordStaffSignIn(ctx, {
    email,
    staffId: account?.id ?? null,
    passwordMatched: matches && !account?.disabledAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    previousSessionId: input.previousSessionId ?? null,
  });
  if ('refused' in outcome) {
    throw outcome.refused === 'staff_locked'
      ? lockedError(outcome.lockedUntil, ctx.clock.now())
      : new DomainError('staff_sign_in_failed');
  }
  return outcome;
}

function lockedError(lockedUntil: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new DomainError('staff_locked', { minutes });
}

type SignInOutcome =
  | StaffSignIn
  | { refused: 'staff_sign_in_failed' }
  | { refused: 'staff_locked'; lockedUntil: Date };

/**
 * Writes what a checked password means, in one transaction: on a match (for an account that is
 * neither disabled nor locked by now) a new session, the failure count reset and an audit row; on
 * a miss one more failure (and, at the fifth, the lock) with its audit rows — the email as typed,
 * never the password. Refusals are returned, not thrown, so that the counted failure commits.
 */
export const recordStaffSignIn = writeService('recordStaffSignIn');
export { recordStaffSignInInPlace };

async function recordStaffSignInInPlace(
  ctx: ServiceContext,
  input: {
    email: string;
    staffId: string | null;
    passwordMatched: boolean;
    ip: string | null;
    userAgent: string | null;
    previousSessionId: string | null;
  },
): Promise<SignInOutcome> {
  return ctx.database.write(async (tx): Promise<SignInOutcome> => {
    const now = ctx.clock.now();
    const audit = (action: string, staffId: string | null, detail: Record<string, unknown>) =>
      tx.insert(auditLog).values({
        at: now,
        actorType: 'staff',
        actorId: staffId,
        action,
        subjectType: 'staff_user',
        subjectId: staffId,
        ip: input.ip,
        detail,
      });
    const [account] = input.staffId
      ? await tx.select().from(staffUsers).where(eq(staffUsers.id, input.staffId)).limit(1)
      : [];
    const [held] = await tx
      .select()
      .from(staffSignInFailures)
      .where(eq(staffSignInFailures.email, input.email))
      .limit(1);
    // Locked while the password was being checked (a parallel attempt): the lock wins.
    if (held?.lockedUntil && now < held.lockedUntil) {
      return { refused: 'staff_locked', lockedUntil: held.lockedUntil };
    }
    if (!account || account.disabledAt || !input.passwordMatched) {
      const reason = !account
        ? 'unknown_email'
        : account.disabledAt
          ? 'disabled'
          : 'wrong_password';
      const [counted] = await tx
        .insert(staffSignInFailures)
        .values({ email: input.email, failedAttempts: 1, updatedAt: now })
        .onConflictDoUpdate({
          target: staffSignInFailures.email,
          set: {
            failedAttempts: sql`${staffSignInFailures.failedAttempts} + 1`,
            updatedAt: now,
          },
        })
        .returning({ failedAttempts: staffSignInFailures.failedAttempts });
      const failures = counted?.failedAttempts ?? 1;
      await audit('staff.sign_in_failed', account?.id ?? null, {
        email: input.email,
        reason,
        failedAttempts: failures,
      });
      if (failures < STAFF_MAX_FAILED_SIGN_INS) return { refused: 'staff_sign_in_failed' };
      // The count starts again, so that after the lock the email gets five more tries.
      const lockedUntil = new Date(now.getTime() + STAFF_LOCK_MS);
      await tx
        .update(staffSignInFailures)
        .set({ lockedUntil, failedAttempts: 0, updatedAt: now })
        .where(eq(staffSignInFailures.email, input.email));
      await audit('staff.locked', account?.id ?? null, {
        email: input.email,
        failedAttempts: failures,
        lockedUntil: lockedUntil.toISOString(),
      });
      return { refused: 'staff_locked', lockedUntil };
    }

    if (input.previousSessionId) {
      await tx.delete(staffSessions).where(eq(staffSessions.id, input.previousSessionId));
    }
    await tx.delete(staffSessions).where(endedSessionsOf(account.id, now));
    await tx.delete(staffSignInFailures).where(eq(staffSignInFailures.email, input.email));
    const token = newSessionToken(ctx.random);
    const expiresAt = new Date(now.getTime() + STAFF_SESSION_MAX_MS);
    await tx.insert(staffSessions).values({
      id: staffSessionId(token),
      staffUserId: account.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await audit('staff.sign_in', account.id, { expiresAt: expiresAt.toISOString() });
    return {
      token,
      expiresAt,
      staff: { id: account.id, email: account.email, name: account.name, role: account.role },
    };
  });
}

/** Sessions of one staff member that have ended, idle or past their absolute end. */
const endedSessionsOf = (staffId: string, now: Date) =>
  and(
    eq(staffSessions.staffUserId, staffId),
    or(
      lt(staffSessions.expiresAt, now),
      lt(staffSessions.lastSeenAt, new Date(now.getTime() - STAFF_SESSION_IDLE_MS)),
    ),
  );
