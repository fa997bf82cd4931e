import { fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to read: the page explains, and only the button changes anything. */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  /** Stops invitations to teach for the resident the link names. */
  default: async ({ params, locals }) => {
    const opts = { locale: locals.locale };
    try {
      await locals.api.teach.optOut.mutate({ token: params.token.slice(0, 200) });
      return { done: true as const };
    } catch (cause) {
      const refusal = formRefusal(cause, { token: () => m.err_teach_opt_out_invalid({}, opts) });
      if (!refusal) {
        console.error('[web] teach.optOut failed', readApiFailure(cause) ?? cause);
        return fail(500, { message: m.wishes_admin_failed({}, opts) });
      }
      return fail(refusal.status, { message: refusal.message });
    }
  },
};
