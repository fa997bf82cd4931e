import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import type { Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { refusalMessage } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import { requestSignInCode, verifySignInCode } from '$lib/server/resident-sign-in';
import {
  EMPTY_TEACH_FORM,
  teachFormIssues,
  teachFormOf,
  teachFormValues,
  teachProposalOf,
  type TeachFormValues,
} from '$lib/teach-form';
import type { Actions, PageServerLoad } from './$types';

/** What a refused application sends back: what was typed, a sentence per field, and one overall. */
export interface TeachFormFailure {
  teach: {
    values: TeachFormValues;
    errors: Partial<Record<string, string>>;
    message: string | null;
    idempotencyKey: string;
  };
}

function messages(
  issues: ReturnType<typeof teachFormIssues>,
  locale: Locale,
): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [field, issue] of Object.entries(issues)) {
    const params = Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, String(v)]));
    out[field] = refusalMessage(issue.code, locale, params);
  }
  return out;
}

/**
 * The form to apply to teach (or, with `?edit=<id>`, to change one sent back), behind the
 * resident's sign-in: without a session the page shows the sign-in steps. Never cached.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const editId = url.searchParams.get('edit');
  try {
    const session = await locals.api.registration.my.session.query();
    if (!session.signedIn) {
      return { signedIn: false, expired: session.expired, editing: null, initial: null, key: '' };
    }
    const editing = editId ? await locals.api.teach.get.query({ applicationId: editId }) : null;
    return {
      signedIn: true,
      expired: false,
      editing: editing && { id: editing.id, status: editing.status, title: editing.title },
      initial: editing ? teachFormOf(editing) : EMPTY_TEACH_FORM,
      // One per form shown: sending it twice creates one application.
      key: randomUUID(),
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404) {
      error(404, { message: failure.message });
    }
    console.error('[web] teach apply load failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body(
        { operator: m.common_operator({}, { locale: locals.locale }) },
        {
          locale: locals.locale,
        },
      ),
      kind: 'unavailable',
    });
  }
};

async function send(
  request: Request,
  locals: App.Locals,
  mode: 'submit' | 'resubmit',
): Promise<ReturnType<typeof fail<TeachFormFailure>>> {
  const locale = locals.locale;
  const opts = { locale };
  const form = await readForm(request);
  const values = form ? teachFormValues(form) : EMPTY_TEACH_FORM;
  const idempotencyKey = String(form?.get('idempotencyKey') ?? '') || randomUUID();
  const refuse = (
    status: number,
    errors: Partial<Record<string, string>>,
    message: string | null,
  ) =>
    fail(status, { teach: { values, errors, message, idempotencyKey } } satisfies TeachFormFailure);
  if (!form) return refuse(400, {}, m.web_form_unreadable({}, opts));
  // Every field's problem at once, before anything is sent.
  const issues = teachFormIssues(values);
  if (Object.keys(issues).length > 0) {
    return refuse(400, messages(issues, locale), m.teach_form_fix({}, opts));
  }
  const proposal = teachProposalOf(values);
  let target: string;
  try {
    if (mode === 'submit') {
      const done = await locals.api.teach.submit.mutate({ ...proposal, idempotencyKey });
      target = `/teach/my?sent=${encodeURIComponent(done.applicationId)}`;
    } else {
      const applicationId = String(form.get('applicationId') ?? '');
      const note = String(form.get('note') ?? '').slice(0, 2000);
      const done = await locals.api.teach.resubmit.mutate({ ...proposal, applicationId, note });
      target = `/teach/my?resent=${encodeURIComponent(done.applicationId)}`;
    }
  } catch (cause) {
    const failure = readApiFailure(cause);
    const status = failure?.httpStatus;
    if (!failure || !status || status >= 500) {
      console.error(`[web] teach.${mode} failed`, failure ?? cause);
      return refuse(500, {}, m.web_my_error_unexpected({}, opts));
    }
    const field = failure.field;
    return field && field in values
      ? refuse(status, { [field]: failure.message }, m.teach_form_fix({}, opts))
      : refuse(status, {}, failure.message);
  }
  redirect(303, localizeHref(target, opts));
}

export const actions: Actions = {
  request: ({ request, locals }) => requestSignInCode(request, locals),
  verify: ({ request, locals }) => verifySignInCode(request, locals, '/teach/apply'),
  /** A new application. */
  submit: ({ request, locals }) => send(request, locals, 'submit'),
  /** An application sent back, edited and submitted again. */
  resubmit: ({ request, locals }) => send(request, locals, 'resubmit'),
};
