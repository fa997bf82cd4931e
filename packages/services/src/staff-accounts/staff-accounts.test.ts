import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, staffSessions, staffUsers } from '@seoro/db';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { createStaffAccount } from '../staff-auth/create-staff-account';
import { requireStrongPassword } from '../staff-auth/passwords';
import { STAFF_MAX_FAILED_SIGN_INS, signInStaff } from '../staff-auth/sign-in-staff';
import { resolveStaffSession } from '../staff-auth/staff-session';
import { setStaffDisabled, setStaffRole, unlockStaffAccount } from './change-staff-account';
import { createStaffAccountByAdmin } from './create-account';
import { generateStaffPassword } from './generated-password';
import { listStaffAccounts } from './list-staff-accounts';
import { resetStaffPassword } from './reset-staff-password';

const START = Date.parse('2026-01-12T01:00:00Z');
const ADMIN_PASSWORD = 'maple-kettle-Namsan-81';

function manualClock(): Clock & { advance(ms: number): void } {
  let at = START;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

async function setup() {
  const t = await testDatabase();
  const clock = manualClock();
  const ctx = createServiceContext(t.database, { clock });
  const admin = await createStaffAccount(ctx, {
    email: 'admin@yongsan.example',
    name: '김관리',
    role: 'admin',
    password: ADMIN_PASSWORD,
    createdBy: { type: 'system' },
  });
  const audit = (action: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
  return { ...t, ctx, clock, admin, audit };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('staff accounts, by an administrator', () => {
  it('are created with a generated strong password, shown once, and audited', async () => {
    const { ctx, admin } = await setup();
    const made = await createStaffAccountByAdmin(ctx, {
      email: 'Lee@Yongsan.example',
      name: '이직원',
      role: 'staff',
      actorId: admin.id,
      ip: '10.0.0.7',
    });
    expect(made).toMatchObject({ email: 'lee@yongsan.example', role: 'staff' });
    expect(made.generatedPassword).toMatch(/^([0-9a-hjkmnp-tv-z]{5}-){3}[0-9a-hjkmnp-tv-z]{5}$/);
    await expect(
      signInStaff(ctx, { email: 'lee@yongsan.example', password: made.generatedPassword ?? '' }),
    ).resolves.toMatchObject({ staff: { id: made.id } });
    const rows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, made.id));
    expect(rows.find((r) => r.action === 'staff.account_created')).toMatchObject({
      actorType: 'staff',
      actorId: admin.id,
      ip: '10.0.0.7',
    });
    expect(JSON.stringify(rows)).not.toContain(made.generatedPassword);
  });

  it('refuse a weak typed password', async () => {
    const { ctx, admin } = await setup();
    expect(
      await codeOf(
        createStaffAccountByAdmin(ctx, {
          email: 'park@yongsan.example',
          name: '박직원',
          role: 'viewer',
          password: 'password1234',
          actorId: admin.id,
        }),
      ),
    ).toBe('weak_password');
  });

  it('generated passwords pass the password rules', () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    for (let i = 0; i < 20; i++) {
      expect(() => requireStrongPassword(generateStaffPassword(random))).not.toThrow();
    }
  });

  it('list role, last sign-in, lock and disabled state', async () => {
    const { ctx, clock, admin } = await setup();
    const staff = await createStaffAccountByAdmin(ctx, {
      email: 'lee@yongsan.example',
      name: '이직원',
      role: 'staff',
      password: 'dragonfly-kettle-94',
      actorId: admin.id,
    });
    await signInStaff(ctx, { email: 'admin@yongsan.example', password: ADMIN_PASSWORD });
    clock.advance(60_000);
    for (let i = 0; i < STAFF_MAX_FAILED_SIGN_INS; i++) {
      await codeOf(signInStaff(ctx, { email: 'lee@yongsan.example', password: 'wrong-one-1' }));
    }
    const list = await listStaffAccounts(ctx);
    expect(list.map((a) => a.id)).toEqual([admin.id, staff.id]);
    expect(list[0]).toMatchObject({
      role: 'admin',
      lastSignInAt: new Date(START).toISOString(),
      lockedUntil: null,
      activeSessions: 1,
    });
    expect(list[1]).toMatchObject({ role: 'staff', lastSignInAt: null, disabledAt: null });
    expect(list[1]?.lockedUntil).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain('argon2');
  });

  it('change a role, audited with before and after', async () => {
    const { ctx, admin, audit } = await setup();
    const staff = await createStaffAccountByAdmin(ctx, {
      email: 'lee@yongsan.example',
      name: '이직원',
      role: 'staff',
      actorId: admin.id,
    });
    await setStaffRole(ctx, { staffId: staff.id, role: 'viewer', actorId: admin.id });
    const [row] = await ctx.database.db
      .select()
      .from(staffUsers)
      .where(eq(staffUsers.id, staff.id));
    expect(row?.role).toBe('viewer');
    expect(await audit('staff.role_changed')).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        subjectId: staff.id,
        detail: expect.objectContaining({ from: 'staff', to: 'viewer' }),
      }),
    ]);
  });

  it('the last administrator cannot demote or disable themselves; with a second one they can', async () => {
    const { ctx, admin, audit } = await setup();
    expect(
      await codeOf(setStaffRole(ctx, { staffId: admin.id, role: 'staff', actorId: admin.id })),
    ).toBe('last_admin');
    expect(
      await codeOf(setStaffDisabled(ctx, { staffId: admin.id, disabled: true, actorId: admin.id })),
    ).toBe('last_admin');
    expect(await audit('staff.role_changed')).toEqual([]);

    // A disabled administrator does not count as the other one.
    const second = await createStaffAccountByAdmin(ctx, {
      email: 'second@yongsan.example',
      name: '박관리',
      role: 'admin',
      actorId: admin.id,
    });
    await setStaffDisabled(ctx, { staffId: second.id, disabled: true, actorId: admin.id });
    expect(
      await codeOf(setStaffRole(ctx, { staffId: admin.id, role: 'staff', actorId: admin.id })),
    ).toBe('last_admin');

    await setStaffDisabled(ctx, { staffId: second.id, disabled: false, actorId: admin.id });
    await setStaffRole(ctx, { staffId: admin.id, role: 'staff', actorId: admin.id });
    expect(
      await codeOf(setStaffRole(ctx, { staffId: second.id, role: 'viewer', actorId: second.id })),
    ).toBe('last_admin');
  });

  it('a disabled account cannot sign in, its sessions end at once, and it can be enabled again', async () => {
    const { ctx, admin, database, audit } = await setup();
    const staff = await createStaffAccountByAdmin(ctx, {
      email: 'lee@yongsan.example',
      name: '이직원',
      role: 'staff',
      password: 'dragonfly-kettle-94',
      actorId: admin.id,
    });
    const signIn = await signInStaff(ctx, {
      email: 'lee@yongsan.example',
      password: 'dragonfly-kettle-94',
    });
    const done = await setStaffDisabled(ctx, {
      staffId: staff.id,
      disabled: true,
      actorId: admin.id,
    });
    expect(done.endedSessions).toBe(1);
    expect(
      await database.db.select().from(staffSessions).where(eq(staffSessions.staffUserId, staff.id)),
    ).toEqual([]);
    expect(await resolveStaffSession(ctx, signIn.token)).toEqual({ state: 'none' });
    expect(
      await codeOf(
        signInStaff(ctx, { email: 'lee@yongsan.example', password: 'dragonfly-kettle-94' }),
      ),
    ).toBe('staff_sign_in_failed');
    expect(await audit('staff.disabled')).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        subjectId: staff.id,
        detail: expect.objectContaining({ endedSessions: 1 }),
      }),
    ]);

    await setStaffDisabled(ctx, { staffId: staff.id, disabled: false, actorId: admin.id });
    await expect(
      signInStaff(ctx, { email: 'lee@yongsan.example', password: 'dragonfly-kettle-94' }),
    ).resolves.toMatchObject({ staff: { id: staff.id } });
    expect(await audit('staff.enabled')).toHaveLength(1);
  });

  it('unlocking lets a locked account sign in at once', async () => {
    const { ctx, admin, audit } = await setup();
    const staff = await createStaffAccountByAdmin(ctx, {
      email: 'lee@yongsan.example',
      name: '이직원',
      role: 'staff',
      password: 'dragonfly-kettle-94',
      actorId: admin.id,
    });
    for (let i = 0; i < STAFF_MAX_FAILED_SIGN_INS; i++) {
      await codeOf(signInStaff(ctx, { email: 'lee@yongsan.example', password: 'wrong-one-1' }));
    }
    expect(
      await codeOf(
        signInStaff(ctx, { email: 'lee@yongsan.example', password: 'dragonfly-kettle-94' }),
      ),
    ).toBe('staff_locked');
    const unlocked = await unlockStaffAccount(ctx, { staffId: staff.id, actorId: admin.id });
    expect(unlocked.wasLocked).toBe(true);
    await expect(
      signInStaff(ctx, { email: 'lee@yongsan.example', password: 'dragonfly-kettle-94' }),
    ).resolves.toMatchObject({ staff: { id: staff.id } });
    expect(await audit('staff.unlocked')).toEqual([
      expect.objectContaining({ actorId: admin.id, subjectId: staff.id }),
    ]);
  });

  it('a password reset ends the sessions; the old password stops working', async () => {
    const { ctx, admin, audit } = await setup();
    const staff = await createStaffAccountByAdmin(ctx, {
      email: 'lee@yongsan.example',
      name: '이직원',
      role: 'staff',
      password: 'dragonfly-kettle-94',
      actorId: admin.id,
    });
    const before = await signInStaff(ctx, {
      email: 'lee@yongsan.example',
      password: 'dragonfly-kettle-94',
    });
    expect(
      await codeOf(
        resetStaffPassword(ctx, { staffId: staff.id, password: 'short', actorId: admin.id }),
      ),
    ).toBe('weak_password');
    const reset = await resetStaffPassword(ctx, { staffId: staff.id, actorId: admin.id });
    expect(reset.generatedPassword).toBeTruthy();
    expect(await resolveStaffSession(ctx, before.token)).toEqual({ state: 'none' });
    expect(
      await codeOf(
        signInStaff(ctx, { email: 'lee@yongsan.example', password: 'dragonfly-kettle-94' }),
      ),
    ).toBe('staff_sign_in_failed');
    await expect(
      signInStaff(ctx, { email: 'lee@yongsan.example', password: reset.generatedPassword ?? '' }),
    ).resolves.toMatchObject({ staff: { id: staff.id } });
    const rows = await audit('staff.password_reset');
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        detail: expect.objectContaining({ generated: true, endedSessions: 1 }),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(reset.generatedPassword);
    expect(await codeOf(resetStaffPassword(ctx, { staffId: 'nobody', actorId: admin.id }))).toBe(
      'staff_not_found',
    );
  });
});
