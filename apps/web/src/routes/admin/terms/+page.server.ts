import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/** Every term with its status and counts; no personal data, so nothing here is audited. */
export const load: PageServerLoad = async ({ locals }) => {
  const opts = { locale: locals.locale };
  try {
    return { terms: await locals.api.staff.terms.list.query() };
  } catch (cause) {
    console.error('[web] staff.terms.list failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
