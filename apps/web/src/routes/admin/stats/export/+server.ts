import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readStatsFilter } from '$lib/admin/stats/filter';
import { readApiFailure } from '$lib/server/api-error';
import { attachment } from '$lib/server/download';
import type { RequestHandler } from './$types';

/**
 * The statistics as an .xlsx workbook (one sheet per figure) for `?term=&from=&to=`, built on the
 * server. Counts only, so a plain link downloads it: no purpose to give, nothing audited.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const locale = locals.locale;
  const filter = readStatsFilter(url);
  const file = await locals.api.staff.stats.workbook
    .query({
      termId: filter.termId ?? undefined,
      fromYear: filter.fromYear ?? undefined,
      toYear: filter.toYear ?? undefined,
      cumulativeOfTerm: filter.termOnly,
      locale,
    })
    .catch((cause: unknown): never => {
      const failure = readApiFailure(cause);
      if (failure?.httpStatus === 401) {
        const next = encodeURIComponent('/admin/stats');
        redirect(303, localizeHref(`/admin/sign-in?next=${next}`, { locale }));
      }
      if (failure?.httpStatus === 404) redirect(303, localizeHref('/admin/stats', { locale }));
      console.error('[web] staff.stats.workbook failed', failure ?? cause);
      error(503, { message: m.admin_stats_unavailable({}, { locale }), kind: 'unavailable' });
    });
  const bytes = Buffer.from(file.base64, 'base64');
  const stamp = /_(\d{8})\.xlsx$/.exec(file.filename)?.[1] ?? 'export';
  return new Response(bytes, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': attachment(file.filename, `seoroseoro-statistics-${stamp}.xlsx`),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};
