import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to. */
export type ApplicationActionName = 'reveal' | 'comment' | 'requestChanges' | 'reject' | 'approve';

/** A refused action: the form, the field at fault, why, and what was typed. */
export interface ApplicationFailure {
  failed: { action: ApplicationActionName; field: string | null; message: string; text: string };
}

/**
 * One application for review: the proposal, the applicant (masked), the conversation and the
 * terms it may go into. `?term=<id>` previews where approving into that term puts the course.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const applicationId = params.id;
  let detail;
  try {
    detail = await locals.api.staff.applications.get.query({ applicationId });
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404) error(404, { message: failure.message });
    console.error('[web] staff.applications.get failed', failure ?? cause);
    error(503, {
      message: m.teach_admin_unavailable({}, { locale: locals.locale }),
      kind: 'unavailable',
    });
  }
  const termId = url.searchParams.get('term');
  let preview = null;
  let previewError: string | null = null;
  if (termId && detail.application.status === 'submitted') {
    try {
      preview = await locals.api.staff.applications.previewApproval.query({
        applicationId,
        termId,
      });
    } catch (cause) {
      const failure = readApiFailure(cause);
      if (!failure?.httpStatus || failure.httpStatus >= 500) {
        console.error('[web] staff.applications.previewApproval failed', failure ?? cause);
      }
      previewError = failure?.message ?? m.web_my_error_unexpected({}, { locale: locals.locale });
    }
  }
  return { ...detail, termId, preview, previewError };
};

type Call = (form: FormData, applicationId: string, locals: App.Locals) => Promise<string>;

/** Runs one staff action and answers with what it did, or the refusal beside its form. */
function action(name: ApplicationActionName, textField: string, call: Call) {
  return async ({
    request,
    locals,
    params,
  }: {
    request: Request;
    locals: App.Locals;
    params: { id: string };
  }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    const text = String(form?.get(textField) ?? '');
    const refuse = (status: number, field: string | null, message: string) =>
      fail(status, { failed: { action: name, field, message, text } } satisfies ApplicationFailure);
    if (!form) return refuse(400, null, m.web_form_unreadable({}, opts));
    try {
      const done = await call(form, params.id, locals);
      return { done, action: name };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        [textField]: () => m.err_application_message_required({}, opts),
      });
      if (!refusal) {
        console.error(`[web] staff.applications.${name} failed`, readApiFailure(cause) ?? cause);
        return refuse(500, null, m.web_my_error_unexpected({}, opts));
      }
      return refuse(refusal.status, refusal.field, refusal.message);
    }
  };
}

const str = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
  reveal: action('reveal', 'reason', async (form, applicationId, locals) => {
    const shown = await locals.api.staff.applications.revealPhone.mutate({
      applicationId,
      reason: str(form, 'reason'),
    });
    return m.teach_admin_revealed({ phone: shown.phone }, { locale: locals.locale });
  }),
  comment: action('comment', 'body', async (form, applicationId, locals) => {
    const toApplicant = str(form, 'toApplicant') === 'yes';
    await locals.api.staff.applications.comment.mutate({
      applicationId,
      body: str(form, 'body'),
      toApplicant,
    });
    return toApplicant
      ? m.teach_admin_done_message({}, { locale: locals.locale })
      : m.teach_admin_done_note({}, { locale: locals.locale });
  }),
  requestChanges: action('requestChanges', 'message', async (form, applicationId, locals) => {
    await locals.api.staff.applications.requestChanges.mutate({
      applicationId,
      message: str(form, 'message'),
    });
    return m.teach_admin_done_changes({}, { locale: locals.locale });
  }),
  reject: action('reject', 'reason', async (form, applicationId, locals) => {
    await locals.api.staff.applications.reject.mutate({
      applicationId,
      reason: str(form, 'reason'),
    });
    return m.teach_admin_done_rejected({}, { locale: locals.locale });
  }),
  approve: action('approve', 'message', async (form, applicationId, locals) => {
    const done = await locals.api.staff.applications.approve.mutate({
      applicationId,
      termId: str(form, 'termId'),
      message: str(form, 'message'),
    });
    return m.teach_admin_done_approved(
      {
        term: locals.locale === 'en' ? done.term.nameEn : done.term.nameKo,
        count: String(done.dates.length),
      },
      { locale: locals.locale },
    );
  }),
};
