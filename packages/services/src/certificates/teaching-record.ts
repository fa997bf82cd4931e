import { and, eq, inArray, ne } from 'drizzle-orm';
import { courses, instructors, meetings, terms } from '@seoro/db';
import { completionStatus, kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { loadCompletions } from './completions';

export interface TaughtCourse {
  courseId: string;
  termName: LocalizedText;
  termStartsOn: string;
  title: LocalizedText;
  /** Meetings not cancelled, and those of them that have started. */
  meetings: number;
  held: number;
  /** Confirmed learners. */
  learners: number;
  /** Learners whose completion is secured (every one of them, once the course has ended). */
  completions: number;
}

/** An instructor's record of teaching, for them to print or keep. */
export interface TeachingRecord {
  instructorName: LocalizedText;
  courses: TaughtCourse[];
  totals: { courses: number; learners: number; completions: number };
  /** YYYY-MM-DD (KST) the record describes. */
  asOf: string;
}

/**
 * Every course (not cancelled) taught by the instructor profiles linked to the resident, newest
 * term first; null when the resident is no instructor.
 */
export async function getTeachingRecord(
  ctx: ServiceContext,
  input: { residentId: string },
): Promise<TeachingRecord | null> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const profiles = await db
    .select()
    .from(instructors)
    .where(eq(instructors.residentId, input.residentId));
  const first = profiles[0];
  if (!first) return null;
  const rows = await db
    .select({
      id: courses.id,
      titleKo: courses.titleKo,
      titleEn: courses.titleEn,
      termKo: terms.nameKo,
      termEn: terms.nameEn,
      termStartsOn: terms.startsOn,
      completionPercent: terms.completionPercent,
    })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(
      and(
        inArray(
          courses.instructorId,
          profiles.map((p) => p.id),
        ),
        ne(courses.status, 'cancelled'),
      ),
    );
  const ids = rows.map((r) => r.id);
  const meetingRows =
    ids.length === 0
      ? []
      : await db
          .select({ courseId: meetings.courseId, startsAt: meetings.startsAt })
          .from(meetings)
          .where(and(inArray(meetings.courseId, ids), eq(meetings.status, 'scheduled')));
  const learners = await loadCompletions(db, { courseIds: ids }, now);

  const taught: TaughtCourse[] = rows.map((r) => {
    const own = meetingRows.filter((m) => m.courseId === r.id);
    const held = own.filter((m) => m.startsAt.getTime() <= now.getTime()).length;
    const roster = learners.filter((l) => l.courseId === r.id);
    return {
      courseId: r.id,
      termName: { ko: r.termKo, en: r.termEn },
      termStartsOn: r.termStartsOn,
      title: { ko: r.titleKo, en: r.titleEn },
      meetings: own.length,
      held,
      learners: roster.length,
      completions: roster.filter(
        (l) => l.total > 0 && completionStatus(l, r.completionPercent) === 'completed',
      ).length,
    };
  });
  taught.sort((a, b) =>
    a.termStartsOn === b.termStartsOn
      ? a.title.ko.localeCompare(b.title.ko, 'ko')
      : a.termStartsOn < b.termStartsOn
        ? 1
        : -1,
  );
  return {
    instructorName: { ko: first.displayName, en: first.displayNameEn ?? first.displayName },
    courses: taught,
    totals: {
      courses: taught.length,
      learners: taught.reduce((n, c) => n + c.learners, 0),
      completions: taught.reduce((n, c) => n + c.completions, 0),
    },
    asOf: kstDateOf(now),
  };
}
