import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, courses } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import type { Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { flagCoursesBelowMinimum } from './flag-courses-below-minimum';
import { testDatabase } from '@seoro/db/test/vitest';

describe('flagCoursesBelowMinimum', () => {
  it('flags, once and only after the close, courses with fewer confirmed than their minimum', async () => {
    const t = await testDatabase();
    const { roomId } = await makeRoom(t.database);
    const closes = new Date('2026-01-15T09:00:00Z');
    const term = await makeTerm(t.database, {
      registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
      registrationClosesAt: closes,
    });
    const thin = await makeCourse(t.database, { termId: term.id, roomId }, { minLearners: 3 });
    const healthy = await makeCourse(t.database, { termId: term.id, roomId }, { minLearners: 2 });
    for (const course of [thin, healthy, healthy]) {
      const r = await makeResident(t.database);
      await makeEnrolment(t.database, { courseId: course.id, residentId: r.id });
    }
    let now = new Date(closes.getTime() - 1);
    const clock: Clock = { now: () => now };
    const ctx = createServiceContext(t.database, { clock });
    expect(await flagCoursesBelowMinimum(ctx)).toEqual([]);
    now = closes;
    expect(await flagCoursesBelowMinimum(ctx)).toEqual([thin.id]);
    expect(await flagCoursesBelowMinimum(ctx)).toEqual([]);
    const [row] = await t.database.db.select().from(courses).where(eq(courses.id, thin.id));
    expect(row?.belowMinimumAt?.getTime()).toBe(closes.getTime());
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'course.below_minimum'));
    expect(audits.map((a) => a.detail)).toEqual([{ confirmed: 1, minimum: 3 }]);
  });
});
