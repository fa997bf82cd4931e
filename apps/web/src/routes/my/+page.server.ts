import { error, fail, isRedirect, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import { requestSignInCode, verifySignInCode } from '$lib/server/resident-sign-in';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where `?next=` may send a resident after signing in: only pages of this site that use the same
 * session (the instructor's page), never an address someone else chose.
 */
function nextPath(url: URL): string | null {
  const next = url.searchParams.get('next');
  return next === '/instructor' ? next : null;
}

/**
 * Signed in: the resident's registrations. Otherwise the sign-in steps (phone, then code), with a
 * word when a session has just ended. `?cancel=<id>` opens the confirm step for one registration
 * and `?done=<id>` says which one was just cancelled; both are links, so this works without
 * JavaScript.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  const opts = { locale: locals.locale };
  // Personal (if masked) data and a signed-in state: never in a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const view = await locals.api.registration.my.registrations.query();
    // Already signed in on the way to another page: straight there.
    const next = nextPath(url);
    if (next) redirect(303, localizeHref(next, opts));
    // Certificates are a side dish: if they cannot be read, the registrations still show.
    const certificates = await locals.api.certificates.mine.query().catch((cause: unknown) => {
      console.error('[web] certificates.mine failed', readApiFailure(cause) ?? cause);
      return [];
    });
    return {
      next: null,
      view,
      certificates,
      expired: false,
      signedOut: false,
      confirmId: url.searchParams.get('cancel'),
      doneId: url.searchParams.get('done'),
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (isRedirect(cause)) throw cause;
    const signedOut = {
      view: null,
      certificates: [],
      confirmId: null,
      doneId: null,
      next: nextPath(url),
    };
    if (failure?.domainCode === 'session_expired') {
      return { ...signedOut, expired: true, signedOut: false };
    }
    if (failure?.httpStatus === 401) {
      return { ...signedOut, expired: false, signedOut: url.searchParams.has('signed-out') };
    }
    console.error('[web] registration.my.registrations failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  /** Step 1: text a code to the number (the answer does not say whether it is registered). */
  request: ({ request, locals }) => requestSignInCode(request, locals),

  /** Step 2: the code; the right one sets the session cookie and shows the registrations. */
  verify: ({ request, locals, url }) => verifySignInCode(request, locals, nextPath(url) ?? '/my'),

  /** The confirmed cancel of one of the resident's own registrations. */
  cancel: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      return fail(400, { cancel: { enrolmentId: '', message: m.web_form_unreadable({}, opts) } });
    }
    const enrolmentId = String(form.get('enrolmentId') ?? '');
    try {
      await locals.api.registration.my.cancel.mutate({ enrolmentId });
    } catch (cause) {
      // An id that cannot be one reads like an unknown one: "not found".
      const refusal = formRefusal(cause, {
        enrolmentId: () => m.err_enrolment_not_found({}, opts),
      });
      if (!refusal) {
        console.error('[web] registration.my.cancel failed', readApiFailure(cause) ?? cause);
        return fail(500, { cancel: { enrolmentId, message: m.web_my_error_unexpected({}, opts) } });
      }
      // Signed out meanwhile (401): the page shows the sign-in steps, saying why.
      return fail(refusal.status, { cancel: { enrolmentId, message: refusal.message } });
    }
    redirect(303, localizeHref(`/my?done=${encodeURIComponent(enrolmentId)}`, opts));
  },

  /** Ends the session on the server and forgets the cookie. */
  signOut: async ({ locals }) => {
    const opts = { locale: locals.locale };
    try {
      await locals.api.registration.my.signOut.mutate();
    } catch (cause) {
      console.error('[web] registration.my.signOut failed', readApiFailure(cause) ?? cause);
      return fail(500, { signOut: { message: m.web_my_error_unexpected({}, opts) } });
    }
    redirect(303, localizeHref('/my?signed-out', opts));
  },
};
