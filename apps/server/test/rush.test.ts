/**
 * The registration rush (ARCHITECTURE §6): hundreds of residents press "register" at the same
 * moment for one 10-seat course, over HTTP against the built server. Exactly 10 are confirmed,
 * everyone else is waitlisted in order, nothing is lost, nothing fails.
 *
 * And proof that the check can fail: the same database check run after a registration that reads
 * the seat count and inserts without one transaction and the write lock finds the course overbooked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from '@libsql/client';
import { Database, createWriteLock } from '@seoro/db';
import { makeResident } from '@seoro/db/test';
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

/**
 * Registration done wrong: read the number of confirmed seats, let other requests run (`pause`),
 * then insert as confirmed if the count was below capacity. No transaction spans the read and the
 * write, and nothing stops a second caller from reading the same count in between.
 */
async function unsafeRegister(
  client: Client,
  input: { courseId: string; residentId: string; code: string },
  pause: () => Promise<void>,
): Promise<'confirmed' | 'waitlisted'> {
  const counted = await client.execute({
    sql: "select count(*) as n from enrolments where course_id = ? and status = 'confirmed'",
    args: [input.courseId],
  });
  const confirmed = Number(counted.rows[0]?.n ?? 0);
  await pause();
  const status = confirmed < CAPACITY ? 'confirmed' : 'waitlisted';
  const now = Date.now();
  await client.execute({
    sql: `insert into enrolments
            (id, course_id, resident_id, status, channel, code, queue_no, created_at, updated_at)
          values (?, ?, ?, ?, 'web', ?,
            (select coalesce(max(queue_no), 0) + 1 from enrolments where course_id = ?), ?, ?)`,
    args: [
      randomUUID(),
      input.courseId,
      input.residentId,
      status,
      input.code,
      input.courseId,
      now,
      now,
    ],
  });
  return status;
}

/** Resolves every caller's promise once `parties` callers have arrived. */
function barrier(parties: number) {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return open;
  };
}

describe('the rush check can fail', () => {
  let url: string;
  let unsafeCourse: string;
  let lockedCourse: string;
  let residentIds: string[];

  beforeAll(async () => {
    const db = await createCourseDatabase(join(dir, 'unsafe.db'), [CAPACITY, CAPACITY]);
    url = db.url;
    [unsafeCourse, lockedCourse] = db.courseIds as [string, string];
    const database = await Database.open({ url });
    try {
      residentIds = [];
      for (let i = 0; i < UNSAFE_CALLERS; i++) residentIds.push((await makeResident(database)).id);
    } finally {
      await database.close();
    }
  }, 60_000);

  const code = (course: number, i: number) =>
    `${course}${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`;

  it(`${UNSAFE_CALLERS} concurrent calls without a transaction and lock overbook, and expectExactlyCapacity fails`, async () => {
    const client = createClient({ url, timeout: 5000 });
    try {
      // Every caller reads the count before any caller inserts: the interleaving a real rush
      // produces once a request awaits between its read and its write.
      const everyoneHasRead = barrier(UNSAFE_CALLERS);
      const told = await Promise.all(
        residentIds.map((residentId, i) =>
          unsafeRegister(
            client,
            { courseId: unsafeCourse, residentId, code: code(1, i) },
            everyoneHasRead,
          ),
        ),
      );
      expect(told.filter((s) => s === 'confirmed').length).toBeGreaterThan(CAPACITY);
    } finally {
      client.close();
    }

    const rows = await readEnrolments(url, unsafeCourse);
    const confirmed = rows.filter((r) => r.status === 'confirmed').length;
    expect(rows).toHaveLength(UNSAFE_CALLERS);
    expect(confirmed).toBeGreaterThan(CAPACITY);
    await expect(expectExactlyCapacity(url, unsafeCourse, CAPACITY)).rejects.toThrow(
      `confirmed enrolments: expected ${confirmed} to be ${CAPACITY}`,
    );
  }, 60_000);

  it('the same steps serialised by a write lock keep the cap, and expectExactlyCapacity passes', async () => {
    const client = createClient({ url, timeout: 5000 });
    const withWriteLock = createWriteLock();
    try {
      const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
      await Promise.all(
        residentIds.map((residentId, i) =>
          withWriteLock(() =>
            unsafeRegister(
              client,
              { courseId: lockedCourse, residentId, code: code(2, i) },
              yieldTurn,
            ),
          ),
        ),
      );
    } finally {
      client.close();
    }
    await expectExactlyCapacity(url, lockedCourse, CAPACITY, UNSAFE_CALLERS);
  }, 60_000);
});
