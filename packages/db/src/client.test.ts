import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Database, isBusyError } from './client';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from './test';
import { seedDemoData, demoTodaySlot, DEMO_CHECK_IN_CODE } from './seed';
import { courses, enrolments, meetings, notices, terms, attendance } from './schema';
import { findRoomConflicts, kstDateOf } from '@seoro/domain';
import { testDatabase } from './test/vitest';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});
async function fresh() {
  const t = await testDatabase();
  return t;
}

describe('Database', () => {
  it('opens a file in WAL mode with a busy timeout on every pooled connection', async () => {
    const { database } = await fresh();
    const mode = await database.client.execute('PRAGMA journal_mode');
    expect(String(mode.rows[0]?.[0])).toBe('wal');
    // A read while a write transaction holds one connection runs on another pooled connection.
    const observed = await database.write(async () => {
      const r = await database.client.execute('PRAGMA busy_timeout');
      return Number(r.rows[0]?.[0]);
    });
    expect(observed).toBe(5000);
  });

  it('reads through prepared statements that see every commit at once, and never write', async () => {
    const { database, url } = await fresh();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const other = await Database.open({ url });
    cleanups.push(() => other.close());
    const countTerms = async () =>
      Number((await database.db.all<{ n: number }>(sql`select count(*) as n from terms`))[0]?.n);
    const markBefore = database.changeMark();
    expect(await countTerms()).toBe(1);
    // Another connection (the server's writer thread, another process) commits: the next read
    // on this handle's kept statements sees it, and the change mark has moved.
    await makeCourse(other, { termId: term.id, roomId });
    await makeTerm(other);
    expect(await countTerms()).toBe(2);
    expect(database.changeMark()).not.toBe(markBefore);
    const markAfter = database.changeMark();
    expect(database.changeMark()).toBe(markAfter);
    // The read connection is query-only: a write that bypassed the one writer is refused.
    const refused = await Promise.resolve()
      .then(() => database.db.run(sql`delete from terms`))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect((refused as { cause?: { code?: string } })?.cause?.code).toBe('SQLITE_READONLY');
    expect(await countTerms()).toBe(2);
  });

  it('applies migrations idempotently', async () => {
    const { database } = await fresh();
    await database.migrate();
    const rows = await database.db.all<{ n: number }>(
      sql`select count(*) as n from __drizzle_migrations`,
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });

  it('serialises concurrent writes from one process without SQLITE_BUSY', async () => {
    const { database } = await fresh();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId });
    const resident = await makeResident(database);
    // 50 transactions that each hold the lock across an await: without the writer queue they
    // would collide on the same file.
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        database.write(async (tx) => {
          await new Promise((r) => setTimeout(r, 1));
          await tx
            .update(courses)
            .set({ sortOrder: i })
            .where(sql`${courses.id} = ${course.id}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(resident.id).toBeTruthy();
  });

  it('rolls back everything a failed write did', async () => {
    const { database } = await fresh();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    await expect(
      database.write(async (tx) => {
        await tx
          .update(terms)
          .set({ nameKo: '바뀜' })
          .where(sql`${terms.id} = ${term.id}`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [row] = await database.db
      .select()
      .from(terms)
      .where(sql`${terms.id} = ${term.id}`);
    expect(row?.nameKo).toBe(term.nameKo);
    expect(roomId).toBeTruthy();
  });

  it('refuses a second live enrolment for the same resident and course', async () => {
    const { database } = await fresh();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId });
    const resident = await makeResident(database);
    await makeEnrolment(database, { courseId: course.id, residentId: resident.id });
    await expect(
      makeEnrolment(database, { courseId: course.id, residentId: resident.id }),
    ).rejects.toThrow();
    // A cancelled enrolment does not block a new one.
    await database.write((tx) => tx.update(enrolments).set({ status: 'cancelled' }));
    await makeEnrolment(database, { courseId: course.id, residentId: resident.id });
  });

  it('enforces capacity and foreign keys in the schema', async () => {
    const { database } = await fresh();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    await expect(
      makeCourse(database, { termId: term.id, roomId }, { capacity: 0 }),
    ).rejects.toThrow();
    await expect(makeCourse(database, { termId: 'missing', roomId })).rejects.toThrow();
  });

  it('recognises SQLITE_BUSY anywhere in a cause chain', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(isBusyError(new Error('Failed query', { cause: busy }))).toBe(true);
    expect(isBusyError(new Error('other'))).toBe(false);
  });

  it('can be closed after queued writes finish', async () => {
    const { url, database } = await fresh();
    const other = await Database.open({ url });
    await other.close();
    await expect(other.write(async () => 1)).rejects.toThrow(/closed/);
    expect(database.url).toBe(url);
  });
});

describe('demo seed', () => {
  it('creates the published 2026 first session and an open term with a meeting today', async () => {
    const { database } = await fresh();
    const now = new Date('2026-11-28T05:40:00Z'); // 14:40 KST
    const result = await seedDemoData(database, now);
    expect(result.seeded).toBe(true);
    const allTerms = await database.db.select().from(terms);
    const past = allTerms.find((t) => t.slug === '2026-1')!;
    expect(past.startsOn).toBe('2026-01-08');
    expect(past.endsOn).toBe('2026-02-12');
    expect(past.registrationClosesAt.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    const pastCourses = await database.db
      .select()
      .from(courses)
      .where(sql`${courses.termId} = ${past.id}`);
    expect(pastCourses.map((c) => c.titleKo).sort()).toEqual(
      [
        '걸음걸이를 바꾸면 몸이 바뀐다',
        '비폭력대화',
        '시와 음악으로 떠나는 인문학 여행',
        '알아두면 쓸모있는 세금 꿀팁',
        '캘리그라피',
      ].sort(),
    );
    expect(pastCourses.every((c) => c.capacity === 10)).toBe(true);

    const allMeetings = await database.db.select().from(meetings);
    expect(
      findRoomConflicts(
        allMeetings.map((m) => ({
          id: m.id,
          roomId: m.roomId,
          date: m.date,
          start: m.startTime,
          end: m.endTime,
        })),
      ),
    ).toEqual([]);
    expect(allMeetings.filter((m) => m.date === kstDateOf(now))).toHaveLength(1);
    const today = allMeetings.find((m) => m.date === kstDateOf(now))!;
    // Check-in is open now (from 30 minutes before the start) and nobody is late yet.
    expect(today.startsAt.getTime()).toBeLessThanOrEqual(now.getTime() + 30 * 60_000);
    expect(today.startsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(today.endsAt.getTime()).toBeGreaterThan(now.getTime() + 60 * 60_000);
    const pastMeetings = allMeetings.filter((m) => pastCourses.some((c) => c.id === m.courseId));
    expect(pastMeetings.every((m) => m.date >= '2026-01-08' && m.date <= '2026-02-12')).toBe(true);

    const demo = await database.db
      .select()
      .from(enrolments)
      .where(sql`${enrolments.code} = ${DEMO_CHECK_IN_CODE}`);
    expect(demo).toHaveLength(1);
    // One notice on the kiosks from today, for a week.
    const shown = await database.db.select().from(notices);
    expect(shown).toEqual([
      expect.objectContaining({
        showFrom: kstDateOf(now),
        showUntil: '2026-12-04',
        removedAt: null,
      }),
    ]);
    const attended = await database.db.select().from(attendance);
    expect(attended.length).toBeGreaterThan(100);

    expect((await seedDemoData(database, now)).seeded).toBe(false);
  });

  it('keeps today’s meeting valid near midnight', async () => {
    const { database } = await fresh();
    const now = new Date('2026-11-28T14:55:00Z'); // 23:55 KST
    await seedDemoData(database, now);
    const rows = await database.db
      .select()
      .from(meetings)
      .where(sql`${meetings.date} = '2026-11-28'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startTime < rows[0]!.endTime).toBe(true);
  });
});

describe('demoTodaySlot', () => {
  it('opens check-in at once and stays within the day, whatever the minute of creation', () => {
    for (let now = 0; now < 24 * 60 - 1; now++) {
      const { start, end } = demoTodaySlot(now);
      expect(start).toBeLessThan(end);
      expect(end).toBeLessThanOrEqual(23 * 60 + 59);
      expect(now).toBeGreaterThanOrEqual(start - 30); // the window is open
      expect(now).toBeLessThan(end); // and not yet closed
    }
  });
});

describe('group commit', () => {
  it.each([
    ['on libSQL’s thread', false],
    ['on the writing thread (commitInThread)', true],
  ])(
    'commits queued writes together, fails one alone, and answers only after the commit, %s',
    async (_, commitInThread) => {
      const { url } = await fresh();
      const database = await Database.open({ url, commitInThread });
      cleanups.push(() => database.close());
      const { roomId } = await makeRoom(database);
      const term = await makeTerm(database);
      const before = database.stats;
      const observer = await Database.open({ url });
      cleanups.push(() => observer.close());
      const visibleAtAnswer: boolean[] = [];
      const writes = Array.from({ length: 40 }, (_, i) =>
        database
          .write(async (tx) => {
            await tx.insert(courses).values({
              id: `c${i}`,
              termId: term.id,
              roomId,
              titleKo: `강좌${i}`,
              titleEn: `Course ${i}`,
              summaryKo: '-',
              summaryEn: '-',
              descriptionKo: '-',
              descriptionEn: '-',
              capacity: 10,
              createdAt: new Date(),
            });
            if (i === 7) throw new Error('this one fails after writing');
            return i;
          })
          .then(async (value) => {
            // Another connection already sees the row when the writer is answered.
            const seen = await observer.db
              .select()
              .from(courses)
              .where(sql`${courses.id} = ${`c${i}`}`);
            visibleAtAnswer.push(seen.length === 1);
            return value;
          }),
      );
      const results = await Promise.allSettled(writes);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      expect((results[7] as PromiseRejectedResult).reason.message).toBe(
        'this one fails after writing',
      );
      const rows = await database.db.select().from(courses);
      expect(rows.map((r) => r.id).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `c${i}`)
          .filter((id) => id !== 'c7')
          .sort(),
      );
      expect(visibleAtAnswer.every(Boolean)).toBe(true);
      const after = database.stats;
      expect(after.writes - before.writes).toBe(40);
      expect(after.commits - before.commits).toBeLessThanOrEqual(3);
    },
  );
});
