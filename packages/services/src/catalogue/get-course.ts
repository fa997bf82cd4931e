import { asc, eq } from 'drizzle-orm';
import { courses, instructors, meetings, terms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import {
  loadCourseCards,
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

/** One course with its term and every scheduled meeting. Throws `course_not_found`. */
export async function getCourse(ctx: ServiceContext, courseId: string): Promise<CourseDetail> {
  const db = ctx.database.db;
  const [row] = await db
    .select({ course: courses, term: terms, instructor: instructors })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .where(eq(courses.id, courseId))
    .limit(1);
  if (!row || row.term.status === 'draft' || row.course.draft)
    throw new DomainError('course_not_found');
  const [card] = await loadCourseCards(db, { courseIds: [courseId] });
  const meetingRows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, courseId))
    .orderBy(asc(meetings.seq));
  const bio = row.instructor?.bioKo
    ? { ko: row.instructor.bioKo, en: row.instructor.bioEn ?? row.instructor.bioKo }
    : null;
  return {
    ...card!,
    description: { ko: row.course.descriptionKo, en: row.course.descriptionEn },
    instructorBio: bio,
    term: toTermView(row.term, ctx.clock.now()),
    meetings: meetingRows
      .filter((m) => m.status === 'scheduled')
      .map((m) => ({
        id: m.id,
        seq: m.seq,
        date: m.date,
        startTime: m.startTime,
        endTime: m.endTime,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
      })),
  };
}
