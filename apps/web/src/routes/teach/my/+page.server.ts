import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import { requestSignInCode, verifySignInCode } from '$lib/server/resident-sign-in';
import type { Actions, PageServerLoad } from './$types';

/**
 * The resident's applications to teach, with what staff said to them; the sign-in steps without
 * a session. `?withdraw=<id>` opens the confirm step; `?sent=`, `?resent=`, `?withdrawn=` say
 * what was just done. Links, so this works without JavaScript. Never cached.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const flags = {
    confirmId: url.searchParams.get('withdraw'),
    sentId: url.searchParams.get('sent'),
    resentId: url.searchParams.get('resent'),
    withdrawnId: url.searchParams.get('withdrawn'),
  };
  try {
    const applications = await locals.api.teach.mine.query();
    return { applications, expired: false, ...flags };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.domainCode === 'session_expired') {
      return { applications: null, expired: true, ...flags };
    }
    if (failure?.httpStatus === 401) return { applications: null, expired: false, ...flags };
    console.error('[web] teach.mine failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body(
        { operator: m.common_operator({}, { locale: locals.locale }) },
        { locale: locals.locale },
      ),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  request: ({ request, locals }) => requestSignInCode(request, locals),
  verify: ({ request, locals }) => verifySignInCode(request, locals, '/teach/my'),
  /** The confirmed withdrawal of one of the resident's own applications. */
  withdraw: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    const applicationId = String(form?.get('applicationId') ?? '');
    if (!form) {
      return fail(400, { withdraw: { applicationId, message: m.web_form_unreadable({}, opts) } });
    }
    try {
      await locals.api.teach.withdraw.mutate({ applicationId });
    } catch (cause) {
      const refusal = formRefusal(cause, {
        applicationId: () => m.err_application_not_found({}, opts),
      });
      if (!refusal) {
        console.error('[web] teach.withdraw failed', readApiFailure(cause) ?? cause);
        return fail(500, {
          withdraw: { applicationId, message: m.web_my_error_unexpected({}, opts) },
        });
      }
      return fail(refusal.status, { withdraw: { applicationId, message: refusal.message } });
    }
    redirect(303, localizeHref(`/teach/my?withdrawn=${encodeURIComponent(applicationId)}`, opts));
  },
};
