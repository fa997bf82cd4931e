/**
 * The registration rush (ARCHITECTURE §6): hundreds of residents press "register" at the same
 * moment for one 10-seat course, over HTTP against the built server. Exactly 10 are confirmed,
 * everyone else is waitlisted in order, nothing is lost, nothing fails.
 *
 * And proof that the check can fail: the real registration service, run with the writer's queue
 * and lock removed (`serializeWrites: false`), overbooks, and the same database check says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '@seoro/db';
import { createServiceContext, registerForCourse } from '@seoro/services';
import {
  createJsonClient,
  endServer,
  registrationOf,
  resident,
  startServer,
  type ServerProcess,
} from './support/spawn-server';
import { createCourseDatabase, expectExactlyCapacity, readEnrolments } from './support/enrolments';

const CAPACITY = 10;
const RESIDENTS = 300;
const UNSAFE_CALLERS = 50;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-rush-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Polls the captured output until `done` holds (log lines can trail the HTTP responses). */
async function waitForOutput(server: ServerProcess, done: (output: string) => boolean) {
  const until = Date.now() + 10_000;
  while (!done(server.output()) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a registration rush against the built server', () => {
  let server: ServerProcess | undefined;
  let http: ReturnType<typeof createJsonClient> | undefined;
  let url: string;
  let courseId: string;

  beforeAll(async () => {
    const db = await createCourseDatabase(join(dir, 'rush.db'), [CAPACITY]);
    url = db.url;
    courseId = db.courseIds[0]!;
    server = await startServer({
      databaseUrl: url,
      env: { SEED_DEMO: 'false', LOG_LEVEL: 'info' },
    });
    http = createJsonClient(server.base, RESIDENTS);
  }, 60_000);

  afterAll(async () => {
    http?.close();
    await endServer(server);
  }, 60_000);

  it(`${RESIDENTS} residents at once for ${CAPACITY} seats: ${CAPACITY} confirmed, the rest waitlisted in order, all recorded`, async () => {
    const responses = await Promise.all(
      Array.from({ length: RESIDENTS }, (_, i) =>
        http!.post('/trpc/registration.register', {
          courseId,
          ...resident(i, 2),
          consent: true,
        }),
      ),
    );

    // Every resident got an answer, and every answer is a success.
    expect(responses.filter((r) => r.status !== 200)).toEqual([]);
    const answers = responses.map((r) => registrationOf(r.body));
    expect(new Set(answers.map((a) => a.courseId))).toEqual(new Set([courseId]));

    const confirmed = answers.filter((a) => a.status === 'confirmed');
    const waitlisted = answers.filter((a) => a.status === 'waitlisted');
    expect(confirmed).toHaveLength(CAPACITY);
    expect(waitlisted).toHaveLength(RESIDENTS - CAPACITY);
    expect(confirmed.every((a) => a.waitlistPosition === null)).toBe(true);
    expect(waitlisted.map((a) => a.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: RESIDENTS - CAPACITY }, (_, i) => i + 1),
    );

    // The database file, read through a fresh connection, says the same.
    const rows = await expectExactlyCapacity(url, courseId, CAPACITY, RESIDENTS);
    expect(new Set(rows.map((r) => r.code)).size).toBe(RESIDENTS);
    const statusByCode = new Map(rows.map((r) => [r.code, r.status]));
    for (const a of answers) expect(statusByCode.get(a.code), a.code).toBe(a.status);
    // First come, first served: the confirmed are the first 10 in arrival order, and the waitlist
    // positions residents were told follow the arrival order of the rest.
    expect(rows.slice(0, CAPACITY).every((r) => r.status === 'confirmed')).toBe(true);
    const positionByCode = new Map(answers.map((a) => [a.code, a.waitlistPosition]));
    expect(rows.slice(CAPACITY).map((r) => positionByCode.get(r.code))).toEqual(
      Array.from({ length: RESIDENTS - CAPACITY }, (_, i) => i + 1),
    );

    // The single writer never contended with itself, and nothing was logged as an error.
    await waitForOutput(
      server!,
      (out) => out.split('"path":"/trpc/registration.register"').length > RESIDENTS,
    );
    const output = server!.output();
    expect(output.split('"path":"/trpc/registration.register"').length - 1).toBe(RESIDENTS);
    expect(output).not.toContain('SQLITE_BUSY');
    expect(output).not.toMatch(/"level":(50|60)/);
  }, 60_000);
});

describe('the rush check can fail', () => {
  let url: string;
  let unserializedCourse: string;
  let serializedCourse: string;

  beforeAll(async () => {
    const db = await createCourseDatabase(join(dir, 'unsafe.db'), [CAPACITY, CAPACITY]);
    url = db.url;
    [unserializedCourse, serializedCourse] = db.courseIds as [string, string];
  }, 60_000);

  /** The real registration service, `callers` at once, on a database opened with `options`. */
  async function rush(courseId: string, options: { serializeWrites: boolean }, course: number) {
    const database = await Database.open({ url, ...options });
    const services = createServiceContext(database);
    try {
      return await Promise.all(
        Array.from({ length: UNSAFE_CALLERS }, (_, i) =>
          registerForCourse(services, {
            courseId,
            ...resident(i, course),
            consent: true,
            channel: 'web',
            locale: 'ko',
          }),
        ),
      );
    } finally {
      await database.close();
    }
  }

  it(`${UNSAFE_CALLERS} concurrent registrations with the writer's queue and lock removed overbook, and expectExactlyCapacity fails`, async () => {
    const told = await rush(unserializedCourse, { serializeWrites: false }, 3);
    expect(told.filter((r) => r.status === 'confirmed').length).toBeGreaterThan(CAPACITY);

    const rows = await readEnrolments(url, unserializedCourse);
    const confirmed = rows.filter((r) => r.status === 'confirmed').length;
    expect(rows).toHaveLength(UNSAFE_CALLERS);
    expect(confirmed).toBeGreaterThan(CAPACITY);
    await expect(expectExactlyCapacity(url, unserializedCourse, CAPACITY)).rejects.toThrow(
      `confirmed enrolments: expected ${confirmed} to be ${CAPACITY}`,
    );
  }, 60_000);

  it('the same registrations through the writer as it is keep the cap, and expectExactlyCapacity passes', async () => {
    const told = await rush(serializedCourse, { serializeWrites: true }, 4);
    expect(told.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
    await expectExactlyCapacity(url, serializedCourse, CAPACITY, UNSAFE_CALLERS);
  }, 60_000);
});
