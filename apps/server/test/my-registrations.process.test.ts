/**
 * "My registrations" against the built server process, as in development: with no transport
 * configured the sign-in code is printed to the server log, the code signs the resident in over
 * `/trpc`, and SvelteKit's in-process calls see the same session cookie when rendering `/my`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { endServer, startServer, type ServerProcess } from './support/spawn-server';

let dir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-my-'));
  const url = `file:${join(dir, 'app.db')}`;
  const database = await Database.open({ url });
  await database.migrate();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database);
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '시와 음악으로 떠나는 인문학 여행', titleEn: 'Poetry and Music' },
  );
  const resident = await makeResident(database, { name: '홍길동', phoneE164: '+821055507777' });
  await makeEnrolment(database, { courseId: course.id, residentId: resident.id });
  await database.close();
  server = await startServer({
    databaseUrl: url,
    env: { SEED_DEMO: 'false', LOG_LEVEL: 'info', NOTIFY_FILE: '', NOTIFY_SMS_WEBHOOK_URL: '' },
  });
}, 30_000);

afterAll(async () => {
  await endServer(server);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${server!.base}/trpc/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server!.base,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });

describe('my registrations in the running server', () => {
  it('logs the texted code in development, signs in with it and renders /my', async () => {
    const requested = await post('registration.my.requestCode', { phone: '010-5550-7777' });
    expect(requested.status).toBe(200);

    // The outbox sender delivers within a few seconds through the console transport.
    let code: string | undefined;
    const until = Date.now() + 15_000;
    while (!code && Date.now() < until) {
      code = /one_time_code[^\n]*?인증번호 (\d{6})/.exec(server!.output())?.[1];
      if (!code) await new Promise((r) => setTimeout(r, 200));
    }
    expect(code, server!.output()).toMatch(/^\d{6}$/);

    const verified = await post('registration.my.verifyCode', {
      phone: '010-5550-7777',
      code,
    });
    expect(verified.status).toBe(200);
    const cookie = verified.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(cookie).toMatch(/^seoro_resident=/);

    const page = await fetch(`${server!.base}/my`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    const html = await page.text();
    expect(html).toContain('시와 음악으로 떠나는 인문학 여행');
    expect(html).toContain('수강 확정');
    expect(html).toContain('홍*동');
    expect(html).not.toContain('홍길동');

    const anonymous = await (await fetch(`${server!.base}/my`)).text();
    expect(anonymous).toContain('인증번호 받기');
    expect(anonymous).not.toContain('시와 음악으로 떠나는 인문학 여행');
  });
});
