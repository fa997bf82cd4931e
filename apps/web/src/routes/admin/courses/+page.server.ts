import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * The course table: a term's courses (`?term=<id>`, else the term residents see now) with seats,
 * waitlists and status, each linking to its roster. Counts only, so nothing here is audited.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const opts = { locale: locals.locale };
  const termId = url.searchParams.get('term')?.trim() || undefined;
  try {
    return {
      listing: await locals.api.staff.rosters.courses.query({ termId }),
      termMissing: false,
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (termId && (failure?.httpStatus === 404 || failure?.httpStatus === 400)) {
      // A stale or mistyped term in the address: the current term, and a sentence saying so.
      const listing = await locals.api.staff.rosters.courses.query({});
      return { listing, termMissing: true };
    }
    console.error('[web] staff.rosters.courses failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
