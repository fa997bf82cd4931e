import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const opts = { locale: locals.locale };
  try {
    return { terms: await locals.api.catalogue.pastTerms.query() };
  } catch (cause) {
    console.error('[web] catalogue.pastTerms failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
