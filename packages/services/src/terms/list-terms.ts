import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { courses, enrolments, terms } from '@seoro/db';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { LIVE_ENROLMENT_STATUSES } from './term-records';

/** A term as the admin's term table lists it. */
export interface TermSummary {
  id: string;
  slug: string;
  name: LocalizedText;
  status: 'draft' | 'published' | 'archived';
  startsOn: string;
  endsOn: string;
  /** ISO instants. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  courseCount: number;
  /** Courses still hidden from residents. */
  draftCourseCount: number;
  liveEnrolments: number;
}

/** Every term, newest first, with its courses and live registrations counted. Counts only. */
export async function listTerms(ctx: ServiceContext): Promise<TermSummary[]> {
  const db = ctx.database.db;
  const rows = await db.select().from(terms).orderBy(desc(terms.startsOn), asc(terms.nameKo));
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const courseCounts = await db
    .select({
      termId: courses.termId,
      n: sql<number>`count(*)`,
      drafts: sql<number>`sum(case when ${courses.draft} then 1 else 0 end)`,
    })
    .from(courses)
    .where(inArray(courses.termId, ids))
    .groupBy(courses.termId);
  const live = await db
    .select({ termId: courses.termId, n: sql<number>`count(*)` })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(inArray(enrolments.status, LIVE_ENROLMENT_STATUSES))
    .groupBy(courses.termId);
  const coursesBy = new Map(courseCounts.map((c) => [c.termId, c]));
  const liveBy = new Map(live.map((l) => [l.termId, Number(l.n)]));
  return rows.map((t) => ({
    id: t.id,
    slug: t.slug,
    name: { ko: t.nameKo, en: t.nameEn },
    status: t.status,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    registrationOpensAt: t.registrationOpensAt.toISOString(),
    registrationClosesAt: t.registrationClosesAt.toISOString(),
    courseCount: Number(coursesBy.get(t.id)?.n ?? 0),
    draftCourseCount: Number(coursesBy.get(t.id)?.drafts ?? 0),
    liveEnrolments: liveBy.get(t.id) ?? 0,
  }));
}
