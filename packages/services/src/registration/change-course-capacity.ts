import { and, eq, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { promoteFromWaitlist, type Promotion } from './promote';

/**
 * Staff change a course's capacity. More seats promote people from the waitlist at once; fewer
 * seats may not go below the confirmed learners (nobody loses a confirmed place this way).
 */
export const changeCourseCapacity = writeService('changeCourseCapacity');
export { changeCourseCapacityInPlace };

async function changeCourseCapacityInPlace(
  ctx: ServiceContext,
  input: { courseId: string; capacity: number; staffId: string },
): Promise<{ capacity: number; promoted: Promotion[] }> {
  if (!Number.isSafeInteger(input.capacity) || input.capacity < 1 || input.capacity > 200) {
    throw new RangeError('capacity must be an integer between 1 and 200');
  }
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    const [confirmed] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, course.id), eq(enrolments.status, 'confirmed')));
    const confirmedCount = Number(confirmed?.n ?? 0);
    if (input.capacity < confirmedCount) {
      throw new DomainError('capacity_below_confirmed', { confirmed: confirmedCount });
    }
    await tx.update(courses).set({ capacity: input.capacity }).where(eq(courses.id, course.id));
    const promoted = await promoteFromWaitlist(tx, { ...course, capacity: input.capacity }, now);
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'course.capacity',
      subjectType: 'course',
      subjectId: course.id,
      detail: {
        from: course.capacity,
        to: input.capacity,
        promoted: promoted.map((p) => p.enrolmentId),
      },
    });
    return { capacity: input.capacity, promoted };
  });
}
