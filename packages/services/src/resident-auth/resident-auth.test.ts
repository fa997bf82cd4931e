import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { auditLog, outbox, residentSessions, residentSignInCodes, type Database } from '@seoro/db';
import { makeResident } from '@seoro/db/test';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications/templates';
import { requestResidentCode } from './request-resident-code';
import {
  RESIDENT_SESSION_IDLE_MS,
  RESIDENT_SESSION_MAX_MS,
  resolveResidentSession,
  signOutResident,
} from './resident-session';
import { randomSixDigits, sha256Hex } from './secrets';
import { MAX_SIGN_IN_ATTEMPTS, verifyResidentCode } from './verify-resident-code';
import { purgeEndedSignIns } from './purge-sign-ins';
import { testDatabase } from '@seoro/db/test/vitest';

const MINUTE = 60_000;
const START = Date.parse('2026-01-12T01:00:00Z');

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void; at: number } {
  const clock = {
    at: START,
    now: () => new Date(clock.at),
    advance: (ms: number) => void (clock.at += ms),
  };
  return clock;
}

async function setup() {
  const t = await testDatabase();
  const clock = manualClock();
  const ctx = createServiceContext(t.database, { clock });
  const resident = await makeResident(t.database, { name: '홍길동', phoneE164: '+821055501234' });
  return { ...t, ctx, clock, resident, phone: '010-5550-1234' };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

/** The code texted last, read from the outbox as the SMS gateway would get it. */
async function lastTextedCode(database: Database): Promise<string> {
  const rows = await database.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'one_time_code'))
    .orderBy(sql`rowid`);
  const payload = rows.at(-1)?.payload as { otp: string } | undefined;
  if (!payload) throw new Error('no code was texted');
  return payload.otp;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('randomSixDigits', () => {
  it('always gives six digits, leading zeros kept', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const value = new DataView(bytes.buffer).getUint32(0);
        fc.pre(value < 4_294_000_000);
        const code = randomSixDigits(() => bytes);
        expect(code).toMatch(/^\d{6}$/);
        expect(Number(code)).toBe(value % 1_000_000);
      }),
    );
    expect(randomSixDigits(() => new Uint8Array([0, 0, 0, 42]))).toBe('000042');
  });

  it('redraws values from the biased top of the 32-bit range', () => {
    const draws = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff]), // 4294967295: above the last full block
      new Uint8Array([0xff, 0xf1, 0x5a, 0x80]), // 4294040192: still above 4294000000
      new Uint8Array([0x00, 0x0f, 0x42, 0x3f]), // 999999
    ];
    let calls = 0;
    expect(randomSixDigits(() => draws[calls++]!)).toBe('999999');
    expect(calls).toBe(3);
    expect(() => randomSixDigits(() => new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toThrow(
      /random source/,
    );
  });
});

