import { fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import type { Actions, PageServerLoad } from './$types';

/** A visit without a session goes to the sign-in page; with one, the page offers the button. */
export const load: PageServerLoad = async ({ parent, locals }) => {
  const { staff } = await parent();
  if (!staff) redirect(303, localizeHref('/admin/sign-in', { locale: locals.locale }));
  return {};
};

export const actions: Actions = {
  /** Ends the staff session on the server and forgets the cookie, then shows the sign-in page. */
  default: async ({ locals }) => {
    const opts = { locale: locals.locale };
    try {
      await locals.api.staff.auth.signOut.mutate();
    } catch (cause) {
      const failure = readApiFailure(cause);
      // Already signed out (the session ended meanwhile): the outcome asked for.
      if (failure?.httpStatus !== 401) {
        console.error('[web] staff.auth.signOut failed', failure ?? cause);
        return fail(500, { signOutFailed: m.web_admin_sign_out_failed({}, opts) });
      }
    }
    redirect(303, localizeHref('/admin/sign-in?signed-out', opts));
  },
};
