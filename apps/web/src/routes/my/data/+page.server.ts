import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * "My personal data": everything held about the signed-in resident, printable, with the JSON
 * download and the deletion request. All of it is personal: behind the session, never cached.
 * Showing it is audited by the API (`resident.data_export`).
 */
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
  const opts = { locale: locals.locale };
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const [mine, pending] = await Promise.all([
      locals.api.registration.my.data.query({ format: 'page' }),
      locals.api.registration.my.deletionRequest.query(),
    ]);
    return { mine, pending };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401 || failure?.httpStatus === 404) {
      return { mine: null, pending: null };
    }
    console.error('[web] registration.my.data failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  /** Records a deletion request; one open at a time. */
  requestDeletion: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { deletionMessage: m.web_form_unreadable({}, opts) });
    const note = String(form.get('note') ?? '')
      .trim()
      .slice(0, 1000);
    try {
      const made = await locals.api.registration.my.requestDeletion.mutate({
        note: note || undefined,
      });
      return { deletionReference: made.reference };
    } catch (cause) {
      const refusal = formRefusal(cause, { note: () => m.web_form_unreadable({}, opts) });
      if (!refusal) {
        console.error(
          '[web] registration.my.requestDeletion failed',
          readApiFailure(cause) ?? cause,
        );
        return fail(500, { deletionMessage: m.web_my_error_unexpected({}, opts) });
      }
      return fail(refusal.status, { deletionMessage: refusal.message });
    }
  },
};
