/**
 * Power cut in the middle of a rush: the built server is killed with SIGKILL while hundreds of
 * registrations are in flight, then started again on the same file. Everything a resident was told
 * is still true, the file is sound, the capacity still holds, and the server carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import {
  createJsonClient,
  endServer,
  registrationOf,
  resident,
  startServer,
  type JsonResponse,
  type Registration,
  type ServerProcess,
} from './support/spawn-server';
import {
  createCourseDatabase,
  integrityCheck,
  readEnrolments,
  type EnrolmentRow,
} from './support/enrolments';

const CAPACITY = 10;
const ATTEMPTS = 200;
/** The server is killed as soon as this many registrations have been acknowledged. */
const KILL_AFTER = 40;
const SERVER_ENV = { SEED_DEMO: 'false', LOG_LEVEL: 'info' };

let dir: string;
let url: string;
/**
 * Course A takes seven of every eight attempts and is full long before the kill; course B takes the
 * eighth and is usually still below capacity when the server dies (the checks hold either way).
 */
let courseA: string;
let courseB: string;
let first: ServerProcess | undefined;
let second: ServerProcess | undefined;
let http: ReturnType<typeof createJsonClient> | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-crash-'));
  const db = await createCourseDatabase(join(dir, 'crash.db'), [CAPACITY, CAPACITY]);
  url = db.url;
  [courseA, courseB] = db.courseIds as [string, string];
  first = await startServer({ databaseUrl: url, env: SERVER_ENV });
}, 60_000);

afterAll(async () => {
  http?.close();
  await endServer(first);
  await endServer(second);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the server killed with SIGKILL during a rush', () => {
  it('keeps every acknowledged registration and the capacity, and starts again on the same file', async () => {
    const server = first!;
    http = createJsonClient(server.base, ATTEMPTS);
    const acknowledged: Registration[] = [];
    const refused: JsonResponse[] = [];
    const lost: unknown[] = [];
    let killed = false;

    await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        http!
          .post('/trpc/registration.register', {
            courseId: i % 8 === 7 ? courseB : courseA,
            ...resident(i, 3),
            consent: true,
          })
          .then(
            (res) => {
              if (res.status !== 200) return void refused.push(res);
              acknowledged.push(registrationOf(res.body));
              if (acknowledged.length >= KILL_AFTER && !killed) {
                killed = true;
                process.kill(server.pid, 'SIGKILL');
              }
            },
            (error: unknown) => void lost.push(error),
          ),
      ),
    );
    http.close();
    http = undefined;

    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // The kill landed mid-rush: some residents never got an answer.
    expect(lost.length).toBeGreaterThan(0);
    expect(acknowledged.length + lost.length).toBe(ATTEMPTS);
    expect(server.output()).not.toContain('SQLITE_BUSY');

    second = await startServer({ databaseUrl: url, env: SERVER_ENV });

    expect(await integrityCheck(url)).toEqual(['ok']);

    const byCourse = new Map<string, EnrolmentRow[]>();
    for (const courseId of [courseA, courseB]) {
      const rows = await readEnrolments(url, courseId);
      byCourse.set(courseId, rows);
      const confirmed = rows.filter((r) => r.status === 'confirmed').length;
      expect(confirmed, `confirmed in ${courseId}`).toBeLessThanOrEqual(CAPACITY);
      expect(confirmed, `confirmed in ${courseId}`).toBe(Math.min(CAPACITY, rows.length));
      expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(rows.length - confirmed);
      // First come, first served survived the crash too.
      expect(rows.slice(0, confirmed).every((r) => r.status === 'confirmed')).toBe(true);
    }

    // Every answer a resident received is in the file, as it was told.
    const all = [...byCourse.values()].flat();
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
    const stored = new Map(all.map((r) => [r.code, r]));
    for (const a of acknowledged) {
      expect(stored.get(a.code)?.status, a.code).toBe(a.status);
      expect(
        byCourse.get(a.courseId)?.some((r) => r.code === a.code),
        a.code,
      ).toBe(true);
    }

    // No half-written registration: each enrolment has its resident and its audit entry, and the
    // audit log names no enrolment that is missing.
    const client = createClient({ url, timeout: 5000 });
    try {
      const orphans = await client.execute(
        'select count(*) as n from enrolments e left join residents r on r.id = e.resident_id where r.id is null',
      );
      expect(Number(orphans.rows[0]?.n)).toBe(0);
      const audited = await client.execute(
        "select subject_id from audit_log where action = 'enrolment.create' and subject_type = 'enrolment'",
      );
      expect(audited.rows.map((r) => String(r.subject_id)).sort()).toEqual(
        all.map((r) => r.id).sort(),
      );
    } finally {
      client.close();
    }

    // The restarted server takes the next residents, counting the seats the crash left behind.
    http = createJsonClient(second.base, 2);
    for (const [k, courseId] of [courseA, courseB].entries()) {
      const before = byCourse.get(courseId)!;
      const next = await http.post('/trpc/registration.register', {
        courseId,
        ...resident(ATTEMPTS + k, 3),
        consent: true,
      });
      expect(next.status).toBe(200);
      const answer = registrationOf(next.body);
      const seatsTaken = before.filter((r) => r.status === 'confirmed').length;
      expect(answer.status).toBe(seatsTaken < CAPACITY ? 'confirmed' : 'waitlisted');
      const after = await readEnrolments(url, courseId);
      expect(after).toHaveLength(before.length + 1);
      expect(after.find((r) => r.code === answer.code)?.status).toBe(answer.status);
    }
    http.close();
    http = undefined;

    // And stops cleanly.
    process.kill(second.pid, 'SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain('"msg":"stopped"');
    expect(second.output()).not.toContain('SQLITE_BUSY');
  }, 60_000);
});
