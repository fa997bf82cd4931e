import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    return { past: await locals.api.catalogue.pastTerm.query({ termId: params.id }) };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.web_error_not_found_title({}, opts) });
    }
    console.error('[web] catalogue.pastTerm failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
