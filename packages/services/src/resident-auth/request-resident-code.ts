import { eq } from 'drizzle-orm';
import { auditLog, outbox, residentSignInCodes, residents, newId } from '@seoro/db';
import { requireKrMobile, type Locale } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { ONE_TIME_CODE_TTL_MS, type NotificationPayload } from '../notifications/templates';
import { randomSixDigits, sha256Hex } from './secrets';

/** What every caller is told, whether or not the number belongs to a resident. */
export interface ResidentCodeRequested {
  /** How long a code sent now stays valid. */
  validForSeconds: number;
}

/** The stored hash of a code: salted with the row id, so equal codes never hash alike. */
export const hashSignInCode = (codeId: string, code: string) => sha256Hex(`${codeId}:${code}`);

/**
 * A resident asks for a one-time code to see their registrations. If the mobile number belongs to
 * a resident, a fresh six-digit code (valid five minutes; earlier codes stop working) is stored as
 * a hash and texted to that number, all in one transaction. An unknown number writes nothing and
 * gets the same answer, so the answer never tells whether someone is registered.
 */
export const requestResidentCode = writeService('requestResidentCode');
export { requestResidentCodeInPlace };

async function requestResidentCodeInPlace(
  ctx: ServiceContext,
  input: {
    phone: string;
    locale: Locale;
    ip?: string | null;
    /** Set when asked for at a kiosk; recorded in the audit log. */
    kioskId?: string | null;
  },
): Promise<ResidentCodeRequested> {
  const phone = requireKrMobile(input.phone);
  await ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [resident] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.phoneE164, phone))
      .limit(1);
    if (!resident) return;
    // One live code per resident: a new request replaces the old one (and its attempt count).
    await tx.delete(residentSignInCodes).where(eq(residentSignInCodes.residentId, resident.id));
    const id = newId();
    const otp = randomSixDigits(ctx.random);
    const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_TTL_MS);
    await tx.insert(residentSignInCodes).values({
      id,
      residentId: resident.id,
      codeHash: hashSignInCode(id, otp),
      attempts: 0,
      createdAt: now,
      expiresAt,
    });
    const payload: NotificationPayload<'one_time_code'> = { otp };
    await tx.insert(outbox).values({
      id: newId(),
      template: 'one_time_code',
      channel: 'sms',
      recipient: phone,
      locale: input.locale,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: resident.id,
      action: 'resident.sign_in_code_sent',
      subjectType: 'resident',
      subjectId: resident.id,
      residentId: resident.id,
      ip: input.ip ?? null,
      detail: {
        expiresAt: expiresAt.toISOString(),
        ...(input.kioskId ? { kioskId: input.kioskId } : {}),
      },
    });
  });
  return { validForSeconds: ONE_TIME_CODE_TTL_MS / 1000 };
}
