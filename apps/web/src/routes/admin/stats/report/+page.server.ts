import { readStatsFilter } from '$lib/admin/stats/filter';
import { loadStats } from '$lib/server/stats';
import type { PageServerLoad } from './$types';

/** The one-page A4 report of a term (`?term=`): its key figures and a small table per course. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const filter = readStatsFilter(url);
  const stats = await loadStats(locals.api, filter, locals.locale, '/admin/stats/report');
  return { ...stats, filter };
};
