import type { Handle } from '@sveltejs/kit';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from './api-error';

/** Admin pages that a visitor without a staff session may see. */
export const OPEN_ADMIN_PATHS: ReadonlySet<string> = new Set(['/admin/sign-in', '/admin/sign-out']);

const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/**
 * Asks who the staff member is before any admin page, form action or endpoint runs, and sends a
 * visitor without a staff session to the sign-in page (which brings them back afterwards).
 * Without it, a page's own load and a form's action would each meet the refusal and report it
 * as a failure. `locals.staff` is the member, null when signed out, and undefined when the
 * question could not be answered (the admin layout then shows that the service is unavailable).
 */
export const staffGate: Handle = async ({ event, resolve }) => {
  // The path without its locale prefix (`/en/admin` → `/admin`), as `reroute` routes it.
  const { pathname } = event.url;
  const path = event.locals.locale === 'en' ? pathname.slice('/en'.length) || '/' : pathname;
  if (!isAdminPath(path)) return resolve(event);
  try {
    event.locals.staff = await event.locals.api.staff.auth.me.query();
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus !== 401) {
      console.error('[web] staff.auth.me failed', failure ?? cause);
      return resolve(event);
    }
    event.locals.staff = null;
    if (!OPEN_ADMIN_PATHS.has(path.replace(/\/$/, ''))) {
      // A form posted to `?/action` comes back to its page, not to the action.
      const next = `${path}${event.request.method === 'GET' ? event.url.search : ''}`;
      const location = localizeHref(`/admin/sign-in?next=${encodeURIComponent(next)}`, {
        locale: event.locals.locale,
      });
      return new Response(null, {
        status: 303,
        headers: { location, 'cache-control': 'private, no-store' },
      });
    }
  }
  return resolve(event);
};
