import { and, eq, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Lowers a course's minimum number of learners (so it can run with fewer). When the confirmed
 * learners now reach the new minimum, the below-minimum flag is cleared. A minimum that is not
 * lower than the current one is `minimum_not_lowered`; audited with both values.
 */
export const lowerCourseMinimum = writeService('lowerCourseMinimum');
export { lowerCourseMinimumInPlace };

async function lowerCourseMinimumInPlace(
  ctx: ServiceContext,
  input: { courseId: string; minLearners: number; staffId: string; ip?: string | null },
): Promise<{ id: string; from: number; to: number; confirmed: number; flagCleared: boolean }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    if (course.status === 'cancelled') throw new DomainError('course_already_cancelled');
    const to = input.minLearners;
    if (!Number.isInteger(to) || to < 0 || to >= course.minLearners) {
      throw new DomainError('minimum_not_lowered', { minimum: course.minLearners });
    }
    const [counted] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, course.id), eq(enrolments.status, 'confirmed')));
    const confirmed = Number(counted?.n ?? 0);
    const flagCleared = course.belowMinimumAt !== null && confirmed >= to;
    await tx
      .update(courses)
      .set({ minLearners: to, ...(flagCleared ? { belowMinimumAt: null } : {}) })
      .where(eq(courses.id, course.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'course.minimum_lowered',
      subjectType: 'course',
      subjectId: course.id,
      ip: input.ip ?? null,
      detail: { from: course.minLearners, to, confirmed, flagCleared },
    });
    return { id: course.id, from: course.minLearners, to, confirmed, flagCleared };
  });
}
