import { fail, redirect } from '@sveltejs/kit';
import { formatTypedPhone } from '@seoro/domain';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from './api-error';
import { formRefusal, readForm } from './form';

/** What a refused sign-in step sends back: the step to show, what was typed, and the message. */
export interface SignInFailure {
  step: 'phone' | 'code';
  phone: string;
  field: 'phone' | 'code' | null;
  message: string;
}

/**
 * The resident's sign-in by phone and text code, as `/my` and `/teach` run it: one flow, one
 * session cookie. Step 1 texts a code (the answer does not say whether the number is known).
 */
export async function requestSignInCode(request: Request, locals: App.Locals) {
  const opts = { locale: locals.locale };
  const form = await readForm(request);
  if (!form) {
    return fail(400, {
      step: 'phone',
      phone: '',
      field: null,
      message: m.web_form_unreadable({}, opts),
    } satisfies SignInFailure);
  }
  const phone = String(form.get('phone') ?? '').trim();
  if (!phone) {
    return fail(400, {
      step: 'phone',
      phone,
      field: 'phone',
      message: m.web_reg_error_phone_missing({}, opts),
    } satisfies SignInFailure);
  }
  try {
    await locals.api.registration.my.requestCode.mutate({ phone });
  } catch (cause) {
    const refusal = formRefusal(cause, { phone: () => m.err_invalid_phone({}, opts) });
    if (!refusal) {
      console.error('[web] registration.my.requestCode failed', readApiFailure(cause) ?? cause);
      return fail(500, {
        step: 'phone',
        phone,
        field: null,
        message: m.web_my_error_unexpected({}, opts),
      } satisfies SignInFailure);
    }
    return fail(refusal.status, {
      step: 'phone',
      phone,
      field: refusal.field,
      message: refusal.message,
    } satisfies SignInFailure);
  }
  // Shown back as 010-1234-5678; the next step sends it again as it is shown.
  return { step: 'code' as const, phone: formatTypedPhone(phone) };
}

/** Step 2: the code; the right one sets the session cookie and goes on to `next` (unlocalized). */
export async function verifySignInCode(request: Request, locals: App.Locals, next: string) {
  const opts = { locale: locals.locale };
  const form = await readForm(request);
  if (!form) {
    // Without the number there is no code to check: back to the first step.
    return fail(400, {
      step: 'phone',
      phone: '',
      field: null,
      message: m.web_form_unreadable({}, opts),
    } satisfies SignInFailure);
  }
  const phone = String(form.get('phone') ?? '').trim();
  const code = String(form.get('code') ?? '').trim();
  if (!code) {
    return fail(400, {
      step: 'code',
      phone,
      field: 'code',
      message: m.web_my_code_missing({}, opts),
    } satisfies SignInFailure);
  }
  try {
    await locals.api.registration.my.verifyCode.mutate({ phone, code });
  } catch (cause) {
    const refusal = formRefusal(cause, {
      phone: () => m.err_invalid_phone({}, opts),
      code: () => m.web_my_code_invalid({}, opts),
    });
    if (!refusal) {
      console.error('[web] registration.my.verifyCode failed', readApiFailure(cause) ?? cause);
      return fail(500, {
        step: 'code',
        phone,
        field: null,
        message: m.web_my_error_unexpected({}, opts),
      } satisfies SignInFailure);
    }
    // A number that went wrong since step 1 is fixed there.
    return fail(refusal.status, {
      step: refusal.field === 'phone' ? 'phone' : 'code',
      phone,
      field: refusal.field,
      message: refusal.message,
    } satisfies SignInFailure);
  }
  redirect(303, localizeHref(next, opts));
}
