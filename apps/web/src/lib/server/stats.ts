import { error, redirect } from '@sveltejs/kit';
import type { Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import type { StatsFilter } from '$lib/admin/stats/filter';
import { readApiFailure } from '$lib/server/api-error';

type Api = App.Locals['api'];

/**
 * The statistics for a filter: the terms to choose from, the term shown (the one asked for, else
 * the newest whose registration has closed — its figures are whole —, else the newest), its
 * figures, and the cumulative record for the years asked. An unknown term falls back to the
 * default rather than failing the page.
 */
export async function loadStats(api: Api, filter: StatsFilter, locale: Locale, path: string) {
  try {
    const terms = await api.staff.stats.terms.query();
    const now = new Date().toISOString();
    const fallback = terms.find((t) => t.registrationClosesAt <= now) ?? terms[0] ?? null;
    const chosen = terms.find((t) => t.id === filter.termId) ?? fallback;
    const [figures, cumulative] = await Promise.all([
      chosen ? api.staff.stats.term.query({ termId: chosen.id }) : Promise.resolve(null),
      api.staff.stats.cumulative.query(
        filter.termOnly && chosen
          ? { termId: chosen.id }
          : { fromYear: filter.fromYear ?? undefined, toYear: filter.toYear ?? undefined },
      ),
    ]);
    return { terms, termId: chosen?.id ?? null, figures, cumulative };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401) {
      redirect(303, localizeHref(`/admin/sign-in?next=${encodeURIComponent(path)}`, { locale }));
    }
    console.error('[web] staff.stats failed', failure ?? cause);
    error(503, { message: m.admin_stats_unavailable({}, { locale }), kind: 'unavailable' });
  }
}
