import { lt, or } from 'drizzle-orm';
import { residentSessions, residentSignInCodes } from '@seoro/db';
import type { ServiceContext } from '../context';
import { forgetEndedSecrets } from '../notifications/sender';
import { RESIDENT_SESSION_IDLE_MS } from './resident-session';

/** How long an expired one-time code is kept, so a late attempt hears "expired". */
const CODE_KEPT_AFTER_EXPIRY_MS = 3_600_000;

/**
 * Deletes what can no longer sign anyone in: sessions past their absolute end or idle for longer
 * than allowed, and one-time codes an hour after they expired (until then a late attempt is told
 * the code expired rather than that it is wrong). Sessions are otherwise only removed when their
 * cookie comes back, which a resident who closed the browser never does. The texts of codes are
 * blanked in the outbox once sent, given up or expired (`forgetEndedSecrets`): only the hash stays.
 * Run by the server's periodic jobs; returns how many rows of each went or were blanked.
 */
export async function purgeEndedSignIns(
  ctx: ServiceContext,
): Promise<{ sessions: number; codes: number; codeTexts: number }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const idleSince = new Date(now.getTime() - RESIDENT_SESSION_IDLE_MS);
    const sessions = await tx
      .delete(residentSessions)
      .where(or(lt(residentSessions.expiresAt, now), lt(residentSessions.lastSeenAt, idleSince)))
      .returning({ id: residentSessions.id });
    const codes = await tx
      .delete(residentSignInCodes)
      .where(lt(residentSignInCodes.expiresAt, new Date(now.getTime() - CODE_KEPT_AFTER_EXPIRY_MS)))
      .returning({ id: residentSignInCodes.id });
    const codeTexts = await forgetEndedSecrets(tx, now);
    return { sessions: sessions.length, codes: codes.length, codeTexts };
  });
}
