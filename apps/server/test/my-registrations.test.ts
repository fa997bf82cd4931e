/**
 * "My registrations" over HTTP: the server turns the resident cookie into `ctx.resident` for
 * `/trpc`, sets and clears it on sign-in and sign-out, and only ever lets a resident touch their
 * own registrations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { eq, sql } from 'drizzle-orm';
import { auditLog, enrolments, outbox, residentSessions } from '@seoro/db';
import {
  createTestDatabase,
  makeCourse,
  makeEnrolment,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { createServiceContext } from '@seoro/services';
import { createApp } from '../src/app';

const PHONE = '010-5550-1234';
let env: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => {
  await env.cleanup();
});

async function setup(options: { trustProxy?: number } = {}) {
  const t = await createTestDatabase();
  const clock = { at: Date.now(), now: () => new Date(clock.at) };
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(
    t.database,
    { termId: term.id, roomId },
    { capacity: 1, titleKo: '캘리그라피', titleEn: 'Calligraphy' },
  );
  const me = await makeResident(t.database, { name: '홍길동', phoneE164: '+821055501234' });
  const other = await makeResident(t.database, { name: '김영희' });
  const mine = await makeEnrolment(t.database, { courseId: course.id, residentId: me.id });
  const theirs = await makeEnrolment(
    t.database,
    { courseId: course.id, residentId: other.id },
    { status: 'waitlisted' },
  );
  const services = createServiceContext(t.database, { clock });
  const app = createApp({
    database: t.database,
    services,
    logger: pino({ level: 'silent' }),
    trustProxy: options.trustProxy ?? 0,
  });
  return { ...t, app, clock, me, other, mine, theirs };
}

type Body = {
  result?: { data: unknown };
  error?: { message: string; data: { domainCode: string | null; field: string | null } };
};

function call(
  method: 'GET' | 'POST',
  path: string,
  input: unknown,
  options: { cookie?: string; origin?: string; headers?: Record<string, string> } = {},
) {
  const origin = options.origin ?? 'http://localhost';
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (method === 'GET') {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return env.app.request(`${origin}/trpc/${path}${q}`, { headers });
  }
  return env.app.request(`${origin}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', origin },
    body: JSON.stringify(input ?? null),
  });
}

async function json(res: Response): Promise<Body> {
  return (await res.json()) as Body;
}

async function textedCode(): Promise<string> {
  const rows = await env.database.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'one_time_code'))
    .orderBy(sql`rowid`);
  return (rows.at(-1)!.payload as { otp: string }).otp;
}

/** Signs in over HTTP and returns the Cookie header the browser would send back. */
async function signIn(origin?: string): Promise<{ cookie: string; setCookie: string }> {
  await call('POST', 'registration.my.requestCode', { phone: PHONE }, { origin });
  const res = await call(
    'POST',
    'registration.my.verifyCode',
    { phone: PHONE, code: await textedCode() },
    { origin },
  );
  expect(res.status).toBe(200);
  const [setCookie] = res.headers.getSetCookie();
  expect(setCookie).toBeDefined();
  return { cookie: setCookie!.split(';')[0]!, setCookie: setCookie! };
}

describe('resident sign-in over HTTP', () => {
  it('answers a known and an unknown number alike, and texts only the known one', async () => {
    const known = await call('POST', 'registration.my.requestCode', { phone: PHONE });
    const unknown = await call('POST', 'registration.my.requestCode', { phone: '010-9999-0000' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await json(unknown)).toEqual(await json(known));
    expect(known.headers.getSetCookie()).toEqual([]);
    const texts = await env.database.db.select().from(outbox);
    expect(texts.map((t) => t.recipient)).toEqual(['+821055501234']);
  });

  it('puts a bad number’s message next to the phone field', async () => {
    const res = await call(
      'POST',
      'registration.my.requestCode',
      { phone: '02-123-4567' },
      { headers: { 'x-seoro-locale': 'en' } },
    );
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error).toMatchObject({
      message: 'Please enter a mobile number (starting with 010) so we can text you.',
      data: { domainCode: 'not_mobile_phone', field: 'phone' },
    });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on the right code only', async () => {
    await call('POST', 'registration.my.requestCode', { phone: PHONE });
    const otp = await textedCode();
    const wrong = await call('POST', 'registration.my.verifyCode', {
      phone: PHONE,
      code: otp === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect((await json(wrong)).error).toMatchObject({
      message: expect.stringContaining('인증번호가 맞지 않습니다'),
      data: { domainCode: 'otp_invalid', field: 'code' },
    });

    const right = await call('POST', 'registration.my.verifyCode', { phone: PHONE, code: otp });
    expect(right.status).toBe(200);
    const [cookie] = right.headers.getSetCookie();
    expect(cookie).toMatch(/^seoro_resident=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).not.toContain('Secure');
    // The token itself is in the cookie only, never in the body or the database.
    const token = cookie!.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(await json(right))).not.toContain(token);
    expect(JSON.stringify(await env.database.db.select().from(residentSessions))).not.toContain(
      token,
    );
  });

  it('over HTTPS uses a Secure __Host- cookie and reads only that one', async () => {
    const https = 'https://localhost';
    const { cookie, setCookie } = await signIn(https);
    expect(cookie).toMatch(/^__Host-seoro_resident=/);
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Domain');
    const list = await call('GET', 'registration.my.registrations', undefined, {
      cookie,
      origin: https,
    });
    expect(list.status).toBe(200);
    // The unprefixed name is not accepted over HTTPS.
    const plain = cookie.replace('__Host-', '');
    const refused = await call('GET', 'registration.my.registrations', undefined, {
      cookie: plain,
      origin: https,
    });
    expect(refused.status).toBe(401);
  });

  it('rate-limits code requests per phone number', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await call('POST', 'registration.my.requestCode', { phone: PHONE })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Written another way, it is still the same number.
    const again = await call('POST', 'registration.my.requestCode', { phone: '+82 10-5550-1234' });
    expect(again.status).toBe(429);
    expect(await env.database.db.select().from(outbox)).toHaveLength(5);
  });
});

