import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { courses, meetings, terms, type Tx } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { auditStaffChange, countLiveEnrolments, type StaffActor } from './term-records';

export interface SetCoursePublishedInput extends StaffActor {
  courseId: string;
  /** True: residents see the course; false: back to a draft, hidden again. */
  published: boolean;
}

/** Scheduled meetings per course, for the rule that a course without any is not published. */
async function meetingCounts(tx: Tx, courseIds: string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await tx
    .select({ courseId: meetings.courseId, n: sql<number>`count(*)` })
    .from(meetings)
    .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')))
    .groupBy(meetings.courseId);
  return new Map(rows.map((r) => [r.courseId, Number(r.n)]));
}

/**
 * Publishes one course (its draft flag off) or hides it again. A course without scheduled
 * meetings is not published (`course_has_no_meetings`): residents would see a course with no
 * dates. A course with live registrations is not hidden (`course_has_live_enrolments`).
 */
export const setCoursePublished = writeService('setCoursePublished');
export { setCoursePublishedInPlace };

async function setCoursePublishedInPlace(
  ctx: ServiceContext,
  input: SetCoursePublishedInput,
): Promise<{ id: string; draft: boolean; changed: boolean; title: LocalizedText }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId)).limit(1);
    if (!course) throw new DomainError('course_not_found');
    const title = { ko: course.titleKo, en: course.titleEn };
    const draft = !input.published;
    if (course.draft === draft) return { id: course.id, draft, changed: false, title };
    if (input.published) {
      if (!(await meetingCounts(tx, [course.id])).get(course.id)) {
        throw new DomainError('course_has_no_meetings', { title: course.titleKo });
      }
    } else {
      const live = await countLiveEnrolments(tx, { courseIds: [course.id] });
      if (live > 0) {
        throw new DomainError('course_has_live_enrolments', { title: course.titleKo, count: live });
      }
    }
    await tx.update(courses).set({ draft }).where(eq(courses.id, course.id));
    await auditStaffChange(tx, now, input, {
      action: input.published ? 'course.publish' : 'course.unpublish',
      subjectType: 'course',
      subjectId: course.id,
      detail: { before: { draft: course.draft }, after: { draft } },
    });
    return { id: course.id, draft, changed: true, title };
  });
}

export interface PublishDraftCoursesResult {
  published: { id: string; title: LocalizedText }[];
  /** Drafts left as they were because they have no meetings yet. */
  withoutMeetings: { id: string; title: LocalizedText }[];
}

/**
 * Publishes every draft course of a term that has meetings, in one transaction, with an audit row
 * per course; drafts without meetings stay drafts and are named in the result.
 */
export const publishDraftCourses = writeService('publishDraftCourses');
export { publishDraftCoursesInPlace };

async function publishDraftCoursesInPlace(
  ctx: ServiceContext,
  input: StaffActor & { termId: string },
): Promise<PublishDraftCoursesResult> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const drafts = await tx
      .select()
      .from(courses)
      .where(and(eq(courses.termId, input.termId), eq(courses.draft, true)))
      .orderBy(asc(courses.sortOrder), asc(courses.titleKo));
    if (drafts.length === 0) {
      // An unknown term and a term without drafts look alike here; say which.
      const [term] = await tx
        .select({ id: terms.id })
        .from(terms)
        .where(eq(terms.id, input.termId))
        .limit(1);
      if (!term) throw new DomainError('term_not_found');
      return { published: [], withoutMeetings: [] };
    }
    const counts = await meetingCounts(
      tx,
      drafts.map((c) => c.id),
    );
    const result: PublishDraftCoursesResult = { published: [], withoutMeetings: [] };
    for (const course of drafts) {
      const entry = { id: course.id, title: { ko: course.titleKo, en: course.titleEn } };
      if (!counts.get(course.id)) {
        result.withoutMeetings.push(entry);
        continue;
      }
      await tx.update(courses).set({ draft: false }).where(eq(courses.id, course.id));
      await auditStaffChange(tx, now, input, {
        action: 'course.publish',
        subjectType: 'course',
        subjectId: course.id,
        detail: { before: { draft: true }, after: { draft: false }, termWide: true },
      });
      result.published.push(entry);
    }
    return result;
  });
}
