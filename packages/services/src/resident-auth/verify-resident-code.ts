import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { auditLog, residentSessions, residentSignInCodes, residents } from '@seoro/db';
import { DomainError, requireKrMobile } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { hashSignInCode } from './request-resident-code';
import {
  RESIDENT_SESSION_IDLE_MS,
  RESIDENT_SESSION_MAX_MS,
  residentSessionId,
} from './resident-session';
import { newSessionToken, sameDigest } from './secrets';

/** Wrong codes a sign-in code survives; after that it is dead and a new one must be asked for. */
export const MAX_SIGN_IN_ATTEMPTS = 5;

/** A new session: the token goes to the resident (a cookie) and is never stored. */
export interface ResidentSignIn {
  token: string;
  residentId: string;
  expiresAt: Date;
}

/**
 * Checks the code a resident typed against the newest code sent to that number. A wrong code
 * counts an attempt (committed even though the caller is refused); the fifth wrong one kills the
 * code. The right code, in time, is consumed and opens a session (a random token, stored only as
 * its hash) — all in one transaction.
 *
 * Refusals never tell whether the number is registered: an unknown number, a missing or dead code
 * and a wrong code all get `otp_invalid`. Only someone holding the right code learns that it
 * expired (`otp_expired`).
 */
export const verifyResidentCode = writeService('verifyResidentCode');
export { verifyResidentCodeInPlace };

async function verifyResidentCodeInPlace(
  ctx: ServiceContext,
  input: { phone: string; code: string; ip?: string | null },
): Promise<ResidentSignIn> {
  return openSessionWithCode(ctx, input, {
    sessionId: residentSessionId,
    lifetimeMs: RESIDENT_SESSION_MAX_MS,
    detail: {},
  });
}

/** How a session opened by a right code is stored: the web's cookie session, or a kiosk's. */
export interface SessionOpening {
  /** The stored id of a token (a hash; the token itself is never stored). */
  sessionId: (token: string) => string;
  /** From sign-in to the session's absolute end. */
  lifetimeMs: number;
  /** Added to the sign-in's audit detail (e.g. which kiosk). */
  detail: Record<string, unknown>;
}

/**
 * The one-time code check shared by every way of signing a resident in; `opening` says what kind
 * of session the right code opens.
 */
export async function openSessionWithCode(
  ctx: ServiceContext,
  input: { phone: string; code: string; ip?: string | null },
  opening: SessionOpening,
): Promise<ResidentSignIn> {
  const phone = requireKrMobile(input.phone);
  // Full-width digits from a Korean keyboard, spaces and hyphens are forgiven.
  const code = input.code.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) throw new DomainError('otp_invalid');

  // Refusals are returned, not thrown: throwing would roll back the counted attempt.
  const outcome = await ctx.database.write(
    async (tx): Promise<ResidentSignIn | { refused: 'otp_invalid' | 'otp_expired' }> => {
      const now = ctx.clock.now();
      const [resident] = await tx
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.phoneE164, phone))
        .limit(1);
      if (!resident) return { refused: 'otp_invalid' };
      const [latest] = await tx
        .select()
        .from(residentSignInCodes)
        .where(eq(residentSignInCodes.residentId, resident.id))
        .orderBy(desc(residentSignInCodes.createdAt))
        .limit(1);
      if (!latest || latest.consumedAt || latest.attempts >= MAX_SIGN_IN_ATTEMPTS) {
        return { refused: 'otp_invalid' };
      }
      const matches = sameDigest(latest.codeHash, hashSignInCode(latest.id, code));
      if (now >= latest.expiresAt) return { refused: matches ? 'otp_expired' : 'otp_invalid' };
      if (!matches) {
        await tx
          .update(residentSignInCodes)
          .set({ attempts: sql`${residentSignInCodes.attempts} + 1` })
          .where(eq(residentSignInCodes.id, latest.id));
        await tx.insert(auditLog).values({
          at: now,
          actorType: 'resident',
          actorId: resident.id,
          action: 'resident.sign_in_failed',
          subjectType: 'resident',
          subjectId: resident.id,
          residentId: resident.id,
          ip: input.ip ?? null,
          detail: { attempts: latest.attempts + 1, maxAttempts: MAX_SIGN_IN_ATTEMPTS },
        });
        return { refused: 'otp_invalid' };
      }

      await tx
        .update(residentSignInCodes)
        .set({ consumedAt: now })
        .where(eq(residentSignInCodes.id, latest.id));
      await tx.delete(residentSessions).where(endedSessionsOf(resident.id, now));
      const token = newSessionToken(ctx.random);
      const expiresAt = new Date(now.getTime() + opening.lifetimeMs);
      await tx.insert(residentSessions).values({
        id: opening.sessionId(token),
        residentId: resident.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: input.ip ?? null,
      });
      await tx.insert(auditLog).values({
        at: now,
        actorType: 'resident',
        actorId: resident.id,
        action: 'resident.sign_in',
        subjectType: 'resident',
        subjectId: resident.id,
        residentId: resident.id,
        ip: input.ip ?? null,
        detail: { method: 'sms_code', expiresAt: expiresAt.toISOString(), ...opening.detail },
      });
      return { token, residentId: resident.id, expiresAt };
    },
  );
  if ('refused' in outcome) throw new DomainError(outcome.refused);
  return outcome;
}

/** Sessions of one resident that have ended, idle or past their absolute end. */
const endedSessionsOf = (residentId: string, now: Date) =>
  and(
    eq(residentSessions.residentId, residentId),
    or(
      lt(residentSessions.expiresAt, now),
      lt(residentSessions.lastSeenAt, new Date(now.getTime() - RESIDENT_SESSION_IDLE_MS)),
    ),
  );
