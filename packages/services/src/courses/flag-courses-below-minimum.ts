import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments, terms } from '@seoro/db';
import type { ServiceContext } from '../context';

/**
 * Flags, once, every open course whose registration window has closed with fewer confirmed
 * learners than its minimum, so staff can extend, merge or cancel it. Lottery courses are judged
 * after their draw (while applications are pending nothing is confirmed yet). Returns the ids
 * flagged now.
 */
export async function flagCoursesBelowMinimum(ctx: ServiceContext): Promise<string[]> {
  const now = ctx.clock.now();
  return ctx.database.write(async (tx) => {
    const candidates = await tx
      .select({
        id: courses.id,
        minLearners: courses.minLearners,
        confirmed: sql<number>`(select count(*) from ${enrolments} e where e.course_id = ${courses.id} and e.status = 'confirmed')`,
        pending: sql<number>`(select count(*) from ${enrolments} e where e.course_id = ${courses.id} and e.status = 'lottery_pending')`,
      })
      .from(courses)
      .innerJoin(terms, eq(terms.id, courses.termId))
      .where(
        and(
          eq(courses.status, 'open'),
          isNull(courses.belowMinimumAt),
          lte(terms.registrationClosesAt, now),
          eq(terms.status, 'published'),
        ),
      );
    const flagged: string[] = [];
    for (const c of candidates) {
      if (Number(c.pending) > 0 || Number(c.confirmed) >= c.minLearners) continue;
      await tx.update(courses).set({ belowMinimumAt: now }).where(eq(courses.id, c.id));
      await tx.insert(auditLog).values({
        at: now,
        actorType: 'system',
        action: 'course.below_minimum',
        subjectType: 'course',
        subjectId: c.id,
        detail: { confirmed: Number(c.confirmed), minimum: c.minLearners },
      });
      flagged.push(c.id);
    }
    return flagged;
  });
}
