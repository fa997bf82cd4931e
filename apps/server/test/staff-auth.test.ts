/**
 * Staff sign-in over HTTP: the server turns the staff cookie into `ctx.staff` for `/trpc`, sets it
 * on sign-in (HttpOnly, SameSite=Lax, Path=/; `__Host-` and Secure over HTTPS) and, on sign-out,
 * deletes the session so that the old cookie is worth nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { auditLog, staffSessions } from '@seoro/db';
import { createTestDatabase } from '@seoro/db/test';
import { createServiceContext, createStaffAccount } from '@seoro/services';
import { createApp } from '../src/app';

const EMAIL = 'park@yongsan.example';
const PASSWORD = 'willow-Teapot-Itaewon-37';
const MINUTE = 60_000;

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function setup(options: { trustProxy?: number } = {}) {
  const t = await createTestDatabase();
  cleanups.push(t.cleanup);
  const clock = { at: Date.now(), now: () => new Date(clock.at) };
  const services = createServiceContext(t.database, { clock });
  const staff = await createStaffAccount(services, {
    email: EMAIL,
    name: '박직원',
    role: 'staff',
    password: PASSWORD,
    createdBy: { type: 'system' },
  });
  const app = createApp({
    database: t.database,
    services,
    logger: pino({ level: 'silent' }),
    trustProxy: options.trustProxy ?? 0,
  });
  const call = (
    method: 'GET' | 'POST',
    path: string,
    input?: unknown,
    options: { cookie?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { 'x-seoro-locale': 'en', ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    if (method === 'GET') return app.request(`http://localhost/trpc/${path}`, { headers });
    return app.request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(input ?? null),
    });
  };
  const signIn = async (password = PASSWORD, headers: Record<string, string> = {}) => {
    const res = await call('POST', 'staff.auth.signIn', { email: EMAIL, password }, { headers });
    const setCookie = res.headers.getSetCookie()[0] ?? null;
    return { res, setCookie, cookie: setCookie?.split(';')[0] ?? null };
  };
  return { ...t, app, clock, staff, call, signIn };
}

type Body = {
  result?: { data: unknown };
  error?: { message: string; data: { domainCode: string | null; field: string | null } };
};
const json = async (res: Response) => (await res.json()) as Body;

describe('staff sign-in over HTTP', () => {
  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie without Secure on plain HTTP', async () => {
    const { signIn, call, staff, database } = await setup();
    const { res, setCookie, cookie } = await signIn();
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      result: { data: { staff: { id: staff.id, email: EMAIL, name: '박직원', role: 'staff' } } },
    });
    expect(setCookie).toMatch(/^seoro_staff=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain('Domain');
    const token = cookie!.split('=')[1]!;
    expect(JSON.stringify(await database.db.select().from(staffSessions))).not.toContain(token);

    const me = await call('GET', 'staff.auth.me', undefined, { cookie: cookie! });
    expect(me.status).toBe(200);
    expect((await json(me)).result?.data).toEqual({
      id: staff.id,
      email: EMAIL,
      name: '박직원',
      role: 'staff',
    });
  });

  it('behind a trusted proxy over HTTPS uses a Secure __Host- cookie and reads only that one', async () => {
    const { signIn, call } = await setup({ trustProxy: 1 });
    const https = { 'x-forwarded-proto': 'https' };
    const { setCookie, cookie } = await signIn(PASSWORD, https);
    expect(setCookie).toMatch(/^__Host-seoro_staff=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).not.toContain('Domain');
    const me = await call('GET', 'staff.auth.me', undefined, { cookie: cookie!, headers: https });
    expect(me.status).toBe(200);
    const plain = cookie!.replace('__Host-', '');
    const refused = await call('GET', 'staff.auth.me', undefined, {
      cookie: plain,
      headers: https,
    });
    expect(refused.status).toBe(401);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const { signIn } = await setup();
    const { setCookie } = await signIn(PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/^seoro_staff=/);
    expect(setCookie).not.toContain('Secure');
  });

  it('refuses a wrong password with the sentence, and locks after five', async () => {
    const { signIn } = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { res, setCookie } = await signIn('wrong-password-here');
      expect(setCookie).toBeNull();
      statuses.push(res.status);
      const body = await json(res);
      if (i === 0) {
        expect(body.error).toMatchObject({
          message: 'The email or password is incorrect. Please check them and try again.',
          data: { domainCode: 'staff_sign_in_failed', field: 'password' },
        });
      }
      if (i === 4) {
        expect(body.error).toMatchObject({
          message: expect.stringContaining('try again in 15 minutes'),
          data: { domainCode: 'staff_locked' },
        });
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await signIn()).res.status).toBe(429);
  });

  it('answers an anonymous or ended session with 401 on staff.auth.me', async () => {
    const { call, signIn, clock } = await setup();
    expect((await call('GET', 'staff.auth.me')).status).toBe(401);
    const { cookie } = await signIn();
    clock.at += 31 * MINUTE;
    const me = await call('GET', 'staff.auth.me', undefined, { cookie: cookie! });
    expect(me.status).toBe(401);
    // The browser is told to forget the ended session.
    expect(me.headers.getSetCookie()[0]).toMatch(/^seoro_staff=; Max-Age=0/);
  });

  it('a resident session is no staff session', async () => {
    const { call } = await setup();
    const me = await call('GET', 'staff.auth.me', undefined, {
      cookie: `seoro_resident=${'a'.repeat(43)}`,
    });
    expect(me.status).toBe(401);
  });
});

describe('staff sign-out over HTTP', () => {
  it('deletes the session on the server: the old cookie then gets 401', async () => {
    const { call, signIn, database, staff } = await setup();
    const { cookie } = await signIn();
    const out = await call('POST', 'staff.auth.signOut', null, { cookie: cookie! });
    expect(out.status).toBe(200);
    expect((await json(out)).result?.data).toEqual({ ok: true });
    expect(out.headers.getSetCookie()[0]).toMatch(/^seoro_staff=; Max-Age=0; Path=\/; HttpOnly/);
    expect(await database.db.select().from(staffSessions)).toEqual([]);

    // A copy of the cookie kept from before the sign-out is refused.
    const me = await call('GET', 'staff.auth.me', undefined, { cookie: cookie! });
    expect(me.status).toBe(401);

    const actions = (await database.db.select().from(auditLog)).map((r) => [r.action, r.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['staff.sign_in', staff.id],
        ['staff.sign_out', staff.id],
      ]),
    );
  });

  it('a new sign-in ends the session the browser held', async () => {
    const { call, signIn, database } = await setup();
    const first = await signIn();
    const res = await call(
      'POST',
      'staff.auth.signIn',
      { email: EMAIL, password: PASSWORD },
      { cookie: first.cookie! },
    );
    expect(res.status).toBe(200);
    expect(await database.db.select().from(staffSessions)).toHaveLength(1);
    const old = await call('GET', 'staff.auth.me', undefined, { cookie: first.cookie! });
    expect(old.status).toBe(401);
  });
});
