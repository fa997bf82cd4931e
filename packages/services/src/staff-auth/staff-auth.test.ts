import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, staffSessions, staffSignInFailures, staffUsers } from '@seoro/db';
import {
  DEMO_STAFF_EMAIL,
  DEMO_STAFF_PASSWORD,
  DEMO_STAFF_PASSWORD_HASH,
  seedDemoStaff,
} from '@seoro/db/seed';
import { DomainError, type Clock } from '@seoro/domain';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { sha256Hex } from '../resident-auth/secrets';
import { createStaffAccount } from './create-staff-account';
import { hashStaffPassword, requireStrongPassword, verifyStaffPassword } from './passwords';
import { STAFF_LOCK_MS, STAFF_MAX_FAILED_SIGN_INS, signInStaff } from './sign-in-staff';
import {
  STAFF_SESSION_IDLE_MS,
  STAFF_SESSION_MAX_MS,
  resolveStaffSession,
  signOutStaff,
} from './staff-session';

const MINUTE = 60_000;
const START = Date.parse('2026-01-12T01:00:00Z');
const EMAIL = 'kim@yongsan.example';
const PASSWORD = 'maple-kettle-Namsan-81';

function manualClock(): Clock & { advance(ms: number): void } {
  let at = START;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

async function setup(role: 'admin' | 'staff' | 'viewer' = 'staff') {
  const t = await testDatabase();
  const clock = manualClock();
  const ctx = createServiceContext(t.database, { clock });
  const account = await createStaffAccount(ctx, {
    email: ` ${EMAIL.toUpperCase()} `,
    name: '김담당',
    role,
    password: PASSWORD,
    createdBy: { type: 'system' },
  });
  return { ...t, ctx, clock, account };
}

async function refusal(p: Promise<unknown>): Promise<DomainError | string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  return 'no error';
}
const codeOf = async (p: Promise<unknown>) => {
  const r = await refusal(p);
  return typeof r === 'string' ? r : r.code;
};

describe('staff passwords', () => {
  it('are stored as Argon2id hashes that verify the password and nothing else', async () => {
    const stored = await hashStaffPassword(PASSWORD);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyStaffPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyStaffPassword(stored, `${PASSWORD}x`)).toBe(false);
    expect(await verifyStaffPassword('not a hash', PASSWORD)).toBe(false);
  });

  it.each([
    ['short', 'Kettle-81!'],
    ['common', 'password1234'],
    ['common, capitalised', 'Password123!'],
    ['a keyboard walk', 'qwertyuiop123'],
    ['repeated', 'aaaaaaaaaaaa'],
    ['a sequence', 'abcdefghijkl'],
    ['l33t', 'P@ssw0rd2026!'],
    ['the account email', 'Kim@Yongsan.example'],
  ])('refuses a weak password (%s)', (_what, password) => {
    const attempt = () => requireStrongPassword(password, [EMAIL, '김담당']);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow('weak_password');
  });

  it('accepts long passphrases, in Korean too', () => {
    for (const p of [PASSWORD, '용산-서로서로-2026', 'dragonfly-kettle-94', DEMO_STAFF_PASSWORD]) {
      expect(() => requireStrongPassword(p, [DEMO_STAFF_EMAIL]), p).not.toThrow();
    }
  });

  it('the demo account gets the demo password, as a real hash', async () => {
    expect(await verifyStaffPassword(DEMO_STAFF_PASSWORD_HASH, DEMO_STAFF_PASSWORD)).toBe(true);
    const t = await testDatabase();
    expect(await seedDemoStaff(t.database)).toBe(true);
    expect(await seedDemoStaff(t.database)).toBe(false);
    const ctx = createServiceContext(t.database);
    const signIn = await signInStaff(ctx, {
      email: DEMO_STAFF_EMAIL,
      password: DEMO_STAFF_PASSWORD,
    });
    expect(signIn.staff).toMatchObject({ email: DEMO_STAFF_EMAIL, role: 'admin' });
  });

  it('a new account refuses a weak password and a taken email', async () => {
    const { ctx } = await setup();
    const make = (email: string, password: string) =>
      createStaffAccount(ctx, {
        email,
        name: '이직원',
        role: 'viewer',
        password,
        createdBy: { type: 'system' },
      });
    expect(await codeOf(make('lee@yongsan.example', 'password1234'))).toBe('weak_password');
    expect(await codeOf(make(EMAIL, 'another-maple-Kettle-82'))).toBe('staff_email_taken');
  });
});

