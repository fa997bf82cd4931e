import { asc, desc } from 'drizzle-orm';
import { terms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { getCurrentCatalogue } from '../catalogue/get-current-catalogue';
import {
  loadCourseCards,
  toTermView,
  type CourseCard,
  type LocalizedText,
  type TermView,
} from '../views';

/** A term as the admin's chooser lists it. */
export interface TermOption {
  id: string;
  name: LocalizedText;
  status: 'draft' | 'published' | 'archived';
}

export interface TermCourses {
  /** Every term, newest first, for the chooser. */
  terms: TermOption[];
  /** The term shown: the one asked for, else the one residents see now; null when none exists. */
  term: TermView | null;
  courses: CourseCard[];
}

/**
 * The courses of one term with their seats and waitlists, for the admin's course table. Without a
 * term id, the term residents see on the home page. Counts only: no personal data, no audit row.
 */
export async function listTermCourses(
  ctx: ServiceContext,
  input: { termId?: string | null } = {},
): Promise<TermCourses> {
  const now = ctx.clock.now();
  const all = await ctx.database.db
    .select()
    .from(terms)
    .orderBy(desc(terms.startsOn), asc(terms.nameKo));
  const options = all.map((t) => ({
    id: t.id,
    name: { ko: t.nameKo, en: t.nameEn },
    status: t.status,
  }));
  if (input.termId) {
    const term = all.find((t) => t.id === input.termId);
    if (!term) throw new DomainError('term_not_found');
    return {
      terms: options,
      term: toTermView(term, now),
      courses: await loadCourseCards(ctx.database.db, { termId: term.id, includeDrafts: true }),
    };
  }
  const current = await getCurrentCatalogue(ctx);
  return { terms: options, term: current?.term ?? null, courses: current?.courses ?? [] };
}
