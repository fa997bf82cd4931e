/**
 * What the built server answers to requests no browser form would send: values longer than the
 * API accepts, bodies that are not forms, URLs and headers too long to serve. Each gets a 4xx with
 * a sentence the resident can read, and none of them is logged as an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { endServer, startServer, type ServerProcess } from './support/spawn-server';

let dir: string;
let server: ServerProcess | undefined;
let courseId: string;
let enrolmentCode: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-bad-requests-'));
  const url = `file:${join(dir, 'app.db')}`;
  const database = await Database.open({ url });
  await database.migrate();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database);
  courseId = (await makeCourse(database, { termId: term.id, roomId })).id;
  const resident = await makeResident(database, { phoneE164: '+821055508888' });
  enrolmentCode = (await makeEnrolment(database, { courseId, residentId: resident.id })).code;
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

/** Lines since `from` that report an error: pino error/fatal lines and anything console.error wrote. */
function errorLines(from: number): string[] {
  return server!
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => {
      if (line.trim() === '') return false;
      if (line.startsWith('{')) return /"level":(5|6)\d/.test(line);
      return /\[web\]|Error\b|^\s+at /.test(line);
    });
}

/** A form post as a browser without JavaScript sends it (the page is rendered with the result). */
function postForm(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${server!.base}${path}`, {
    method: 'POST',
    headers: { origin: server!.base, accept: 'text/html', ...headers },
    body,
    redirect: 'manual',
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

async function expectRefused(response: Response, sentence: string) {
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(400);
  expect(html).toContain(sentence);
}

/** Signs a resident in over /trpc with the code the console transport prints; returns the cookie. */
async function signIn(phone: string): Promise<string> {
  const from = server!.output().length;
  const post = (path: string, body: unknown) =>
    fetch(`${server!.base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server!.base },
      body: JSON.stringify(body),
    });
  expect((await post('registration.my.requestCode', { phone })).status).toBe(200);
  let code: string | undefined;
  const until = Date.now() + 15_000;
  while (!code && Date.now() < until) {
    code = /one_time_code[^\n]*?인증번호 (\d{6})/.exec(server!.output().slice(from))?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 200));
  }
  const verified = await post('registration.my.verifyCode', { phone, code });
  expect(verified.status).toBe(200);
  return verified.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Sends raw bytes and reads until the server closes: what Node answers before any handler runs. */
function rawExchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server!.port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
    socket.on('close', () => resolve(data));
    socket.write(request);
  });
}

describe('requests no browser form sends', () => {
  it('form actions answer invalid input with 400 and the field’s sentence, logging no error', async () => {
    const from = server!.output().length;
    const course = `/courses/${courseId}`;
    const valid = { name: '김영희', phone: '010-5550-1234', consent: 'yes' };

    await expectRefused(
      await postForm(`${course}?/register`, form({ ...valid, name: '가'.repeat(300) })),
      '이름을 확인해 주세요. 40자 이내로, 기호 없이 입력해 주세요.',
    );
    await expectRefused(
      await postForm(`/en${course}?/register`, form({ ...valid, name: 'a'.repeat(300) })),
      'Please check your name: up to 40 characters, without symbols.',
    );
    await expectRefused(
      await postForm(`${course}?/register`, form({ ...valid, phone: '0'.repeat(41) })),
      '휴대전화 번호를 확인해 주세요. 예: 010-1234-5678',
    );
    await expectRefused(
      await postForm(`${course}?/register`, 'name=김영희&phone=010', {
        'content-type': 'text/plain',
      }),
      '보내 주신 양식을 읽지 못했습니다.',
    );
    await expectRefused(
      await postForm('/my?/request', '--x\r\nbroken', {
        'content-type': 'multipart/form-data; boundary=x',
      }),
      '보내 주신 양식을 읽지 못했습니다.',
    );
    await expectRefused(
      await postForm('/my?/request', form({ phone: '1'.repeat(41) })),
      '휴대전화 번호를 확인해 주세요. 예: 010-1234-5678',
    );
    await expectRefused(
      await postForm('/my?/verify', form({ phone: '010-5550-8888', code: '1'.repeat(21) })),
      '인증번호는 문자로 받은 숫자 6자리입니다.',
    );
    await expectRefused(
      await postForm(
        `/registrations/${enrolmentCode}?/cancel`,
        form({ phone: '010-5550-8888'.padEnd(41, '0') }),
      ),
      '휴대전화 번호를 확인해 주세요. 예: 010-1234-5678',
    );
    const cookie = await signIn('010-5550-8888');
    await expectRefused(
      await postForm('/my?/cancel', form({ enrolmentId: 'x'.repeat(65) }), { cookie }),
      '신청 내역을 찾을 수 없습니다.',
    );

    await new Promise((r) => setTimeout(r, 200));
    expect(errorLines(from)).toEqual([]);
  });

  it('a form action posted as JSON is refused with a sentence, and not logged as an error', async () => {
    const from = server!.output().length;
    const response = await postForm(`/courses/${courseId}?/register`, '{"name":"김영희"}', {
      'content-type': 'application/json',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).toContain('보내 주신 양식을 읽지 못했습니다.');
    await new Promise((r) => setTimeout(r, 200));
    expect(errorLines(from)).toEqual([]);
  });

  it('a URL over 8 KiB gets 414 with a sentence, as tRPC JSON under /trpc', async () => {
    const input = encodeURIComponent(JSON.stringify({ courseId: 'x'.repeat(9000) }));
    const api = await fetch(`${server!.base}/trpc/catalogue.course?input=${input}`);
    expect(api.status).toBe(414);
    const body = (await api.json()) as {
      error: { message: string; data: { httpStatus: number; domainCode: null } };
    };
    expect(body.error.message).toContain('주소가 너무 깁니다');
    expect(body.error.data).toMatchObject({ httpStatus: 414, domainCode: null });
    const en = await fetch(`${server!.base}/trpc/catalogue.course?input=${input}`, {
      headers: { 'x-seoro-locale': 'en' },
    });
    expect(((await en.json()) as { error: { message: string } }).error.message).toContain(
      'address is too long',
    );

    const page = await fetch(`${server!.base}/courses?q=${'x'.repeat(9000)}`);
    expect(page.status).toBe(414);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('주소가 너무 깁니다');
    expect(html).toContain('address is too long');
  });

  it('headers over Node’s limit get 431 with a bilingual body instead of an empty one', async () => {
    const from = server!.output().length;
    for (const request of [
      `GET /trpc/catalogue.course?input=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: c=${'x'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const answer = await rawExchange(request);
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/content-type: text\/plain; charset=utf-8/i);
      expect(body).toContain('요청이 너무 큽니다');
      expect(body).toContain('request is too large');
    }
    // The server still serves everyone else.
    expect((await fetch(`${server!.base}/healthz`)).status).toBe(200);
    expect(errorLines(from)).toEqual([]);
  });
});
