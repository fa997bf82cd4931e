import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { auditLog, enrolments, outbox, residents } from '@seoro/db';
import { makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { registerForCourse, type RegisterInput } from './register-for-course';
import { getRegistrationByCode } from './get-registration-by-code';
import { testDatabase } from '@seoro/db/test/vitest';

const NOW = new Date('2026-01-10T03:00:00Z');
const fixed = (d: Date): Clock => ({ now: () => d });

async function setup(capacity = 10, clock: Clock = fixed(NOW)) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
    registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
  });
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity });
  const ctx = createServiceContext(t.database, { clock });
  return { ...t, ctx, course, term };
}

const person = (i: number, courseId: string): RegisterInput => ({
  courseId,
  name: `주민${String.fromCharCode(0xac00 + i)}`,
  phone: `010-2${String(i).padStart(3, '0')}-${String(1000 + i).slice(-4)}`,
  consent: true,
  channel: 'web',
  locale: 'ko',
});

async function domainCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('registerForCourse', () => {
  it('confirms while seats are left and waitlists after, with positions', async () => {
    const { ctx, course } = await setup(2);
    const a = await registerForCourse(ctx, person(1, course.id));
    const b = await registerForCourse(ctx, person(2, course.id));
    const c = await registerForCourse(ctx, person(3, course.id));
    const d = await registerForCourse(ctx, person(4, course.id));
    expect([a.status, b.status, c.status, d.status]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect([c.waitlistPosition, d.waitlistPosition]).toEqual([1, 2]);
    expect(a.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const view = await getRegistrationByCode(ctx, d.code.toLowerCase().replace('-', ' '));
    expect(view.status).toBe('waitlisted');
    expect(view.waitlistPosition).toBe(2);
    expect(view.maskedName).toBe(`주*${String.fromCharCode(0xac00 + 4)}`);
    expect(view.maskedPhone).toMatch(/^010-\*{4}-\d{4}$/);
    expect(view.course.seatsLeft).toBe(0);
    expect(view.course.waitlistCount).toBe(2);
  });

  it('writes the enrolment, its notification and an audit entry together', async () => {
    const { ctx, course, database } = await setup();
    const r = await registerForCourse(ctx, person(1, course.id));
    const [queued] = await database.db.select().from(outbox);
    expect(queued?.template).toBe('enrolment_confirmed');
    expect(queued?.recipient).toBe('+821020011001');
    expect(queued?.payload).toMatchObject({ code: r.code });
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, r.enrolmentId));
    expect(audits).toHaveLength(1);
  });

  it("puts the first class still to come in the text's payload", async () => {
    const { ctx, course, database } = await setup(1);
    const { roomId } = course;
    // One class already over, then the next two: the text names the first of those.
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-03T01:00:00Z'));
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-24T01:00:00Z'));
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-17T01:00:00Z'));
    await registerForCourse(ctx, person(1, course.id));
    await registerForCourse(ctx, person(2, course.id));
    const queued = await database.db.select().from(outbox);
    expect(queued.map((q) => q.template)).toEqual(['enrolment_confirmed', 'waitlist_joined']);
    for (const row of queued) {
      expect(row.payload).toMatchObject({
        firstMeeting: { date: '2026-01-17', startTime: '10:00', endTime: '12:00' },
      });
      expect(row.payload).toHaveProperty('firstMeeting.roomKo');
      expect(row.payload).toHaveProperty('firstMeeting.venueKo');
    }
  });

  it('says "already registered" for the same phone twice and changes nothing', async () => {
    const { ctx, course, database } = await setup();
    await registerForCourse(ctx, person(1, course.id));
    const again = { ...person(1, course.id), phone: '+82 10-2001-1001', name: '다른이름' };
    expect(await domainCode(registerForCourse(ctx, again))).toBe('already_registered');
    const rows = await database.db.select().from(enrolments);
    expect(rows).toHaveLength(1);
    const [resident] = await database.db.select().from(residents);
    expect(resident?.name).toBe(`주민${String.fromCharCode(0xac01)}`);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const { ctx, course, database } = await setup();
    const base = person(1, course.id);
    expect(await domainCode(registerForCourse(ctx, { ...base, name: '  ' }))).toBe('invalid_name');
    expect(await domainCode(registerForCourse(ctx, { ...base, phone: '02-123-4567' }))).toBe(
      'not_mobile_phone',
    );
    expect(await domainCode(registerForCourse(ctx, { ...base, phone: 'abc' }))).toBe(
      'invalid_phone',
    );
    expect(await domainCode(registerForCourse(ctx, { ...base, consent: false }))).toBe(
      'consent_required',
    );
    expect(await domainCode(registerForCourse(ctx, { ...base, courseId: 'nope' }))).toBe(
      'course_not_found',
    );
    expect(await database.db.select().from(residents)).toHaveLength(0);
    expect(await database.db.select().from(enrolments)).toHaveLength(0);
  });

  it('decides the window by the server clock, in KST', async () => {
    const before = await setup(10, fixed(new Date('2025-12-22T00:59:59Z')));
    expect(await domainCode(registerForCourse(before.ctx, person(1, before.course.id)))).toBe(
      'registration_not_open',
    );
    const lastSecond = await setup(10, fixed(new Date('2026-01-15T08:59:59Z'))); // 17:59:59 KST
    expect((await registerForCourse(lastSecond.ctx, person(1, lastSecond.course.id))).status).toBe(
      'confirmed',
    );
    const closed = await setup(10, fixed(new Date('2026-01-15T09:00:00Z'))); // 18:00 KST
    expect(await domainCode(registerForCourse(closed.ctx, person(1, closed.course.id)))).toBe(
      'registration_closed',
    );
    expect(await closed.database.db.select().from(enrolments)).toHaveLength(0);
  });

  it('never confirms more than capacity under concurrent requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 14 }),
        async (capacity, n) => {
          const { ctx, course, database } = await setup(capacity);
          const results = await Promise.all(
            Array.from({ length: n }, (_, i) => registerForCourse(ctx, person(i + 1, course.id))),
          );
          const rows = await database.db
            .select({ status: enrolments.status, n: sql<number>`count(*)` })
            .from(enrolments)
            .groupBy(enrolments.status);
          const confirmed = Number(rows.find((r) => r.status === 'confirmed')?.n ?? 0);
          const waitlisted = Number(rows.find((r) => r.status === 'waitlisted')?.n ?? 0);
          expect(confirmed).toBe(Math.min(n, capacity));
          expect(waitlisted).toBe(Math.max(0, n - capacity));
          const positions = results
            .filter((r) => r.status === 'waitlisted')
            .map((r) => r.waitlistPosition);
          expect(positions.sort((a, b) => a! - b!)).toEqual(
            Array.from({ length: Math.max(0, n - capacity) }, (_, i) => i + 1),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);

  it('draws another confirmation code when the first is taken, and gives up after eight', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const term = await makeTerm(t.database, {
      registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
      registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
    });
    const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 10 });
    // Randomness that repeats: every code drawn is the same until the draws run out.
    const same = new Uint8Array([1, 2, 3, 4, 5]);
    let draws: Uint8Array[] = [];
    const ctx = createServiceContext(t.database, {
      clock: fixed(NOW),
      random: (n) => (draws.shift() ?? same).slice(0, n),
    });

    const first = await registerForCourse(ctx, person(1, course.id));
    draws = [same, same, new Uint8Array([9, 9, 9, 9, 9])];
    const second = await registerForCourse(ctx, person(2, course.id));
    expect(second.code).not.toBe(first.code);
    expect(second.status).toBe('confirmed');

    // Nothing but taken codes: a plain failure, and nothing of the registration is written.
    draws = [];
    await expect(registerForCourse(ctx, person(3, course.id))).rejects.toThrow(
      'Could not find an unused confirmation code',
    );
    const rows = await t.database.db.select({ code: enrolments.code }).from(enrolments);
    expect(rows.map((r) => r.code).sort()).toEqual([first.code, second.code].sort());
    const people = await t.database.db.select({ id: residents.id }).from(residents);
    expect(people).toHaveLength(2);
  });
});
