import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { statementsFor, terms, type Db } from '@seoro/db';
import { DomainError, kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, type CourseCard, type LocalizedText } from '../views';

/** A term that has ended, as the public archive lists it. */
export interface PastTermSummary {
  id: string;
  name: LocalizedText;
  startsOn: string;
  endsOn: string;
  /** Its courses residents could see (no drafts), cancelled ones included. */
  courseCount: number;
}

/** One past term and its courses, read-only. */
export interface PastTerm {
  term: PastTermSummary;
  courses: CourseCard[];
}

const p = sql.placeholder;
const shown = inArray(terms.status, ['published', 'archived']);

export const pastTermStatements = statementsFor((db: Db) => {
  const summary = db
    .select({
      id: terms.id,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and a bare "id"
      // inside the subquery would be the course's.
      courseCount: sql<number>`(select count(*) from "courses" c where c."term_id" = "terms"."id" and c."draft" = 0)`,
    })
    .from(terms);
  return {
    /** Shown terms whose last class day is before today (KST), newest first. */
    list: summary
      .where(and(shown, lt(terms.endsOn, p('today'))))
      .orderBy(desc(terms.endsOn), desc(terms.startsOn))
      .prepare(),
    one: db
      .select({
        id: terms.id,
        nameKo: terms.nameKo,
        nameEn: terms.nameEn,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
        status: terms.status,
      })
      .from(terms)
      .where(and(eq(terms.id, p('termId')), ne(terms.status, 'draft')))
      .prepare(),
  };
});

function toSummary(row: {
  id: string;
  nameKo: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  courseCount: number;
}): PastTermSummary {
  return {
    id: row.id,
    name: { ko: row.nameKo, en: row.nameEn },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    courseCount: Number(row.courseCount),
  };
}

/**
 * The archive of past terms: every published or archived term that has ended (its last class day
 * is before today in Korea), newest first. Kept for anonymous readers by `ctx.readCache`.
 */
export async function listPastTerms(ctx: ServiceContext): Promise<PastTermSummary[]> {
  const load = async () => {
    const today = kstDateOf(ctx.clock.now());
    const rows = await pastTermStatements(ctx.database.db).list.all({ today });
    return rows.map(toSummary);
  };
  return ctx.readCache ? ctx.readCache.get('past-terms', load) : load();
}

/**
 * One past term with its courses as cards (no drafts), for the archive. A term that is a draft,
 * unknown, or not over yet is `term_not_found`: the current term is on the home page.
 */
export async function getPastTerm(ctx: ServiceContext, termId: string): Promise<PastTerm> {
  const load = async (): Promise<PastTerm> => {
    const db = ctx.database.db;
    const [row] = await pastTermStatements(db).one.all({ termId });
    if (!row || row.endsOn >= kstDateOf(ctx.clock.now())) throw new DomainError('term_not_found');
    const cards = await loadCourseCards(db, { termId: row.id });
    return { term: toSummary({ ...row, courseCount: cards.length }), courses: cards };
  };
  return ctx.readCache ? ctx.readCache.get(`past-term:${termId}`, load) : load();
}
