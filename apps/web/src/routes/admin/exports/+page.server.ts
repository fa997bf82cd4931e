import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { isExportError } from '$lib/admin/exports';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * What can be exported: a term's courses (`?term=<id>`, else the current term) for the course
 * exports, and the term itself. `?course=` chooses a course in the forms; `?kind=&error=` is a
 * refused download sent back here. Counts only, so nothing here is audited; the downloads are.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const opts = { locale: locals.locale };
  const termId = url.searchParams.get('term')?.trim().slice(0, 64) || undefined;
  const rawError = url.searchParams.get('error');
  const failed = isExportError(rawError)
    ? { kind: url.searchParams.get('kind') ?? '', error: rawError }
    : null;
  try {
    const listing = await locals.api.staff.rosters.courses.query({ termId });
    return {
      listing,
      courseId: url.searchParams.get('course')?.trim().slice(0, 64) || null,
      failed,
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (termId && (failure?.httpStatus === 404 || failure?.httpStatus === 400)) {
      const listing = await locals.api.staff.rosters.courses.query({});
      return { listing, courseId: null, failed };
    }
    console.error('[web] staff.rosters.courses failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
