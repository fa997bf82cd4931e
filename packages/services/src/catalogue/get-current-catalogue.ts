import { asc, desc, eq } from 'drizzle-orm';
import { statementsFor, terms, type Db } from '@seoro/db';
import { kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, toTermView, type CourseCard, type TermView } from '../views';

export const catalogueStatements = statementsFor((db: Db) => ({
  published: db
    .select()
    .from(terms)
    .where(eq(terms.status, 'published'))
    .orderBy(asc(terms.startsOn), desc(terms.createdAt))
    .prepare(),
}));

/** The term the home page shows, with its courses in catalogue order. */
export interface Catalogue {
  term: TermView;
  courses: CourseCard[];
}

/**
 * The term residents see on the home page: the published term whose registration is open now;
 * else the next one to start; else the latest that has not ended. Null when there is none.
 *
 * Two prepared statements (the published terms, then the term's cards); kept for anonymous
 * readers by `ctx.readCache` until the data changes or a second passes.
 */
export async function getCurrentCatalogue(ctx: ServiceContext): Promise<Catalogue | null> {
  return ctx.readCache ? ctx.readCache.get('catalogue', () => load(ctx)) : load(ctx);
}

async function load(ctx: ServiceContext): Promise<Catalogue | null> {
  const now = ctx.clock.now();
  const today = kstDateOf(now);
  const db = ctx.database.db;
  const published = await catalogueStatements(db).published.all();
  const term =
    published.find((t) => t.registrationOpensAt <= now && now < t.registrationClosesAt) ??
    published.find((t) => t.startsOn >= today) ??
    [...published].reverse().find((t) => t.endsOn >= today);
  if (!term) return null;
  return {
    term: toTermView(term, now),
    courses: await loadCourseCards(db, { termId: term.id }),
  };
}
