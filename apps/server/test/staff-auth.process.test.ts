/**
 * Staff sign-in against the built server process (`pnpm build` first), on a fresh demo database:
 * the start log says how to sign in, the demo administrator can, the cookie carries the right
 * flags on plain HTTP and behind a trusted HTTPS proxy, and sign-out ends the session on the
 * server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD } from '@seoro/db/seed';
import { endServer, startServer, type ServerProcess } from './support/spawn-server';

let dir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-staff-'));
  server = await startServer({
    databaseUrl: `file:${join(dir, 'app.db')}`,
    env: { LOG_LEVEL: 'info', TRUST_PROXY: '1', NOTIFY_FILE: '', NOTIFY_SMS_WEBHOOK_URL: '' },
  });
}, 60_000);

afterAll(async () => {
  await endServer(server);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const send = (path: string, init: { body?: unknown; cookie?: string; https?: boolean } = {}) =>
  fetch(`${server!.base}/trpc/${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      origin: server!.base,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.https ? { 'x-forwarded-proto': 'https' } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

const demoSignIn = { email: DEMO_STAFF_EMAIL, password: DEMO_STAFF_PASSWORD };

describe('staff sign-in in the running server', () => {
  it('prints the demo sign-in at start', () => {
    const output = server!.output();
    expect(output).toContain('demo staff account created');
    expect(output).toContain(DEMO_STAFF_EMAIL);
    expect(output).toContain(DEMO_STAFF_PASSWORD);
  });

  it('signs the demo administrator in with an HttpOnly, SameSite=Lax cookie, not Secure on http', async () => {
    const res = await send('staff.auth.signIn', { body: demoSignIn });
    expect(res.status).toBe(200);
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^seoro_staff=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const me = await send('staff.auth.me', { cookie: setCookie!.split(';')[0]! });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      result: { data: { email: DEMO_STAFF_EMAIL, role: 'admin' } },
    });
  });

  it('uses __Host-seoro_staff with Secure when a trusted proxy says https', async () => {
    const res = await send('staff.auth.signIn', { body: demoSignIn, https: true });
    expect(res.status).toBe(200);
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-seoro_staff=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Path=/');
    const me = await send('staff.auth.me', { cookie: setCookie!.split(';')[0]!, https: true });
    expect(me.status).toBe(200);
  });

  it('ends the session on the server at sign-out: the old cookie then gets 401', async () => {
    const signedIn = await send('staff.auth.signIn', { body: demoSignIn });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    expect((await send('staff.auth.me', { cookie })).status).toBe(200);
    const out = await send('staff.auth.signOut', { body: null, cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^seoro_staff=; Max-Age=0/);
    expect((await send('staff.auth.me', { cookie })).status).toBe(401);
    expect((await send('staff.auth.me')).status).toBe(401);
  });
});
