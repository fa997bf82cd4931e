import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  enrolments,
  outbox,
  residentSessions,
  residentSignInCodes,
  residents,
  type Tx,
} from '@seoro/db';

/**
 * The phone column's value for a resident whose number was destroyed: unique, never a number
 * (`isAnonymizedPhone` recognises it; masking and formatting show it as nothing).
 */
export function anonymizedPhone(residentId: string): string {
  return `anonymized:${residentId}`;
}

/** What anonymising one resident changed, by kind of record. */
export interface AnonymizedCounts {
  residents: number;
  enrolmentNames: number;
  sessions: number;
  signInCodes: number;
  messages: number;
}

/**
 * Destroys a resident's personal data inside the caller's transaction, keeping every row that
 * statistics count: the resident row stays (its name emptied, its phone replaced by a placeholder
 * no search can match, `anonymized_at` set), and so do its enrolments (their names emptied) and
 * attendance. Sign-in sessions and codes are deleted. Texts to the number lose recipient and
 * contents; one still waiting to go is given up, since there is no one left to send it to.
 * The audit log is not touched: it holds ids, never names or numbers. Already anonymised: no-op.
 */
export async function anonymizeResidentInTx(
  tx: Tx,
  residentId: string,
  now: Date,
): Promise<AnonymizedCounts> {
  const [resident] = await tx
    .select({ phone: residents.phoneE164 })
    .from(residents)
    .where(and(eq(residents.id, residentId), isNull(residents.anonymizedAt)));
  if (!resident) {
    return { residents: 0, enrolmentNames: 0, sessions: 0, signInCodes: 0, messages: 0 };
  }
  await tx
    .update(residents)
    .set({
      name: '',
      phoneE164: anonymizedPhone(residentId),
      anonymizedAt: now,
      retainUntil: null,
      updatedAt: now,
    })
    .where(eq(residents.id, residentId));
  const names = await tx
    .update(enrolments)
    .set({ name: '', updatedAt: now })
    .where(eq(enrolments.residentId, residentId))
    .returning({ id: enrolments.id });
  const sessions = await tx
    .delete(residentSessions)
    .where(eq(residentSessions.residentId, residentId))
    .returning({ id: residentSessions.id });
  const codes = await tx
    .delete(residentSignInCodes)
    .where(eq(residentSignInCodes.residentId, residentId))
    .returning({ id: residentSignInCodes.id });
  const messages = await tx
    .select({ id: outbox.id, status: outbox.status })
    .from(outbox)
    .where(eq(outbox.recipient, resident.phone));
  const ids = messages.map((message) => message.id);
  if (ids.length > 0) {
    await tx.update(outbox).set({ recipient: '', payload: {} }).where(inArray(outbox.id, ids));
    await tx
      .update(outbox)
      .set({ status: 'failed', lastError: 'recipient anonymised' })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, 'pending')));
  }
  return {
    residents: 1,
    enrolmentNames: names.length,
    sessions: sessions.length,
    signInCodes: codes.length,
    messages: ids.length,
  };
}
