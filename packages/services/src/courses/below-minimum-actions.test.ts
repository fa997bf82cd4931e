import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, courses, terms } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { extendRegistrationWindow } from './extend-registration-window';
import { flagCoursesBelowMinimum } from './flag-courses-below-minimum';
import { listCoursesBelowMinimum } from './list-courses-below-minimum';
import { lowerCourseMinimum } from './lower-course-minimum';

const HOUR = 3_600_000;
const CLOSED = Date.parse('2026-01-15T09:00:00Z'); // 18:00 KST

async function setup() {
  const t = await testDatabase();
  let at = CLOSED + HOUR;
  const clock: Clock & { set(ms: number): void } = {
    now: () => new Date(at),
    set: (ms) => void (at = ms),
  };
  const ctx = createServiceContext(t.database, { clock });
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    registrationOpensAt: new Date(CLOSED - 14 * 24 * HOUR),
    registrationClosesAt: new Date(CLOSED),
  });
  const small = await makeCourse(t.database, { termId: term.id, roomId }, { minLearners: 5 });
  const other = await makeCourse(t.database, { termId: term.id, roomId }, { minLearners: 5 });
  for (let i = 0; i < 3; i++) {
    const resident = await makeResident(t.database);
    await makeEnrolment(t.database, { courseId: small.id, residentId: resident.id });
  }
  expect(await flagCoursesBelowMinimum(ctx)).toHaveLength(2);
  const audit = (action: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
  const course = async (id: string) =>
    (await t.database.db.select().from(courses).where(eq(courses.id, id)))[0];
  return { ...t, ctx, clock, term, small, other, audit, course };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('courses below their minimum', () => {
  it('are listed with confirmed learners against the minimum and their term’s window', async () => {
    const { ctx, small, term } = await setup();
    const list = await listCoursesBelowMinimum(ctx);
    expect(list.find((c) => c.id === small.id)).toMatchObject({
      confirmed: 3,
      minLearners: 5,
      term: { id: term.id, registrationClosesAt: new Date(CLOSED).toISOString() },
    });
  });

  it('lowering the minimum to what is confirmed clears the flag; above it keeps it', async () => {
    const { ctx, small, other, audit, course } = await setup();
    const kept = await lowerCourseMinimum(ctx, {
      courseId: other.id,
      minLearners: 2,
      staffId: 'staff-1',
    });
    expect(kept).toMatchObject({ from: 5, to: 2, confirmed: 0, flagCleared: false });
    expect((await course(other.id))?.belowMinimumAt).not.toBeNull();

    const cleared = await lowerCourseMinimum(ctx, {
      courseId: small.id,
      minLearners: 3,
      staffId: 'staff-1',
    });
    expect(cleared).toMatchObject({ from: 5, to: 3, confirmed: 3, flagCleared: true });
    expect(await course(small.id)).toMatchObject({ minLearners: 3, belowMinimumAt: null });
    expect((await listCoursesBelowMinimum(ctx)).map((c) => c.id)).toEqual([other.id]);
    const rows = await audit('course.minimum_lowered');
    expect(rows.map((r) => [r.subjectId, r.actorId, r.detail?.flagCleared])).toEqual([
      [other.id, 'staff-1', false],
      [small.id, 'staff-1', true],
    ]);
  });

  it('a minimum that is not lower is refused and changes nothing', async () => {
    const { ctx, small, course, audit } = await setup();
    for (const minLearners of [5, 6, -1, 2.5]) {
      expect(
        await codeOf(lowerCourseMinimum(ctx, { courseId: small.id, minLearners, staffId: 's' })),
      ).toBe('minimum_not_lowered');
    }
    expect((await course(small.id))?.minLearners).toBe(5);
    expect(await audit('course.minimum_lowered')).toEqual([]);
  });

  it('extending the window moves the term’s close and lifts the flags until it closes again', async () => {
    const { ctx, clock, small, other, term, database, audit, course } = await setup();
    const to = new Date(CLOSED + 3 * 24 * HOUR);
    const done = await extendRegistrationWindow(ctx, {
      courseId: small.id,
      closesAt: to,
      staffId: 'staff-1',
    });
    expect(done).toMatchObject({ termId: term.id, to, unflaggedCourses: 2 });
    const [row] = await database.db.select().from(terms).where(eq(terms.id, term.id));
    expect(row?.registrationClosesAt).toEqual(to);
    expect((await course(small.id))?.belowMinimumAt).toBeNull();
    expect((await course(other.id))?.belowMinimumAt).toBeNull();
    expect(await listCoursesBelowMinimum(ctx)).toEqual([]);
    expect(await audit('term.registration_extended')).toEqual([
      expect.objectContaining({
        actorId: 'staff-1',
        subjectId: small.id,
        detail: expect.objectContaining({
          termId: term.id,
          from: new Date(CLOSED).toISOString(),
          to: to.toISOString(),
        }),
      }),
    ]);

    // Still short when the new window closes: flagged again.
    clock.set(to.getTime() + HOUR);
    expect((await flagCoursesBelowMinimum(ctx)).sort()).toEqual([small.id, other.id].sort());
  });

  it('a new close in the past or before the current close is refused', async () => {
    const { ctx, small, audit } = await setup();
    for (const closesAt of [new Date(CLOSED + HOUR / 2), new Date(CLOSED - HOUR), new Date(NaN)]) {
      expect(
        await codeOf(extendRegistrationWindow(ctx, { courseId: small.id, closesAt, staffId: 's' })),
      ).toBe('window_not_extended');
    }
    expect(await audit('term.registration_extended')).toEqual([]);
  });
});