describe('requestResidentCode', () => {
  it('texts a fresh code to a known number and keeps only its hash', async () => {
    const { ctx, database, resident, phone } = await setup();
    const answer = await requestResidentCode(ctx, { phone, locale: 'en', ip: '10.0.0.7' });
    expect(answer).toEqual({ validForSeconds: 300 });

    const [row] = await database.db.select().from(outbox);
    expect(row).toMatchObject({
      template: 'one_time_code',
      channel: 'sms',
      recipient: '+821055501234',
      locale: 'en',
      status: 'pending',
    });
    const otp = (row!.payload as { otp: string }).otp;
    expect(otp).toMatch(/^\d{6}$/);
    expect(renderNotification({ ...row!, payload: row!.payload }).text).toContain(otp);

    const codes = await database.db.select().from(residentSignInCodes);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ residentId: resident.id, attempts: 0, consumedAt: null });
    expect(codes[0]!.codeHash).toBe(sha256Hex(`${codes[0]!.id}:${otp}`));
    expect(codes[0]!.codeHash).not.toContain(otp);
    expect(codes[0]!.expiresAt.getTime() - codes[0]!.createdAt.getTime()).toBe(5 * MINUTE);

    const audit = await database.db.select().from(auditLog);
    expect(audit).toMatchObject([
      {
        action: 'resident.sign_in_code_sent',
        actorType: 'resident',
        residentId: resident.id,
        ip: '10.0.0.7',
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(otp);
  });

  it('answers an unknown number the same way and writes nothing', async () => {
    const { ctx, database, phone } = await setup();
    const known = await requestResidentCode(ctx, { phone, locale: 'ko' });
    await database.write((tx) => tx.delete(outbox));
    await database.write((tx) => tx.delete(residentSignInCodes));
    // The audit log cannot be cleared (append-only): what counts is that nothing is added.
    const auditBefore = await database.db.select().from(auditLog);

    const unknown = await requestResidentCode(ctx, { phone: '010-9999-0000', locale: 'ko' });
    expect(unknown).toEqual(known);
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(residentSignInCodes)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual(auditBefore);
  });

  it('refuses a number that is not a mobile number and writes nothing', async () => {
    const { ctx, database } = await setup();
    expect(await refusal(requestResidentCode(ctx, { phone: '010-12', locale: 'ko' }))).toBe(
      'invalid_phone',
    );
    expect(await refusal(requestResidentCode(ctx, { phone: '02-123-4567', locale: 'ko' }))).toBe(
      'not_mobile_phone',
    );
    expect(await database.db.select().from(outbox)).toEqual([]);
  });
});

describe('verifyResidentCode', () => {
  it('signs in with the texted code once, storing only the token hash', async () => {
    const { ctx, database, resident, phone } = await setup();
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const otp = await lastTextedCode(database);

    // Typed with spaces, as people read codes out.
    const signIn = await verifyResidentCode(ctx, {
      phone: '+82 10 5550 1234',
      code: `${otp.slice(0, 3)} ${otp.slice(3)}`,
      ip: '10.0.0.8',
    });
    expect(signIn.residentId).toBe(resident.id);
    expect(signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signIn.expiresAt.getTime()).toBe(START + RESIDENT_SESSION_MAX_MS);

    const sessions = await database.db.select().from(residentSessions);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.id).toBe(sha256Hex(signIn.token));
    expect(JSON.stringify(sessions)).not.toContain(signIn.token);
    const [code] = await database.db.select().from(residentSignInCodes);
    expect(code!.consumedAt).toEqual(new Date(START));

    // A code works once.
    expect(await refusal(verifyResidentCode(ctx, { phone, code: otp }))).toBe('otp_invalid');
    expect(await database.db.select().from(residentSessions)).toHaveLength(1);

    const actions = (await database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(['resident.sign_in_code_sent', 'resident.sign_in']);
    expect(await resolveResidentSession(ctx, signIn.token)).toEqual({
      state: 'active',
      residentId: resident.id,
      sessionId: sha256Hex(signIn.token),
    });
  });

  it('accepts a code until five minutes have passed, then says it expired', async () => {
    const { ctx, database, clock, phone } = await setup();
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const otp = await lastTextedCode(database);
    clock.advance(5 * MINUTE);
    expect(await refusal(verifyResidentCode(ctx, { phone, code: otp }))).toBe('otp_expired');
    // Only the holder of the right code learns that it expired.
    expect(await refusal(verifyResidentCode(ctx, { phone, code: wrongCode(otp) }))).toBe(
      'otp_invalid',
    );
    expect(await database.db.select().from(residentSessions)).toEqual([]);

    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const fresh = await lastTextedCode(database);
    clock.advance(5 * MINUTE - 1);
    await expect(verifyResidentCode(ctx, { phone, code: fresh })).resolves.toBeTruthy();
  });

  it('counts wrong codes and kills the code after five', async () => {
    const { ctx, database, phone } = await setup();
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const otp = await lastTextedCode(database);
    for (let i = 1; i <= MAX_SIGN_IN_ATTEMPTS; i++) {
      expect(await refusal(verifyResidentCode(ctx, { phone, code: wrongCode(otp) }))).toBe(
        'otp_invalid',
      );
      // The attempt is committed even though the caller was refused.
      const [code] = await database.db.select().from(residentSignInCodes);
      expect(code!.attempts).toBe(i);
    }
    expect(await refusal(verifyResidentCode(ctx, { phone, code: otp }))).toBe('otp_invalid');
    expect(await database.db.select().from(residentSessions)).toEqual([]);
    const failures = (await database.db.select().from(auditLog)).filter(
      (a) => a.action === 'resident.sign_in_failed',
    );
    expect(failures).toHaveLength(MAX_SIGN_IN_ATTEMPTS);

    // A new code starts over.
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const next = await lastTextedCode(database);
    await expect(verifyResidentCode(ctx, { phone, code: next })).resolves.toBeTruthy();
  });

  it('lets only the newest code work', async () => {
    const { database, clock, phone } = await setup();
    // Codes 111111 then 222222: the second request must retire the first.
    const codes = [111_111, 222_222];
    const random = (n: number) => {
      if (n !== 4) return new Uint8Array(randomBytes(n));
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setUint32(0, codes.shift()!);
      return bytes;
    };
    const ctx = createServiceContext(database, { clock, random });
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    expect(await lastTextedCode(database)).toBe('111111');
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    expect(await lastTextedCode(database)).toBe('222222');
    expect(await refusal(verifyResidentCode(ctx, { phone, code: '111111' }))).toBe('otp_invalid');
    await expect(verifyResidentCode(ctx, { phone, code: '222222' })).resolves.toBeTruthy();
  });

  it('refuses unknown numbers and malformed codes without counting them', async () => {
    const { ctx, database, phone } = await setup();
    expect(await refusal(verifyResidentCode(ctx, { phone: '010-9999-0000', code: '123456' }))).toBe(
      'otp_invalid',
    );
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    expect(await refusal(verifyResidentCode(ctx, { phone, code: '12345' }))).toBe('otp_invalid');
    expect(await refusal(verifyResidentCode(ctx, { phone, code: 'abcdef' }))).toBe('otp_invalid');
    const [code] = await database.db.select().from(residentSignInCodes);
    expect(code!.attempts).toBe(0);
    expect(await refusal(verifyResidentCode(ctx, { phone: '1234', code: '123456' }))).toBe(
      'invalid_phone',
    );
  });
});

describe('resident sessions', () => {
  async function signedIn() {
    const env = await setup();
    await requestResidentCode(env.ctx, { phone: env.phone, locale: 'ko' });
    const otp = await lastTextedCode(env.database);
    const signIn = await verifyResidentCode(env.ctx, { phone: env.phone, code: otp });
    return { ...env, token: signIn.token };
  }

  it('slides the idle timeout with use and ends after 30 idle minutes', async () => {
    const { ctx, database, clock, token } = await signedIn();
    for (let i = 0; i < 4; i++) {
      clock.advance(RESIDENT_SESSION_IDLE_MS - MINUTE);
      expect((await resolveResidentSession(ctx, token)).state).toBe('active');
    }
    const [session] = await database.db.select().from(residentSessions);
    expect(session!.lastSeenAt.getTime()).toBe(clock.at);

    clock.advance(RESIDENT_SESSION_IDLE_MS);
    expect(await resolveResidentSession(ctx, token)).toEqual({ state: 'expired' });
    expect(await database.db.select().from(residentSessions)).toEqual([]);
    expect(await resolveResidentSession(ctx, token)).toEqual({ state: 'none' });
  });

  it('ends twelve hours after sign-in however active the resident is', async () => {
    const { ctx, clock, token } = await signedIn();
    const end = START + RESIDENT_SESSION_MAX_MS;
    while (clock.at + 20 * MINUTE < end) {
      clock.advance(20 * MINUTE);
      expect((await resolveResidentSession(ctx, token)).state).toBe('active');
    }
    clock.at = end;
    expect((await resolveResidentSession(ctx, token)).state).toBe('expired');
  });

  it('ignores tokens that are malformed or unknown', async () => {
    const { ctx, token } = await signedIn();
    expect(await resolveResidentSession(ctx, null)).toEqual({ state: 'none' });
    expect(await resolveResidentSession(ctx, 'not a token')).toEqual({ state: 'none' });
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await resolveResidentSession(ctx, other)).toEqual({ state: 'none' });
  });

  it('sign-out deletes the session and is audited', async () => {
    const { ctx, database, resident, token } = await signedIn();
    const session = await resolveResidentSession(ctx, token);
    if (session.state !== 'active') throw new Error('expected an active session');
    // Someone else's resident id cannot end it.
    await signOutResident(ctx, { sessionId: session.sessionId, residentId: 'someone-else' });
    expect((await resolveResidentSession(ctx, token)).state).toBe('active');

    await signOutResident(ctx, {
      sessionId: session.sessionId,
      residentId: resident.id,
      ip: '10.0.0.9',
    });
    expect(await resolveResidentSession(ctx, token)).toEqual({ state: 'none' });
    expect(await database.db.select().from(residentSessions)).toEqual([]);
    const [last] = (await database.db.select().from(auditLog)).slice(-1);
    expect(last).toMatchObject({ action: 'resident.sign_out', residentId: resident.id });
  });
});

