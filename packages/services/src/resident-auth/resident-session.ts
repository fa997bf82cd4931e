import { and, eq, lt } from 'drizzle-orm';
import { auditLog, residentSessions } from '@seoro/db';
import { writeService, type ServiceContext } from '../context';
import { SESSION_TOKEN_PATTERN, sha256Hex } from './secrets';

/** A session ends after this long without a request (sliding). */
export const RESIDENT_SESSION_IDLE_MS = 30 * 60_000;
/** …and in any case this long after sign-in. */
export const RESIDENT_SESSION_MAX_MS = 12 * 3_600_000;
/** `lastSeenAt` is written at most this often, so reading a page rarely costs a write. */
const TOUCH_AFTER_MS = 60_000;

/** The id under which a session token is stored: its SHA-256, never the token itself. */
export const residentSessionId = (token: string) => sha256Hex(token);

/** What a request's session token stands for. */
export type ResidentSessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; residentId: string; sessionId: string };

/**
 * Resolves a session token (from a cookie) with one primary-key read, done where the request is.
 * An active session's idle clock is pushed on (at most once a minute); an ended one (idle or past
 * its absolute end) is deleted and reported as `expired`, so the caller can say why the resident
 * must sign in again. Only those two writes go to the writer.
 */
export async function resolveResidentSession(
  ctx: ServiceContext,
  token: string | null | undefined,
): Promise<ResidentSessionLookup> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return { state: 'none' };
  const id = residentSessionId(token);
  const [session] = await ctx.database.db
    .select()
    .from(residentSessions)
    .where(eq(residentSessions.id, id))
    .limit(1);
  if (!session) return { state: 'none' };
  const now = ctx.clock.now();
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor >= RESIDENT_SESSION_IDLE_MS || now >= session.expiresAt) {
    await endResidentSession(ctx, id);
    return { state: 'expired' };
  }
  if (idleFor >= TOUCH_AFTER_MS) await touchResidentSession(ctx, { sessionId: id, at: now });
  return { state: 'active', residentId: session.residentId, sessionId: id };
}

/** Deletes an ended session. */
export const endResidentSession = writeService('endResidentSession');
export { endResidentSessionInPlace };

async function endResidentSessionInPlace(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.database.write(async (tx) => {
    await tx.delete(residentSessions).where(eq(residentSessions.id, sessionId));
  });
}

/** Records that a session was used at `at` (never moving its clock back). */
export const touchResidentSession = writeService('touchResidentSession');
export { touchResidentSessionInPlace };

async function touchResidentSessionInPlace(
  ctx: ServiceContext,
  input: { sessionId: string; at: Date },
): Promise<void> {
  await ctx.database.write(async (tx) => {
    await tx
      .update(residentSessions)
      .set({ lastSeenAt: input.at })
      .where(
        and(eq(residentSessions.id, input.sessionId), lt(residentSessions.lastSeenAt, input.at)),
      );
  });
}

/** Ends a session (sign-out): the row is deleted, so its cookie is worthless from now on. */
export const signOutResident = writeService('signOutResident');
export { signOutResidentInPlace };

async function signOutResidentInPlace(
  ctx: ServiceContext,
  input: {
    sessionId: string;
    residentId: string;
    ip?: string | null;
    /** Set when the session was a kiosk's; recorded in the audit log. */
    kioskId?: string | null;
  },
): Promise<void> {
  await ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [session] = await tx
      .select({ id: residentSessions.id })
      .from(residentSessions)
      .where(
        and(
          eq(residentSessions.id, input.sessionId),
          eq(residentSessions.residentId, input.residentId),
        ),
      )
      .limit(1);
    if (!session) return;
    await tx.delete(residentSessions).where(eq(residentSessions.id, session.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'resident.sign_out',
      subjectType: 'resident',
      subjectId: input.residentId,
      residentId: input.residentId,
      ip: input.ip ?? null,
      ...(input.kioskId ? { detail: { kioskId: input.kioskId } } : {}),
    });
  });
}
