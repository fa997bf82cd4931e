import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Database, auditLog, staffUsers } from '@seoro/db';
import { createServiceContext, signInStaff } from '@seoro/services';

const script = join(import.meta.dirname, '..', 'scripts', 'staff-create.ts');
const dir = mkdtempSync(join(tmpdir(), 'seoro-staff-create-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script with the password on stdin (not a terminal), as a provisioning script would. */
const run = (databaseUrl: string, args: string[], stdin: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: dir },
  });

describe('pnpm staff:create', () => {
  it('migrates a new database and creates an account that can sign in', async () => {
    const url = `file:${join(dir, 'new.db')}`;
    const args = ['--email', ' Lee@Yongsan.example ', '--name', '이관리', '--role', 'admin'];
    const created = run(url, args, 'birch-Lantern-Hannam-52\n');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created the admin account lee@yongsan.example (이관리)');

    const database = await Database.open({ url });
    try {
      const [row] = await database.db.select().from(staffUsers);
      expect(row).toMatchObject({ email: 'lee@yongsan.example', role: 'admin', name: '이관리' });
      expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
      const audit = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'staff.account_created'));
      expect(audit).toHaveLength(1);
      const ctx = createServiceContext(database);
      const signIn = await signInStaff(ctx, {
        email: 'lee@yongsan.example',
        password: 'birch-Lantern-Hannam-52',
      });
      expect(signIn.staff.role).toBe('admin');
    } finally {
      await database.close();
    }

    const again = run(url, args, 'another-Lantern-Hannam-53\n');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('A staff account with this email already exists.');
  }, 30_000);

  it('refuses a weak password with the sentence, creating nothing', async () => {
    const url = `file:${join(dir, 'weak.db')}`;
    const args = ['--email', 'choi@yongsan.example', '--name', '최직원', '--role', 'staff'];
    for (const password of ['short-1', 'password1234', 'qwertyuiop123']) {
      const refused = run(url, args, `${password}\n`);
      expect(refused.status, password).toBe(2);
      expect(refused.stderr).toContain('추측하기 쉬운 비밀번호입니다');
      expect(refused.stderr).toContain('This password is too easy to guess.');
    }
    const database = await Database.open({ url });
    try {
      expect(await database.db.select().from(staffUsers)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 30_000);

  it('takes a relative database path from where it was run, and says how to call it', () => {
    const created = run(
      'file:./relative.db',
      ['--email', 'han@yongsan.example', '--name', '한직원', '--role', 'viewer'],
      'cedar-Whistle-Mapo-64\n',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('file:./relative.db');
    expect(existsSync(join(dir, 'relative.db'))).toBe(true);
    const usage = run(`file:${join(dir, 'x.db')}`, ['--email', 'a@b.example'], '');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: pnpm staff:create');
  }, 30_000);
});