describe('purgeEndedSignIns', () => {
  it('deletes idle and ended sessions and long-expired codes, and keeps what still works', async () => {
    const { ctx, clock, database, phone } = await setup();
    const count = async () => ({
      sessions: (await database.db.select().from(residentSessions)).length,
      codes: (await database.db.select().from(residentSignInCodes)).length,
    });

    // Signed in: one session, its code used.
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    const first = await verifyResidentCode(ctx, { phone, code: await lastTextedCode(database) });
    expect(await purgeEndedSignIns(ctx)).toEqual({ sessions: 0, codes: 0, codeTexts: 0 });

    // A fresh code waiting to be typed, then an hour and a half without a request.
    clock.advance(RESIDENT_SESSION_IDLE_MS - MINUTE);
    await resolveResidentSession(ctx, first.token); // still active: keeps it alive
    await requestResidentCode(ctx, { phone, locale: 'ko' });
    expect(await count()).toEqual({ sessions: 1, codes: 1 });
    // No sender ran: the first code's text, long expired, is given up; the fresh one waits.
    expect(await purgeEndedSignIns(ctx)).toEqual({ sessions: 0, codes: 0, codeTexts: 1 });

    clock.advance(RESIDENT_SESSION_IDLE_MS + MINUTE);
    // The code expired 25 minutes ago: kept, so a late try hears "expired".
    expect(await purgeEndedSignIns(ctx)).toEqual({ sessions: 1, codes: 0, codeTexts: 1 });
    clock.advance(60 * MINUTE);
    expect(await purgeEndedSignIns(ctx)).toEqual({ sessions: 0, codes: 1, codeTexts: 0 });
    expect(await count()).toEqual({ sessions: 0, codes: 0 });
  });
});
