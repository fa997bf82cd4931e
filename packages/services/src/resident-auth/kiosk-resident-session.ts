import { eq } from 'drizzle-orm';
import { residentSessions } from '@seoro/db';
import { writeService, type ServiceContext } from '../context';
import {
  endResidentSession,
  touchResidentSession,
  type ResidentSessionLookup,
} from './resident-session';
import { SESSION_TOKEN_PATTERN, sha256Hex } from './secrets';
import { openSessionWithCode, type ResidentSignIn } from './verify-resident-code';

/**
 * A kiosk is shared: the next person may step up as soon as the last one turns away. So a session
 * opened there ends after this long without a call (the kiosk also ends it when its screen is
 * left)…
 */
export const KIOSK_RESIDENT_SESSION_IDLE_MS = 5 * 60_000;
/** …and in any case this long after sign-in. */
export const KIOSK_RESIDENT_SESSION_MAX_MS = 15 * 60_000;
/** `lastSeenAt` is written at most this often: the idle clock is minutes, not hours. */
const KIOSK_TOUCH_AFTER_MS = 15_000;

/**
 * The stored id of a kiosk session's token. It is bound to the kiosk that opened it and kept apart
 * from cookie sessions (`residentSessionId`): the token works at that kiosk only, and never as a
 * web cookie, where the longer web idle time would apply.
 */
export const kioskResidentSessionId = (kioskId: string, token: string) =>
  sha256Hex(`kiosk:${kioskId}:${token}`);

/**
 * Checks a one-time code typed at a kiosk (same rules and refusals as `verifyResidentCode`) and
 * opens a short kiosk session. The token is returned to the kiosk's screen, which keeps it in
 * memory only; only its kiosk-bound hash is stored.
 */
export const verifyResidentCodeAtKiosk = writeService('verifyResidentCodeAtKiosk');
export { verifyResidentCodeAtKioskInPlace };

async function verifyResidentCodeAtKioskInPlace(
  ctx: ServiceContext,
  input: { phone: string; code: string; kioskId: string; ip?: string | null },
): Promise<ResidentSignIn> {
  return openSessionWithCode(ctx, input, {
    sessionId: (token) => kioskResidentSessionId(input.kioskId, token),
    lifetimeMs: KIOSK_RESIDENT_SESSION_MAX_MS,
    detail: { kioskId: input.kioskId },
  });
}

/**
 * Resolves a kiosk session token sent by the kiosk `kioskId`. Like `resolveResidentSession`, but
 * with the kiosk's short idle time: an ended session is deleted and reported as `expired`; an
 * active one has its idle clock pushed on.
 */
export async function resolveKioskResidentSession(
  ctx: ServiceContext,
  input: { kioskId: string; token: string },
): Promise<ResidentSessionLookup> {
  if (!SESSION_TOKEN_PATTERN.test(input.token)) return { state: 'none' };
  const id = kioskResidentSessionId(input.kioskId, input.token);
  const [session] = await ctx.database.db
    .select()
    .from(residentSessions)
    .where(eq(residentSessions.id, id))
    .limit(1);
  if (!session) return { state: 'none' };
  const now = ctx.clock.now();
  const idleFor = now.getTime() - session.lastSeenAt.getTime();
  if (idleFor >= KIOSK_RESIDENT_SESSION_IDLE_MS || now >= session.expiresAt) {
    await endResidentSession(ctx, id);
    return { state: 'expired' };
  }
  if (idleFor >= KIOSK_TOUCH_AFTER_MS) await touchResidentSession(ctx, { sessionId: id, at: now });
  return { state: 'active', residentId: session.residentId, sessionId: id };
}
