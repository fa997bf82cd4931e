import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { deLocalizeHref, localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import type { LayoutServerLoad } from './$types';

/** Pages under /admin that a visitor without a staff session may see. */
const OPEN_ROUTES = new Set(['/admin/sign-in', '/admin/sign-out']);

/**
 * The signed-in staff member, for every admin page. Without a session, the sign-in page, which
 * sends them back to where they were going (`next`) afterwards. Admin pages hold personal data
 * and a signed-in state: never in a shared cache, never in a search engine.
 */
export const load: LayoutServerLoad = async ({ locals, url, route, setHeaders }) => {
  const opts = { locale: locals.locale };
  setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex, nofollow' });
  try {
    const staff = await locals.api.staff.auth.me.query();
    return { staff };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401) {
      if (route.id && OPEN_ROUTES.has(route.id)) return { staff: null };
      const next = deLocalizeHref(`${url.pathname}${url.search}`);
      redirect(303, localizeHref(`/admin/sign-in?next=${encodeURIComponent(next)}`, opts));
    }
    console.error('[web] staff.auth.me failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
