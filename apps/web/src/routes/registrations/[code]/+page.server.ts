import { error, fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { m } from '@seoro/i18n';
import { codeGroups, formatCode } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import { localizeHref } from '@seoro/i18n/runtime';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND = new Set(['code_not_found', 'code_invalid']);

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  const opts = { locale: locals.locale };
  // Accept the code however it was typed or linked ("7kq2m9xd", "7KQ2-M9XD").
  const code =
    codeGroups(params.code).join('').length === 8 ? formatCode(params.code) : params.code;

  let registration;
  try {
    registration = await locals.api.registration.byCode.query({ code });
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.domainCode === 'rate_limited' || failure?.httpStatus === 429) {
      error(429, { message: m.web_error_rate_limited_title({}, opts), kind: 'rate_limited' });
    }
    if (
      (failure?.domainCode && NOT_FOUND.has(failure.domainCode)) ||
      failure?.httpStatus === 404 ||
      failure?.httpStatus === 400
    ) {
      error(404, {
        message: m.web_error_registration_title({}, opts),
        kind: 'registration_not_found',
      });
    }
    console.error('[web] registration.byCode failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }

  // Our own SVG from our own data, rendered with {@html}: no image request, nothing external.
  const qrSvg = await QRCode.toString(registration.code, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });

  // Personal (if masked) data: never in a shared cache.
  setHeaders({ 'cache-control': 'private, no-store' });
  return { registration, qrSvg };
};

export const actions: Actions = {
  /**
   * The first step of a cancel: the number is read, and the page asks "cancel it?" with the same
   * words as "my registrations" before anything changes (a page of its own without JavaScript).
   */
  ask: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      return fail(400, { cancel: { phone: '', message: m.web_form_unreadable({}, opts) } });
    }
    const phone = String(form.get('phone') ?? '').trim();
    if (!phone) {
      return fail(400, { cancel: { phone, message: m.web_reg_error_phone_missing({}, opts) } });
    }
    return { ask: { phone } };
  },

  /** Cancels, or leaves the waitlist, proven by the phone number the registration was made with. */
  cancel: async ({ request, params, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      return fail(400, { cancel: { phone: '', message: m.web_form_unreadable({}, opts) } });
    }
    const phone = String(form.get('phone') ?? '').trim();
    if (!phone) {
      return fail(400, { cancel: { phone, message: m.web_reg_error_phone_missing({}, opts) } });
    }
    try {
      await locals.api.registration.cancel.mutate({ code: params.code, phone });
    } catch (cause) {
      // A wrong number gets the same sentence as an unknown code: neither can be probed alone.
      const mismatch = () => m.web_cancel_mismatch({}, opts);
      const refusal = formRefusal(cause, {
        phone: () => m.err_invalid_phone({}, opts),
        code: mismatch,
      });
      if (!refusal) {
        console.error('[web] registration.cancel failed', readApiFailure(cause) ?? cause);
        return fail(500, { cancel: { phone, message: m.web_reg_error_unexpected({}, opts) } });
      }
      const message = refusal.domainCode === 'code_not_found' ? mismatch() : refusal.message;
      return fail(refusal.status, { cancel: { phone, message } });
    }
    redirect(303, localizeHref(`/registrations/${encodeURIComponent(params.code)}`, opts));
  },
};
