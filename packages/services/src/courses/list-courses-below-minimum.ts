import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { courses, enrolments, terms } from '@seoro/db';
import type { LocalizedText } from '../views';
import type { ServiceContext } from '../context';

/** A course flagged because its registration window closed with too few confirmed learners. */
export interface CourseBelowMinimum {
  id: string;
  title: LocalizedText;
  confirmed: number;
  minLearners: number;
  capacity: number;
  /** ISO instant the flag was raised. */
  flaggedAt: string;
  term: {
    id: string;
    name: LocalizedText;
    /** ISO instants of the term's (shared) registration window. */
    registrationOpensAt: string;
    registrationClosesAt: string;
  };
}

/**
 * Open courses flagged below their minimum (`belowMinimumAt`), oldest flag first, with confirmed
 * learners against the minimum and their term's window: what the dashboard asks staff to decide
 * on (extend the window, lower the minimum, or cancel). Counts only, no personal data.
 */
export async function listCoursesBelowMinimum(ctx: ServiceContext): Promise<CourseBelowMinimum[]> {
  const rows = await ctx.database.db
    .select({
      id: courses.id,
      titleKo: courses.titleKo,
      titleEn: courses.titleEn,
      minLearners: courses.minLearners,
      capacity: courses.capacity,
      belowMinimumAt: courses.belowMinimumAt,
      confirmed: sql<number>`(select count(*) from ${enrolments} e where e.course_id = ${courses.id} and e.status = 'confirmed')`,
      termId: terms.id,
      termKo: terms.nameKo,
      termEn: terms.nameEn,
      opensAt: terms.registrationOpensAt,
      closesAt: terms.registrationClosesAt,
    })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(and(eq(courses.status, 'open'), isNotNull(courses.belowMinimumAt)))
    .orderBy(asc(courses.belowMinimumAt), asc(courses.sortOrder), asc(courses.titleKo));
  return rows.map((r) => ({
    id: r.id,
    title: { ko: r.titleKo, en: r.titleEn },
    confirmed: Number(r.confirmed),
    minLearners: r.minLearners,
    capacity: r.capacity,
    flaggedAt: (r.belowMinimumAt ?? new Date(0)).toISOString(),
    term: {
      id: r.termId,
      name: { ko: r.termKo, en: r.termEn },
      registrationOpensAt: r.opensAt.toISOString(),
      registrationClosesAt: r.closesAt.toISOString(),
    },
  }));
}
