import { and, eq, isNotNull } from 'drizzle-orm';
import { auditLog, courses, terms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

export interface ExtendRegistrationWindowInput {
  /** The flagged course staff acted from; its term's window is the one extended. */
  courseId: string;
  /** The new close of registration; must be later than both now and the current close. */
  closesAt: Date;
  staffId: string;
  ip?: string | null;
}

/**
 * Extends the registration window of a course's term: the window is the term's, so every course
 * of the term takes registrations until the new close. The term's courses flagged below their
 * minimum lose the flag, to be judged again when the new window closes. A close that is not later
 * than now and than the current close is `window_not_extended`; the audit row keeps both closes.
 */
export const extendRegistrationWindow = writeService('extendRegistrationWindow');
export { extendRegistrationWindowInPlace };

async function extendRegistrationWindowInPlace(
  ctx: ServiceContext,
  input: ExtendRegistrationWindowInput,
): Promise<{ termId: string; from: Date; to: Date; unflaggedCourses: number }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ course: courses, term: terms })
      .from(courses)
      .innerJoin(terms, eq(terms.id, courses.termId))
      .where(eq(courses.id, input.courseId))
      .limit(1);
    if (!row) throw new DomainError('course_not_found');
    if (row.course.status === 'cancelled') throw new DomainError('course_already_cancelled');
    const from = row.term.registrationClosesAt;
    const to = input.closesAt;
    if (Number.isNaN(to.getTime()) || to <= now || to <= from) {
      throw new DomainError('window_not_extended', { closesAt: from.toISOString() });
    }
    await tx.update(terms).set({ registrationClosesAt: to }).where(eq(terms.id, row.term.id));
    const unflagged = await tx
      .update(courses)
      .set({ belowMinimumAt: null })
      .where(and(eq(courses.termId, row.term.id), isNotNull(courses.belowMinimumAt)))
      .returning({ id: courses.id });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'term.registration_extended',
      subjectType: 'course',
      subjectId: row.course.id,
      ip: input.ip ?? null,
      detail: {
        termId: row.term.id,
        from: from.toISOString(),
        to: to.toISOString(),
        unflaggedCourses: unflagged.map((c) => c.id),
      },
    });
    return { termId: row.term.id, from, to, unflaggedCourses: unflagged.length };
  });
}
