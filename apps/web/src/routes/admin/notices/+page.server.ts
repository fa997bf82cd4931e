import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { formatDateRange, NOTICE_MAX_CHARS, type Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to, so the page shows it there (and on that notice's row). */
export type NoticeActionName = 'create' | 'update' | 'remove';

/** A notice's fields as the form posts them. */
export interface NoticeValues {
  bodyKo: string;
  bodyEn: string;
  showFrom: string;
  showUntil: string;
}

/** What a refused change sends back: the form, its notice, the field at fault, why, and what was typed. */
export interface NoticeFailure {
  failed: {
    action: NoticeActionName;
    noticeId: string | null;
    field: keyof NoticeValues | null;
    message: string;
    values?: NoticeValues;
  };
}

/** Every notice with its state today; `today` (KST) for the form's default days. */
export const load: PageServerLoad = async ({ locals }) => {
  try {
    return await locals.api.staff.notices.list.query();
  } catch (cause) {
    console.error('[web] staff.notices.list failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.admin_notice_unavailable({}, { locale: locals.locale }),
      kind: 'unavailable',
    });
  }
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

function valuesOf(form: FormData): NoticeValues {
  return {
    // Long enough for the service to say "too long" rather than the post being cut silently.
    bodyKo: text(form, 'bodyKo').slice(0, 1200),
    bodyEn: text(form, 'bodyEn').slice(0, 1200),
    showFrom: text(form, 'showFrom').trim().slice(0, 20),
    showUntil: text(form, 'showUntil').trim().slice(0, 20),
  };
}

function refuse(
  status: number,
  action: NoticeActionName,
  noticeId: string | null,
  field: NoticeFailure['failed']['field'],
  message: string,
  values?: NoticeValues,
) {
  return fail(status, {
    failed: { action, noticeId, field, message, values },
  } satisfies NoticeFailure);
}

/** A refused or failed API call as the form's answer; unexpected failures are logged. */
function refused(
  cause: unknown,
  action: NoticeActionName,
  noticeId: string | null,
  locale: Locale,
  values?: NoticeValues,
) {
  const opts = { locale };
  const tooLong = () => m.err_notice_text_too_long({ max: String(NOTICE_MAX_CHARS) }, opts);
  const refusal = formRefusal(cause, {
    bodyKo: tooLong,
    bodyEn: tooLong,
    showFrom: () => m.err_notice_date_invalid({}, opts),
    showUntil: () => m.err_notice_date_invalid({}, opts),
  });
  if (!refusal) {
    console.error(`[web] staff.notices.${action} failed`, readApiFailure(cause) ?? cause);
    return refuse(500, action, noticeId, null, m.web_my_error_unexpected({}, opts), values);
  }
  return refuse(refusal.status, action, noticeId, refusal.field, refusal.message, values);
}

export const actions: Actions = {
  /** Posts a notice for the kiosks. */
  create: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'create', null, null, m.web_form_unreadable({}, opts));
    const values = valuesOf(form);
    try {
      const created = await locals.api.staff.notices.create.mutate(values);
      const range = formatDateRange(created.showFrom, created.showUntil, locals.locale);
      return { done: m.admin_notice_created({ range }, opts), noticeId: created.id };
    } catch (cause) {
      return refused(cause, 'create', null, locals.locale, values);
    }
  },

  /** Changes a notice's texts or days. */
  update: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'update', null, null, m.web_form_unreadable({}, opts));
    const noticeId = text(form, 'noticeId').trim();
    const values = valuesOf(form);
    try {
      const updated = await locals.api.staff.notices.update.mutate({ noticeId, ...values });
      const range = formatDateRange(values.showFrom, values.showUntil, locals.locale);
      const done = updated.changed
        ? m.admin_notice_updated({ range }, opts)
        : m.admin_notice_unchanged({}, opts);
      return { done, noticeId };
    } catch (cause) {
      return refused(cause, 'update', noticeId, locals.locale, values);
    }
  },

  /** Takes a notice off the kiosks. */
  remove: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'remove', null, null, m.web_form_unreadable({}, opts));
    const noticeId = text(form, 'noticeId').trim();
    try {
      await locals.api.staff.notices.remove.mutate({ noticeId });
      return { done: m.admin_notice_removed({}, opts), noticeId };
    } catch (cause) {
      return refused(cause, 'remove', noticeId, locals.locale);
    }
  },
};
