/**
 * The public pages as a crowd loads them, against the built server process: the home and course
 * pages and the catalogue queries are tagged and marked cacheable, repeats cost a 304, a kept page
 * never shows a seat count older than the last registration, and nothing personal is ever kept or
 * handed to another visitor. The static files go out precompressed and cached for good.
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
let courseId: string;
let codes: { a: string; b: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-public-cache-'));
  const url = `file:${join(dir, 'app.db')}`;
  const database = await Database.open({ url });
  await database.migrate();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { perResidentLimit: null });
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '생활 속 목공', titleEn: 'Everyday Woodwork', capacity: 10 },
  );
  courseId = course.id;
  const a = await makeResident(database, { name: '김하나', phoneE164: '+821055501111' });
  const b = await makeResident(database, { name: '박두리', phoneE164: '+821055502222' });
  codes = {
    a: (await makeEnrolment(database, { courseId, residentId: a.id })).code,
    b: (await makeEnrolment(database, { courseId, residentId: b.id })).code,
  };
  await database.close();
  server = await startServer({
    databaseUrl: url,
    env: { SEED_DEMO: 'false', NOTIFY_FILE: join(dir, 'notifications.jsonl') },
  });
}, 30_000);

afterAll(async () => {
  await endServer(server);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server!.base}${path}`, { headers });

/** The seats taken, as the course page's own data says (it is rendered from the same data). */
async function confirmedOnPage(response: Response): Promise<number> {
  const html = await response.text();
  const found = /confirmedCount:(\d+)/.exec(html)?.[1];
  expect(found, 'the page carries the course data').toBeDefined();
  return Number(found);
}

async function register(name: string, phone: string) {
  const response = await fetch(`${server!.base}/trpc/registration.register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server!.base },
    body: JSON.stringify({ courseId, name, phone, consent: true }),
  });
  expect(response.status).toBe(200);
}

describe('the public pages under a crowd', () => {
  it('tag the home and course pages and answer a repeat with 304', async () => {
    for (const path of ['/', '/en', `/courses/${courseId}`, `/en/courses/${courseId}`]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      expect(first.headers.get('cache-control'), path).toMatch(
        /^public, .*s-maxage=1.*stale-while-revalidate=\d+/,
      );
      await first.arrayBuffer();
      const again = await get(path, { 'if-none-match': etag! });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('etag'), path).toBe(etag);
      expect(await again.text(), path).toBe('');
    }
  });

  it('tag the catalogue queries too, and refuse to tag what is not public', async () => {
    const path = `/trpc/catalogue.course?input=${encodeURIComponent(JSON.stringify({ courseId }))}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/^public, /);
    expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
    const current = await get('/trpc/catalogue.currentTerm');
    expect(current.headers.get('cache-control')).toMatch(/^public, /);
    // A registration looked up by its code is personal: never tagged public.
    const mine = await get(
      `/trpc/registration.byCode?input=${encodeURIComponent(JSON.stringify({ code: codes.a }))}`,
    );
    expect(mine.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });

  it('keeps a page for the next visitor until a registration changes its seats', async () => {
    const first = await get(`/courses/${courseId}`);
    const second = await get(`/courses/${courseId}`);
    // Kept: the second visitor got the very page the first did (same tag), without a render.
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await confirmedOnPage(first)).toBe(2);
    await second.arrayBuffer();

    await register('이세나', '010-5550-3333');
    // The next load shows the seat taken: at once, not a second later.
    const after = await get(`/courses/${courseId}`);
    expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await confirmedOnPage(after)).toBe(3);

    const catalogue = (await (await get('/trpc/catalogue.currentTerm')).json()) as {
      result: { data: { courses: Array<{ id: string; confirmedCount: number }> } };
    };
    expect(catalogue.result.data.courses.find((c) => c.id === courseId)?.confirmedCount).toBe(3);
  });

  it('never keeps a personal page, nor hands one to another visitor', async () => {
    const pageA = await get(`/registrations/${codes.a}`);
    expect(pageA.status).toBe(200);
    expect(pageA.headers.get('cache-control')).toBe('private, no-store');
    const htmlA = await pageA.text();
    expect(htmlA).toContain('김*나');

    const pageB = await get(`/registrations/${codes.b}`);
    expect(pageB.headers.get('cache-control')).toBe('private, no-store');
    const htmlB = await pageB.text();
    expect(htmlB).toContain('박*리');
    expect(htmlB).not.toContain('김*나');

    // A resident with a session is never served from, nor put into, the public cache: the home
    // page for them is rendered for them, and is not public.
    const withSession = await get('/', { cookie: 'seoro_resident=not-a-real-session' });
    expect(withSession.status).toBe(200);
    expect(withSession.headers.get('cache-control') ?? '').not.toMatch(/public/);
    const my = await get('/my', { cookie: 'seoro_resident=not-a-real-session' });
    expect(my.headers.get('cache-control')).toBe('private, no-store');
  });

  it('sends static files precompressed and cached for good', async () => {
    const home = await (await get('/')).text();
    const script = /\/_app\/immutable\/entry\/start\.[\w-]+\.js/.exec(home)?.[0];
    expect(script).toBeDefined();
    const plain = await get(script!);
    const brotli = await get(script!, { 'accept-encoding': 'br, gzip' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gzip = await get(script!, { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(
      Number(plain.headers.get('content-length')),
    );
    await Promise.all([plain, brotli, gzip].map((r) => r.arrayBuffer()));

    const kiosk = await (await get('/kiosk/')).text();
    const bundle = /\/kiosk\/assets\/[\w.-]+\.js/.exec(kiosk)?.[0];
    expect(bundle).toBeDefined();
    const kioskBrotli = await get(bundle!, { 'accept-encoding': 'br' });
    expect(kioskBrotli.headers.get('content-encoding')).toBe('br');
    expect(kioskBrotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await kioskBrotli.arrayBuffer();
  });
});
