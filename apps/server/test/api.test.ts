import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { attendance, enrolments } from '@seoro/db';
import { createServiceContext, pairNewKiosk } from '@seoro/services';
import { createApp } from '../src/app';

let env: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  env = await setup();
});
afterEach(async () => {
  await env.cleanup();
});

async function setup() {
  const t = await createTestDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 1 });
  await makeMeeting(
    t.database,
    { courseId: course.id, roomId },
    new Date(Date.now() - 10 * 60_000),
    120,
  );
  const services = createServiceContext(t.database);
  const app = createApp({ database: t.database, services, logger: pino({ level: 'silent' }) });
  const kiosk = await pairNewKiosk(services, {
    name: 'Room 3',
    roomId,
    enabledPlugins: ['checkin'],
  });
  return { ...t, app, course, kioskHeaders: { 'x-seoro-kiosk-token': kiosk.token } };
}

const ORIGIN = 'http://localhost';
function mutate(path: string, body: unknown, headers: Record<string, string> = {}) {
  return env.app.request(`${ORIGIN}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
}
function query(path: string, input?: unknown, headers: Record<string, string> = {}) {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return env.app.request(`${ORIGIN}/trpc/${path}${q}`, { headers });
}
const resident = (phone = '010-5555-1234') => ({
  courseId: env.course.id,
  name: '김영희',
  phone,
  consent: true,
});

describe('HTTP API', () => {
  it('reports health with the database checked', async () => {
    const res = await env.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the catalogue and sets security headers', async () => {
    const res = await query('catalogue.currentTerm');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      result: { data: { courses: Array<{ id: string; seatsLeft: number }> } };
    };
    expect(body.result.data.courses.map((c) => c.id)).toEqual([env.course.id]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('registers, then waitlists, then refuses a duplicate in the caller’s language', async () => {
    const first = await mutate('registration.register', resident());
    expect(first.status).toBe(200);
    const data = ((await first.json()) as { result: { data: { status: string; code: string } } })
      .result.data;
    expect(data.status).toBe('confirmed');

    const second = await mutate('registration.register', resident('010-5555-9999'));
    expect(
      ((await second.json()) as { result: { data: { status: string; waitlistPosition: number } } })
        .result.data,
    ).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });

    const dupKo = await mutate('registration.register', resident());
    expect(dupKo.status).toBe(409);
    const ko = (await dupKo.json()) as {
      error: { message: string; data: Record<string, unknown> };
    };
    expect(ko.error.message).toContain('이미 이 강좌에 신청하셨습니다');
    expect(ko.error.data.domainCode).toBe('already_registered');
    expect(ko.error.data.stack).toBeUndefined();

    const dupEn = await mutate('registration.register', resident(), { 'x-seoro-locale': 'en' });
    const en = (await dupEn.json()) as { error: { message: string } };
    expect(en.error.message).toContain('already registered');
    expect(await env.database.db.select().from(enrolments)).toHaveLength(2);
  });

  it('answers bad input with 400, a field and a readable message, and writes nothing', async () => {
    const res = await mutate('registration.register', { ...resident(), phone: '02-123-4567' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { field: string } } };
    expect(body.error.data.field).toBe('phone');
    expect(body.error.message).toContain('휴대전화');
    const shape = await mutate('registration.register', { courseId: env.course.id });
    expect(shape.status).toBe(400);
    expect(((await shape.json()) as { error: { message: string } }).error.message).toBe(
      '입력한 내용을 확인해 주세요.',
    );
    expect(await env.database.db.select().from(enrolments)).toHaveLength(0);
  });

  it('accepts mutations only as same-origin JSON', async () => {
    const crossSite = await mutate('registration.register', resident(), {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const fetchSite = await mutate('registration.register', resident(), {
      'sec-fetch-site': 'cross-site',
    });
    expect(fetchSite.status).toBe(403);
    const form = await env.app.request(`${ORIGIN}/trpc/registration.register`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: ORIGIN },
      body: JSON.stringify(resident()),
    });
    expect(form.status).toBe(415);
    expect(await env.database.db.select().from(enrolments)).toHaveLength(0);
  });

  it('checks in with a code over HTTP, twice harmlessly', async () => {
    const reg = await mutate('registration.register', resident());
    const { code } = ((await reg.json()) as { result: { data: { code: string } } }).result.data;
    const unpaired = await mutate('checkin.checkIn', { code, method: 'keypad' });
    expect(unpaired.status).toBe(401);
    const first = await mutate('checkin.checkIn', { code, method: 'keypad' }, env.kioskHeaders);
    expect(first.status).toBe(200);
    expect(
      ((await first.json()) as { result: { data: { status: string; maskedName: string } } }).result
        .data,
    ).toMatchObject({
      status: 'checked_in',
      maskedName: '김*희',
    });
    const again = await mutate(
      'checkin.checkIn',
      { code: code.toLowerCase(), method: 'qr' },
      env.kioskHeaders,
    );
    expect(
      ((await again.json()) as { result: { data: { status: string } } }).result.data.status,
    ).toBe('already_checked_in');
    expect(await env.database.db.select().from(attendance)).toHaveLength(1);

    const wrong = await mutate(
      'checkin.checkIn',
      { code: 'ZZZZ-ZZZZ', method: 'keypad' },
      { 'x-seoro-locale': 'en', ...env.kioskHeaders },
    );
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain(
      'could not find',
    );
  });

  it('the per-phone limit counts a phone once however it is typed, never unreadable input', async () => {
    const wide = (s: string) =>
      s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    // Eleven residents typing with a Korean input method are eleven phones, not one empty bucket.
    for (let i = 0; i < 11; i++) {
      const res = await mutate(
        'registration.register',
        resident(wide(`010-7000-${String(i).padStart(4, '0')}`)),
      );
      expect(res.status).toBe(200);
    }
    // What is not a phone number is refused as one, every time, and fills nobody's bucket.
    for (let i = 0; i < 12; i++) {
      const res = await mutate('registration.register', resident('전화번호 없음'));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { data: { domainCode: string } } };
      expect(body.error.data.domainCode).toBe('invalid_phone');
    }
    for (let i = 0; i < 6; i++) {
      const res = await mutate('registration.my.requestCode', { phone: 'not a phone' });
      expect(res.status).toBe(400);
    }
    // One phone written two ways is one bucket: ten tries as 010…, the eleventh as +82… is over.
    for (let i = 0; i < 10; i++) {
      const res = await mutate('registration.register', resident('010-7100-0001'));
      expect(res.status).toBe(i === 0 ? 200 : 409);
    }
    const eleventh = await mutate('registration.register', resident('+82 10-7100-0001'));
    expect(eleventh.status).toBe(429);
  });

  it('X-Forwarded-For is trusted only as far as the configured proxy hops', async () => {
    const services = createServiceContext(env.database);
    const behind = (trustProxy: number) =>
      createApp({
        database: env.database,
        services,
        logger: pino({ level: 'silent' }),
        trustProxy,
      });
    const lookup = (app: ReturnType<typeof createApp>, forwardedFor: string) =>
      app.request(
        `${ORIGIN}/trpc/registration.byCode?input=${encodeURIComponent(JSON.stringify({ code: 'ZZZZ-ZZZZ' }))}`,
        { headers: { 'x-forwarded-for': forwardedFor } },
      );
    // One proxy appends the address it saw; whatever the client wrote before it is not believed.
    const oneHop = behind(1);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push((await lookup(oneHop, `198.51.100.${i}, 203.0.113.7`)).status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    // Another client behind the same proxy has its own count.
    expect((await lookup(oneHop, '198.51.100.1, 203.0.113.8')).status).toBe(404);

    // Two proxies: the address the outer one saw is the second from the right.
    const twoHops = behind(2);
    for (let i = 0; i < 60; i++) await lookup(twoHops, `203.0.113.9, 10.0.0.${i}`);
    expect((await lookup(twoHops, '198.51.100.2, 203.0.113.9, 10.0.0.99')).status).toBe(429);

    // No trusted proxy: the header is ignored, so rotating it changes nothing.
    const direct = behind(0);
    for (let i = 0; i < 60; i++) await lookup(direct, `198.51.100.${i}`);
    expect((await lookup(direct, '192.0.2.200')).status).toBe(429);
  });

  it('public lookups of an unknown course or code answer 404 with a sentence, not null', async () => {
    const lookups: Array<[string, unknown, string, string]> = [
      [
        'registration.lottery',
        { courseId: 'no-such-course' },
        '강좌를 찾을 수 없습니다',
        'course_not_found',
      ],
      [
        'catalogue.course',
        { courseId: 'no-such-course' },
        '강좌를 찾을 수 없습니다',
        'course_not_found',
      ],
      [
        'registration.byCode',
        { code: 'ZZZZ-ZZZZ' },
        '확인 코드를 찾을 수 없습니다',
        'code_not_found',
      ],
    ];
    for (const [path, input, sentence, domainCode] of lookups) {
      const res = await query(path, input);
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as {
        error: { message: string; data: { domainCode: string } };
      };
      expect(body.error.message).toContain(sentence);
      expect(body.error.data.domainCode).toBe(domainCode);
    }
    const en = await query(
      'registration.lottery',
      { courseId: 'no-such-course' },
      {
        'x-seoro-locale': 'en',
      },
    );
    expect(en.status).toBe(404);
    expect(((await en.json()) as { error: { message: string } }).error.message).toContain(
      'could not find that course',
    );
    // A course that exists but has not been drawn still answers null: nothing to show yet.
    const known = await query('registration.lottery', { courseId: env.course.id });
    expect(known.status).toBe(200);
    expect(((await known.json()) as { result: { data: unknown } }).result.data).toBeNull();
  });

  it('malformed JSON gets the localized invalid-input sentence in either language', async () => {
    const cases = [
      () =>
        env.app.request(`${ORIGIN}/trpc/registration.register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body: '{"courseId": ',
        }),
      () => env.app.request(`${ORIGIN}/trpc/catalogue.course?input=%7Bnot%20json`),
      () =>
        env.app.request(`${ORIGIN}/trpc/registration.register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-seoro-locale': 'en' },
          body: '{"courseId": ',
        }),
      () =>
        env.app.request(`${ORIGIN}/trpc/catalogue.course?input=%7Bnot%20json`, {
          headers: { 'x-seoro-locale': 'en' },
        }),
    ];
    const expected = [
      '입력한 내용을 확인해 주세요.',
      '입력한 내용을 확인해 주세요.',
      'Please check what you entered.',
      'Please check what you entered.',
    ];
    for (const [i, send] of cases.entries()) {
      const res = await send();
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { message: string; data: { domainCode: unknown; field: unknown } };
      };
      expect(body.error.message).toBe(expected[i]);
      expect(body.error.data).toMatchObject({ domainCode: null, field: null });
    }
    expect(await env.database.db.select().from(enrolments)).toHaveLength(0);
  });

  it('rate-limits code lookups per address', async () => {
    let last = 200;
    for (let i = 0; i < 65; i++) {
      last = (await query('registration.byCode', { code: 'ZZZZ-ZZZZ' })).status;
    }
    expect(last).toBe(429);
  });
});
