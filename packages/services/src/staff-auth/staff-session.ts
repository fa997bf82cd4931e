import { and, eq, lt } from 'drizzle-orm';
import { auditLog, staffSessions, staffUsers } from '@seoro/db';
import { writeService, type ServiceContext } from '../context';
import { SESSION_TOKEN_PATTERN, sha256Hex } from '../resident-auth/secrets';

/** A staff session ends after this long without a request (sliding)… */
export const STAFF_SESSION_IDLE_MS = 30 * 60_000;
/** …and in any case this long after sign-in. */
export const STAFF_SESSION_MAX_MS = 12 * 3_600_000;
/** `lastSeenAt` is written at most this often, so reading a page rarely costs a write. */
const TOUCH_AFTER_MS = 60_000;

/** The id under which a staff session token is stored: its SHA-256, never the token itself. */
export const staffSessionId = (token: string) => sha256Hex(token);

/** The staff member behind an active session: what the procedure tiers and `me` need. */
export interface StaffSessionMember {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'staff' | 'viewer';
}

/** What a request's staff session token stands for. */
export type StaffSessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; sessionId: string; staff: StaffSessionMember };

/**
 * Resolves a staff session token (from a cookie) with one indexed read, done where the request is.
 * An active session's idle clock is pushed on (at most once a minute). A session that has ended
 * (30 idle minutes, 12 hours after sign-in) or whose account was disabled is deleted: the first is
 * reported as `expired`, the second as `none`.
 */
export async function resolveStaffSession(
  ctx: ServiceContext,
  token: string | null | undefined,
): Promise<StaffSessionLookup> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return { state: 'none' };
  const id = staffSessionId(token);
  const [row] = await ctx.database.db
    .select({
      lastSeenAt: staffSessions.lastSeenAt,
      expiresAt: staffSessions.expiresAt,
      staffId: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(eq(staffSessions.id, id))
    .limit(1);
  if (!row) return { state: 'none' };
  if (row.disabledAt) {
    await endStaffSession(ctx, id);
    return { state: 'none' };
  }
  const now = ctx.clock.now();
  const idleFor = now.getTime() - row.lastSeenAt.getTime();
  if (idleFor >= STAFF_SESSION_IDLE_MS || now >= row.expiresAt) {
    await endStaffSession(ctx, id);
    return { state: 'expired' };
  }
  if (idleFor >= TOUCH_AFTER_MS) await touchStaffSession(ctx, { sessionId: id, at: now });
  return {
    state: 'active',
    sessionId: id,
    staff: { id: row.staffId, email: row.email, name: row.name, role: row.role },
  };
}

/** Deletes an ended staff session. */
export const endStaffSession = writeService('endStaffSession');
export { endStaffSessionInPlace };

async function endStaffSessionInPlace(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.database.write(async (tx) => {
    await tx.delete(staffSessions).where(eq(staffSessions.id, sessionId));
  });
}

/** Records that a staff session was used at `at` (never moving its clock back). */
export const touchStaffSession = writeService('touchStaffSession');
export { touchStaffSessionInPlace };

async function touchStaffSessionInPlace(
  ctx: ServiceContext,
  input: { sessionId: string; at: Date },
): Promise<void> {
  await ctx.database.write(async (tx) => {
    await tx
      .update(staffSessions)
      .set({ lastSeenAt: input.at })
      .where(and(eq(staffSessions.id, input.sessionId), lt(staffSessions.lastSeenAt, input.at)));
  });
}

/**
 * Signs a staff member out: the session row is deleted (its cookie is worthless from now on) and
 * the audit log says who, when and from where. Harmless for a session that has already gone.
 */
export const signOutStaff = writeService('signOutStaff');
export { signOutStaffInPlace };

async function signOutStaffInPlace(
  ctx: ServiceContext,
  input: { sessionId: string; staffId: string; ip?: string | null },
): Promise<void> {
  await ctx.database.write(async (tx) => {
    const [session] = await tx
      .delete(staffSessions)
      .where(
        and(eq(staffSessions.id, input.sessionId), eq(staffSessions.staffUserId, input.staffId)),
      )
      .returning({ id: staffSessions.id });
    if (!session) return;
    await tx.insert(auditLog).values({
      at: ctx.clock.now(),
      actorType: 'staff',
      actorId: input.staffId,
      action: 'staff.sign_out',
      subjectType: 'staff_user',
      subjectId: input.staffId,
      ip: input.ip ?? null,
    });
  });
}
