import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * The instructor's page: signed in (the resident session of /my), the courses they teach; a
 * resident who teaches none gets a sentence and the way to apply; signed out, the way to sign in.
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  const opts = { locale: locals.locale };
  // Personal data and a signed-in state: never in a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const home = await locals.api.instructor.courses.query();
    return { home, expired: false };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.domainCode === 'session_expired') return { home: null, expired: true };
    if (failure?.httpStatus === 401) return { home: null, expired: false };
    console.error('[web] instructor.courses failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
