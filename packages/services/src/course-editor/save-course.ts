import { and, eq, inArray, sql } from 'drizzle-orm';
import { courses, enrolments, newId, terms } from '@seoro/db';
import { DomainError, type CourseInput, type RegistrationMode } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { promoteFromWaitlist, type Promotion } from '../registration/promote';
import {
  LIVE_ENROLMENT_STATUSES,
  auditStaffChange,
  changes,
  snapshot,
} from '../terms/term-records';
import {
  courseColumns,
  requireCourse,
  requireRoom,
  resolveInstructor,
  type CourseEditorInput,
} from './course-editor-records';

export interface CreateCourseInput extends Omit<CourseEditorInput, 'settings'> {
  termId: string;
  /** Without a mode, the course takes its term's default. */
  settings: Omit<CourseInput, 'mode'> & { mode?: RegistrationMode | null };
}

/**
 * Staff add a course to a term. It starts as a draft (hidden from residents) with no meetings;
 * the meetings screen gives it its dates, and then it can be published. Checked by `checkCourse`
 * (the first problem is refused with its field), the room and instructor must exist (or the
 * instructor is created from a resident's number or a name), and nothing is written on a refusal.
 */
export const createCourse = writeService('createCourse');
export { createCourseInPlace };

async function createCourseInPlace(
  ctx: ServiceContext,
  input: CreateCourseInput,
): Promise<{ id: string }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [term] = await tx.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
    if (!term) throw new DomainError('term_not_found');
    const settings = requireCourse({
      ...input.settings,
      mode: input.settings.mode ?? term.defaultMode,
    });
    await requireRoom(tx, input.roomId);
    const instructorId = await resolveInstructor(tx, input.instructor, now, input);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${courses.sortOrder}), -1)` })
      .from(courses)
      .where(eq(courses.termId, term.id));
    const row = {
      id: newId(),
      termId: term.id,
      ...courseColumns(settings, input.roomId, instructorId),
      draft: true,
      sortOrder: Number(last?.n ?? -1) + 1,
    };
    await tx.insert(courses).values({ ...row, createdAt: now });
    await auditStaffChange(tx, now, input, {
      action: 'course.create',
      subjectType: 'course',
      subjectId: row.id,
      detail: { after: snapshot(row) },
    });
    return { id: row.id };
  });
}

export interface UpdateCourseInput extends CourseEditorInput {
  courseId: string;
}

/**
 * Staff change a course. The capacity may not go below its confirmed learners
 * (`capacity_below_confirmed`); more seats confirm people from the waitlist at once. The mode does
 * not change once anyone registered (`course_mode_locked`). The audit row holds each changed
 * field before and after.
 */
export const updateCourse = writeService('updateCourse');
export { updateCourseInPlace };

async function updateCourseInPlace(
  ctx: ServiceContext,
  input: UpdateCourseInput,
): Promise<{ id: string; changed: string[]; promoted: Promotion[] }> {
  const settings = requireCourse(input.settings);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    const [counts] = await tx
      .select({
        confirmed: sql<number>`coalesce(sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end), 0)`,
        live: sql<number>`count(*)`,
      })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.courseId, course.id),
          inArray(enrolments.status, LIVE_ENROLMENT_STATUSES),
        ),
      );
    const confirmed = Number(counts?.confirmed ?? 0);
    if (settings.capacity < confirmed) {
      throw new DomainError('capacity_below_confirmed', { confirmed, field: 'capacity' });
    }
    if (settings.mode !== course.mode && Number(counts?.live ?? 0) > 0) {
      throw new DomainError('course_mode_locked', { field: 'mode' });
    }
    await requireRoom(tx, input.roomId);
    const instructorId = await resolveInstructor(tx, input.instructor, now, input);
    const next = courseColumns(settings, input.roomId, instructorId);
    const diff = changes(course, next);
    const changed = Object.keys(diff.after);
    let promoted: Promotion[] = [];
    if (changed.length > 0) {
      await tx.update(courses).set(next).where(eq(courses.id, course.id));
      if (settings.capacity > course.capacity) {
        promoted = await promoteFromWaitlist(tx, { ...course, ...next }, now);
      }
      await auditStaffChange(tx, now, input, {
        action: 'course.update',
        subjectType: 'course',
        subjectId: course.id,
        detail: { ...diff, promoted: promoted.map((p) => p.enrolmentId) },
      });
    }
    return { id: course.id, changed, promoted };
  });
}
