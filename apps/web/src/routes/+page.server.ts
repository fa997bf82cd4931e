import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { loadContact } from '$lib/server/contact';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const contact = loadContact(locals.api);
  try {
    return { current: await locals.api.catalogue.currentTerm.query(), contact: await contact };
  } catch (cause) {
    const failure = readApiFailure(cause);
    console.error('[web] catalogue.currentTerm failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator() }),
      kind: 'unavailable',
    });
  }
};
