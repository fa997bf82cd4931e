import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import type { LayoutServerLoad } from './$types';

/**
 * The signed-in staff member, for every admin page, as the staff gate (hooks.server.ts) found
 * them; a visitor without a session never gets here except on the sign-in and sign-out pages.
 * Admin pages hold personal data and a signed-in state: never in a shared cache, never in a
 * search engine.
 */
export const load: LayoutServerLoad = ({ locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
  if (locals.staff === undefined) {
    const opts = { locale: locals.locale };
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
  return { staff: locals.staff };
};
