import { asc, desc, eq } from 'drizzle-orm';
import { terms } from '@seoro/db';
import { kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, toTermView, type CourseCard, type TermView } from '../views';

/**
 * The term residents see on the home page: the published term whose registration is open now;
 * else the next one to start; else the latest that has not ended. Null when there is none.
 */
export async function getCurrentCatalogue(
  ctx: ServiceContext,
): Promise<{ term: TermView; courses: CourseCard[] } | null> {
  const now = ctx.clock.now();
  const today = kstDateOf(now);
  const published = await ctx.database.db
    .select()
    .from(terms)
    .where(eq(terms.status, 'published'))
    .orderBy(asc(terms.startsOn), desc(terms.createdAt));
  const term =
    published.find((t) => t.registrationOpensAt <= now && now < t.registrationClosesAt) ??
    published.find((t) => t.startsOn >= today) ??
    [...published].reverse().find((t) => t.endsOn >= today);
  if (!term) return null;
  return {
    term: toTermView(term, now),
    courses: await loadCourseCards(ctx.database.db, { termId: term.id }),
  };
}
