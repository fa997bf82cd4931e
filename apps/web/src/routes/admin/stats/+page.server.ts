import { readStatsFilter } from '$lib/admin/stats/filter';
import { loadStats } from '$lib/server/stats';
import type { PageServerLoad } from './$types';

/**
 * The statistics dashboard: `?term=` chooses the term of the per-term figures, `?from=&to=` the
 * years of the cumulative record. Counts only: nothing personal, nothing audited.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const filter = readStatsFilter(url);
  const stats = await loadStats(locals.api, filter, locals.locale, '/admin/stats');
  return { ...stats, filter };
};
