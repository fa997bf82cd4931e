import { and, asc, eq, sql } from 'drizzle-orm';
import {
  courses,
  instructors,
  meetings,
  rooms,
  statementsFor,
  terms,
  venues,
  type Db,
} from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import {
  cardFields,
  toCourseCard,
  toTermView,
  type CourseCard,
  type LocalizedText,
  type TermView,
} from '../views';

export interface MeetingView {
  id: string;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
}

export interface CourseDetail extends CourseCard {
  description: LocalizedText;
  instructorBio: LocalizedText | null;
  term: TermView;
  meetings: MeetingView[];
}

const p = sql.placeholder;

export const courseStatements = statementsFor((db: Db) => ({
  /** The course's card, its term and its instructor's bio: one row. */
  course: db
    .select({
      ...cardFields,
      descriptionKo: courses.descriptionKo,
      descriptionEn: courses.descriptionEn,
      term: terms,
      bioKo: instructors.bioKo,
      bioEn: instructors.bioEn,
    })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(rooms, eq(rooms.id, courses.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(eq(courses.id, p('courseId')))
    .limit(1)
    .prepare(),
  meetings: db
    .select({
      id: meetings.id,
      seq: meetings.seq,
      date: meetings.date,
      startTime: meetings.startTime,
      endTime: meetings.endTime,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    })
    .from(meetings)
    .where(and(eq(meetings.courseId, p('courseId')), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.seq))
    .prepare(),
}));

/**
 * One course with its term and every scheduled meeting, in two prepared statements. Throws
 * `course_not_found` (also for a draft, or a course of a draft term). Kept for anonymous readers
 * by `ctx.readCache` until the data changes or a second passes.
 */
export async function getCourse(ctx: ServiceContext, courseId: string): Promise<CourseDetail> {
  return ctx.readCache
    ? ctx.readCache.get(`course:${courseId}`, () => load(ctx, courseId))
    : load(ctx, courseId);
}

async function load(ctx: ServiceContext, courseId: string): Promise<CourseDetail> {
  const db = ctx.database.db;
  const queries = courseStatements(db);
  const [row] = await queries.course.all({ courseId });
  if (!row || row.term.status === 'draft' || row.course.draft)
    throw new DomainError('course_not_found');
  const meetingRows = await queries.meetings.all({ courseId });
  return {
    ...toCourseCard(row),
    description: { ko: row.descriptionKo, en: row.descriptionEn },
    instructorBio: row.bioKo ? { ko: row.bioKo, en: row.bioEn ?? row.bioKo } : null,
    term: toTermView(row.term, ctx.clock.now()),
    meetings: meetingRows.map((m) => ({
      ...m,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    })),
  };
}