describe('staff sign-in', () => {
  it('opens a session for the right password, storing only the token’s hash', async () => {
    const { ctx, database, account } = await setup();
    const signIn = await signInStaff(ctx, {
      email: `  ${EMAIL} `,
      password: PASSWORD,
      ip: '10.0.0.7',
    });
    expect(signIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signIn.staff).toEqual({ id: account.id, email: EMAIL, name: '김담당', role: 'staff' });
    expect(signIn.expiresAt.getTime()).toBe(START + STAFF_SESSION_MAX_MS);

    const rows = await database.db.select().from(staffSessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(sha256Hex(signIn.token));
    const dump = JSON.stringify(await database.client.execute('select * from staff_sessions'));
    expect(dump).not.toContain(signIn.token);

    const lookup = await resolveStaffSession(ctx, signIn.token);
    expect(lookup).toMatchObject({ state: 'active', staff: { id: account.id, role: 'staff' } });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.sign_in'));
    expect(audit).toEqual([expect.objectContaining({ actorId: account.id, ip: '10.0.0.7' })]);
  });

  it('gives the same refusal for a wrong password and an unknown email, and audits both', async () => {
    const { ctx, database, account } = await setup();
    expect(await codeOf(signInStaff(ctx, { email: EMAIL, password: 'wrong-password-1' }))).toBe(
      'staff_sign_in_failed',
    );
    expect(
      await codeOf(signInStaff(ctx, { email: 'nobody@yongsan.example', password: PASSWORD })),
    ).toBe('staff_sign_in_failed');
    const failed = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.sign_in_failed'));
    expect(failed.map((r) => [r.actorId, r.detail?.email])).toEqual([
      [account.id, EMAIL],
      [null, 'nobody@yongsan.example'],
    ]);
    expect(JSON.stringify(failed)).not.toContain('wrong-password-1');
    expect(JSON.stringify(failed)).not.toContain(PASSWORD);
  });

  it('locks the account after 5 failures in a row, for 15 minutes, even to the right password', async () => {
    const { ctx, clock, database, account } = await setup();
    const wrong = () => signInStaff(ctx, { email: EMAIL, password: 'wrong-password-1' });
    for (let i = 1; i < STAFF_MAX_FAILED_SIGN_INS; i++) {
      expect(await codeOf(wrong())).toBe('staff_sign_in_failed');
    }
    const locked = await refusal(wrong());
    expect(locked).toBeInstanceOf(DomainError);
    expect(locked).toMatchObject({ code: 'staff_locked', params: { minutes: 15 } });

    clock.advance(14 * MINUTE);
    const still = await refusal(signInStaff(ctx, { email: EMAIL, password: PASSWORD }));
    expect(still).toMatchObject({ code: 'staff_locked', params: { minutes: 1 } });

    clock.advance(STAFF_LOCK_MS - 14 * MINUTE);
    await expect(signInStaff(ctx, { email: EMAIL, password: PASSWORD })).resolves.toMatchObject({
      staff: { id: account.id },
    });
    // The success clears the email's failures.
    expect(await database.db.select().from(staffSignInFailures)).toEqual([]);
    const lockAudit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.locked'));
    expect(lockAudit).toHaveLength(1);
  });

  it('locks an unknown email exactly as a real one, so the lock tells nothing', async () => {
    const { ctx } = await setup();
    const answers = async (email: string) => {
      const codes: string[] = [];
      for (let i = 0; i <= STAFF_MAX_FAILED_SIGN_INS; i++) {
        const error = await refusal(signInStaff(ctx, { email, password: 'wrong-password-1' }));
        codes.push(
          error instanceof DomainError
            ? `${error.code}:${JSON.stringify(error.params ?? {})}`
            : `not a refusal: ${error}`,
        );
      }
      return codes;
    };
    const real = await answers(EMAIL);
    expect(real.slice(-2)).toEqual(['staff_locked:{"minutes":15}', 'staff_locked:{"minutes":15}']);
    expect(await answers('nobody@yongsan.example')).toEqual(real);
    // The email is compared as the form sends it: trimmed and in any case.
    expect(
      await codeOf(signInStaff(ctx, { email: ' Nobody@Yongsan.example ', password: 'x' })),
    ).toBe('staff_locked');
  });

  it('a success resets the count: failures must be in a row to lock', async () => {
    const { ctx } = await setup();
    const wrong = () => signInStaff(ctx, { email: EMAIL, password: 'wrong-password-1' });
    for (let i = 0; i < 4; i++) await refusal(wrong());
    await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    for (let i = 0; i < 4; i++) expect(await codeOf(wrong())).toBe('staff_sign_in_failed');
  });

  it('refuses a disabled account, and its sessions stop working', async () => {
    const { ctx, database, account } = await setup();
    const signIn = await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    await database.write((tx) =>
      tx
        .update(staffUsers)
        .set({ disabledAt: new Date(START) })
        .where(eq(staffUsers.id, account.id)),
    );
    expect(await resolveStaffSession(ctx, signIn.token)).toEqual({ state: 'none' });
    expect(await database.db.select().from(staffSessions)).toEqual([]);
    expect(await codeOf(signInStaff(ctx, { email: EMAIL, password: PASSWORD }))).toBe(
      'staff_sign_in_failed',
    );
  });

  it('renews the token at every sign-in, ending the one the browser held', async () => {
    const { ctx, database } = await setup();
    const first = await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    const second = await signInStaff(ctx, {
      email: EMAIL,
      password: PASSWORD,
      previousSessionId: sha256Hex(first.token),
    });
    expect(second.token).not.toBe(first.token);
    expect(await resolveStaffSession(ctx, first.token)).toEqual({ state: 'none' });
    expect(await resolveStaffSession(ctx, second.token)).toMatchObject({ state: 'active' });
    expect(await database.db.select().from(staffSessions)).toHaveLength(1);
  });
});

describe('staff sessions', () => {
  it('end after 30 idle minutes', async () => {
    const { ctx, clock } = await setup();
    const { token } = await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    clock.advance(STAFF_SESSION_IDLE_MS - MINUTE);
    expect((await resolveStaffSession(ctx, token)).state).toBe('active');
    clock.advance(STAFF_SESSION_IDLE_MS - MINUTE);
    // Used a minute ago: the idle clock started again.
    expect((await resolveStaffSession(ctx, token)).state).toBe('active');
    clock.advance(STAFF_SESSION_IDLE_MS);
    expect(await resolveStaffSession(ctx, token)).toEqual({ state: 'expired' });
    expect(await resolveStaffSession(ctx, token)).toEqual({ state: 'none' });
  });

  it('end 12 hours after sign-in however busy', async () => {
    const { ctx, clock } = await setup();
    const { token } = await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    for (let t = 0; t < STAFF_SESSION_MAX_MS - 20 * MINUTE; t += 20 * MINUTE) {
      clock.advance(20 * MINUTE);
      expect((await resolveStaffSession(ctx, token)).state).toBe('active');
    }
    clock.advance(20 * MINUTE);
    expect(await resolveStaffSession(ctx, token)).toEqual({ state: 'expired' });
  });

  it('a token is useless after sign-out, which is audited', async () => {
    const { ctx, database, account } = await setup();
    const { token } = await signInStaff(ctx, { email: EMAIL, password: PASSWORD });
    await signOutStaff(ctx, { sessionId: sha256Hex(token), staffId: account.id, ip: '10.0.0.7' });
    expect(await resolveStaffSession(ctx, token)).toEqual({ state: 'none' });
    expect(await database.db.select().from(staffSessions)).toEqual([]);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'staff.sign_out'));
    expect(audit).toEqual([expect.objectContaining({ actorId: account.id, ip: '10.0.0.7' })]);
  });

  it('ignores tokens that are not shaped like one', async () => {
    const { ctx } = await setup();
    for (const token of [null, '', 'short', `${'a'.repeat(43)}=`]) {
      expect(await resolveStaffSession(ctx, token)).toEqual({ state: 'none' });
    }
  });
});
