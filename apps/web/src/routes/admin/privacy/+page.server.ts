import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const KINDS = ['access', 'correction', 'deletion'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (value: string): value is Kind => (KINDS as readonly string[]).includes(value);

/**
 * 개인정보 요청 (admins only): the requests, open first; a search by whole phone number under a
 * request's reference shows everything held (audited by the API); correction, deletion and the
 * answer follow, each under the same reference. Held data is only ever in an action's answer.
 */
// The admin layout already marks every admin page private, no-store.
export const load: PageServerLoad = async ({ locals, parent, url }) => {
  const opts = { locale: locals.locale };
  const { staff } = await parent();
  if (staff?.role !== 'admin') error(403, { message: m.privacy_admin_forbidden({}, opts) });
  try {
    const requests = await locals.api.staff.privacy.requests.query();
    return { requests, reference: url.searchParams.get('reference')?.slice(0, 40) ?? '' };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 403) error(403, { message: m.privacy_admin_forbidden({}, opts) });
    console.error('[web] staff.privacy.requests failed', failure ?? cause);
    error(503, { message: m.web_admin_unavailable({}, opts), kind: 'unavailable' });
  }
};

type Event = RequestEvent;

/** Reads everything held under `reference` (audited), for the page to show after a step. */
async function show(event: Event, phone: string, reference: string, notice: string | null) {
  const read = await event.locals.api.staff.privacy.read.mutate({ phone, request: { reference } });
  return { held: read.held, reference: read.reference, phone, notice };
}

function unexpected(event: Event, what: string, cause: unknown) {
  console.error(`[web] staff.privacy.${what} failed`, readApiFailure(cause) ?? cause);
  return fail(500, { message: m.privacy_admin_unexpected({}, { locale: event.locals.locale }) });
}

export const actions: Actions = {
  /** Everything held about a phone number, under an existing or a new request. */
  show: async (event) => {
    const opts = { locale: event.locals.locale };
    const form = await readForm(event.request);
    const field = (name: string) => String(form?.get(name) ?? '').trim();
    const phone = field('phone');
    const choice = field('choice');
    const reference = field('reference');
    const kind = field('kind');
    const values = { phone, choice, reference, kind };
    if (!phone) {
      return fail(400, { ...values, message: m.privacy_admin_phone_missing({}, opts) });
    }
    const request =
      choice === 'new' && isKind(kind)
        ? { kind, note: field('note').slice(0, 1000) || undefined }
        : reference
          ? { reference }
          : null;
    if (!request) {
      return fail(400, { ...values, message: m.privacy_admin_reference_missing({}, opts) });
    }
    try {
      const read = await event.locals.api.staff.privacy.read.mutate({ phone, request });
      return { held: read.held, reference: read.reference, phone, notice: null };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        phone: () => m.err_invalid_phone({}, opts),
        reference: () => m.err_data_request_not_found({}, opts),
      });
      if (!refusal) return unexpected(event, 'read', cause);
      return fail(refusal.status, { ...values, message: refusal.message });
    }
  },

  /** Corrects name and/or phone under the request, then shows the data again. */
  correct: async (event) => {
    const opts = { locale: event.locals.locale };
    const form = await readForm(event.request);
    const field = (name: string) => String(form?.get(name) ?? '').trim();
    const phone = field('phone');
    const reference = field('reference');
    const name = field('name');
    const newPhone = field('newPhone');
    try {
      const done = await event.locals.api.staff.privacy.correct.mutate({
        residentId: field('residentId'),
        reference,
        name: name || undefined,
        phone: newPhone || undefined,
      });
      const fields = done.fields
        .map((f) =>
          f === 'name' ? m.privacy_field_name({}, opts) : m.privacy_field_phone({}, opts),
        )
        .join(', ');
      return await show(
        event,
        newPhone || phone,
        reference,
        m.privacy_admin_corrected({ reference, fields }, opts),
      );
    } catch (cause) {
      const refusal = formRefusal(cause, {
        phone: () => m.err_invalid_phone({}, opts),
        name: () => m.err_invalid_name({}, opts),
      });
      if (!refusal) return unexpected(event, 'correct', cause);
      const again = await show(event, phone, reference, null).catch(() => null);
      return fail(refusal.status, { ...again, correctError: refusal.message });
    }
  },

  /** Deletes (anonymises) the resident's data: only with the box ticked, and after no term. */
  delete: async (event) => {
    const opts = { locale: event.locals.locale };
    const form = await readForm(event.request);
    const field = (name: string) => String(form?.get(name) ?? '').trim();
    const phone = field('phone');
    const reference = field('reference');
    if (field('confirm') !== 'yes') {
      const again = await show(event, phone, reference, null).catch(() => null);
      return fail(400, { ...again, deleteError: m.privacy_admin_delete_confirm_missing({}, opts) });
    }
    try {
      await event.locals.api.staff.privacy.delete.mutate({
        residentId: field('residentId'),
        reference,
      });
      return {
        deleted: true,
        reference,
        notice: m.privacy_admin_deleted({ reference }, opts),
      };
    } catch (cause) {
      const refusal = formRefusal(cause, {});
      if (!refusal) return unexpected(event, 'delete', cause);
      const again = await show(event, phone, reference, null).catch(() => null);
      return fail(refusal.status, { ...again, deleteError: refusal.message });
    }
  },

  /** Answers the request: done or refused, with what was done or why. */
  resolve: async (event) => {
    const opts = { locale: event.locals.locale };
    const form = await readForm(event.request);
    const field = (name: string) => String(form?.get(name) ?? '').trim();
    const reference = field('reference');
    const status = field('status') === 'refused' ? 'refused' : 'done';
    try {
      await event.locals.api.staff.privacy.resolve.mutate({
        reference,
        status,
        resolution: field('resolution').slice(0, 1000),
      });
      const word =
        status === 'done' ? m.privacy_status_done({}, opts) : m.privacy_status_refused({}, opts);
      return {
        resolved: true,
        reference,
        notice: m.privacy_admin_resolved({ reference, status: word }, opts),
      };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        resolution: () => m.err_resolution_required({}, opts),
      });
      if (!refusal) return unexpected(event, 'resolve', cause);
      return fail(refusal.status, { reference, resolveError: refusal.message });
    }
  },
};
