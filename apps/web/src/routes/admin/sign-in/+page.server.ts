import { fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { safeAdminNext } from '$lib/admin/next-path';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** What a refused sign-in sends back: what was typed (never the password) and why. */
export interface SignInFailure {
  email: string;
  field: 'email' | 'password' | null;
  message: string;
  /** Too many wrong passwords: the account waits before it may try again. */
  locked: boolean;
}

/** Emails as people type them: something@somewhere, no spaces. The API has the last word. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** The sign-in form. Someone already signed in goes where they were headed, or the dashboard. */
export const load: PageServerLoad = async ({ parent, url, locals }) => {
  const { staff } = await parent();
  const next = safeAdminNext(url.searchParams.get('next'));
  if (staff) redirect(303, localizeHref(next, { locale: locals.locale }));
  return {
    next,
    // Sent here from another admin page, rather than arriving at the sign-in page itself.
    askedFor: url.searchParams.has('next') && next !== '/admin',
    signedOut: url.searchParams.has('signed-out'),
  };
};

export const actions: Actions = {
  /** Checks the email and password; the right pair sets the staff session cookie. */
  default: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      return fail(400, {
        email: '',
        field: null,
        message: m.web_form_unreadable({}, opts),
        locked: false,
      } satisfies SignInFailure);
    }
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const next = safeAdminNext(String(form.get('next') ?? ''));
    const refuse = (field: SignInFailure['field'], message: string) =>
      fail(400, { email, field, message, locked: false } satisfies SignInFailure);
    if (!email) return refuse('email', m.web_admin_email_missing({}, opts));
    if (!EMAIL_SHAPE.test(email)) return refuse('email', m.web_admin_email_invalid({}, opts));
    if (!password) return refuse('password', m.web_admin_password_missing({}, opts));

    try {
      await locals.api.staff.auth.signIn.mutate({ email, password });
    } catch (cause) {
      const refusal = formRefusal(cause, {
        email: () => m.web_admin_email_invalid({}, opts),
        password: () => m.web_admin_password_missing({}, opts),
      });
      if (!refusal) {
        console.error('[web] staff.auth.signIn failed', readApiFailure(cause) ?? cause);
        return fail(500, {
          email,
          field: null,
          message: m.web_my_error_unexpected({}, opts),
          locked: false,
        } satisfies SignInFailure);
      }
      // A locked account is about the account, not one field: said above the form.
      const locked = refusal.domainCode === 'staff_locked';
      return fail(refusal.status, {
        email,
        field: locked ? null : refusal.field,
        message: refusal.message,
        locked,
      } satisfies SignInFailure);
    }
    redirect(303, localizeHref(next, opts));
  },
};