describe('my registrations over HTTP', () => {
  it('lists the signed-in resident’s registrations and refuses everyone else', async () => {
    const anonymous = await call('GET', 'registration.my.registrations', undefined);
    expect(anonymous.status).toBe(401);

    const { cookie } = await signIn();
    const res = await call('GET', 'registration.my.registrations', undefined, { cookie });
    expect(res.status).toBe(200);
    const data = (await json(res)).result!.data as {
      maskedName: string;
      maskedPhone: string;
      terms: Array<{ registrations: Array<{ enrolmentId: string; code: string; state: string }> }>;
    };
    expect(data.maskedName).toBe('홍*동');
    expect(data.maskedPhone).toBe('010-****-1234');
    expect(data.terms[0]!.registrations).toMatchObject([
      { enrolmentId: env.mine.id, code: env.mine.code, state: 'confirmed' },
    ]);

    const session = await call('GET', 'registration.my.session', undefined, { cookie });
    expect((await json(session)).result!.data).toEqual({ signedIn: true, expired: false });

    const forged = await call('GET', 'registration.my.registrations', undefined, {
      cookie: `seoro_resident=${'A'.repeat(43)}`,
    });
    expect(forged.status).toBe(401);
    // The browser is told to drop a cookie that is no good.
    expect(forged.headers.getSetCookie()[0]).toMatch(/^seoro_resident=; Max-Age=0/);
  });

  it('cancels the resident’s own registration, promoting the next person, and nobody else’s', async () => {
    const { cookie } = await signIn();
    const foreign = await call(
      'POST',
      'registration.my.cancel',
      { enrolmentId: env.theirs.id },
      { cookie },
    );
    expect(foreign.status).toBe(404);
    expect((await json(foreign)).error!.data.domainCode).toBe('enrolment_not_found');
    const statuses = async () =>
      Object.fromEntries(
        (await env.database.db.select().from(enrolments)).map((e) => [e.id, e.status]),
      );
    expect(await statuses()).toEqual({ [env.mine.id]: 'confirmed', [env.theirs.id]: 'waitlisted' });

    const anonymous = await call('POST', 'registration.my.cancel', { enrolmentId: env.mine.id });
    expect(anonymous.status).toBe(401);

    const own = await call(
      'POST',
      'registration.my.cancel',
      { enrolmentId: env.mine.id },
      { cookie },
    );
    expect(own.status).toBe(200);
    expect((await json(own)).result!.data).toEqual({
      previousStatus: 'confirmed',
      promotedCount: 1,
    });
    expect(await statuses()).toEqual({ [env.mine.id]: 'cancelled', [env.theirs.id]: 'confirmed' });
    const actions = (await env.database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(['resident.sign_in_code_sent', 'resident.sign_in', 'enrolment.cancel']);
  });

  it('says the session ended after 30 idle minutes and clears the cookie', async () => {
    const { cookie } = await signIn();
    env.clock.at += 29 * 60_000;
    expect((await call('GET', 'registration.my.registrations', undefined, { cookie })).status).toBe(
      200,
    );
    env.clock.at += 30 * 60_000;
    const ended = await call('GET', 'registration.my.registrations', undefined, { cookie });
    expect(ended.status).toBe(401);
    expect((await json(ended)).error).toMatchObject({
      message: expect.stringContaining('로그아웃되었습니다'),
      data: { domainCode: 'session_expired' },
    });
    expect(ended.headers.getSetCookie()[0]).toMatch(/^seoro_resident=; Max-Age=0/);
    expect(await env.database.db.select().from(residentSessions)).toEqual([]);
  });

  it('signs out: the session row is gone and the cookie with it', async () => {
    const { cookie } = await signIn();
    const out = await call('POST', 'registration.my.signOut', null, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^seoro_resident=; Max-Age=0/);
    expect(await env.database.db.select().from(residentSessions)).toEqual([]);
    const after = await call('GET', 'registration.my.registrations', undefined, { cookie });
    expect(after.status).toBe(401);
    const [last] = (await env.database.db.select().from(auditLog)).slice(-1);
    expect(last).toMatchObject({ action: 'resident.sign_out', residentId: env.me.id });
  });
});
