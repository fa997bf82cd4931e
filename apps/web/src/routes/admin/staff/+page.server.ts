import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';
import { roleName, type StaffRole } from '$lib/admin/nav';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to, so the page shows it there (and on that account's row). */
export type StaffActionName = 'create' | 'role' | 'disable' | 'enable' | 'unlock' | 'reset';

export interface StaffFailure {
  failed: {
    action: StaffActionName;
    staffId: string | null;
    field: string | null;
    message: string;
    /** What was typed into the create form (never a password). */
    values?: { email: string; name: string; role: StaffRole };
  };
}

const ROLES: readonly StaffRole[] = ['admin', 'staff', 'viewer'];
const isRole = (value: string): value is StaffRole => (ROLES as readonly string[]).includes(value);

/** Every staff account, for administrators; `now` so lock times read the same on both sides. */
export const load: PageServerLoad = async ({ locals, parent }) => {
  const opts = { locale: locals.locale };
  const { staff } = await parent();
  if (staff?.role !== 'admin') error(403, { message: m.admin_staff_forbidden({}, opts) });
  try {
    const accounts = await locals.api.staff.accounts.list.query();
    return { accounts, now: new Date().toISOString() };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 403) error(403, { message: m.admin_staff_forbidden({}, opts) });
    console.error('[web] staff.accounts.list failed', failure ?? cause);
    error(503, { message: m.admin_kiosk_unavailable({}, opts), kind: 'unavailable' });
  }
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function refuse(
  status: number,
  action: StaffActionName,
  staffId: string | null,
  field: string | null,
  message: string,
  values?: StaffFailure['failed']['values'],
) {
  return fail(status, {
    failed: { action, staffId, field, message, values },
  } satisfies StaffFailure);
}

function refused(
  cause: unknown,
  action: StaffActionName,
  staffId: string | null,
  locale: Locale,
  values?: StaffFailure['failed']['values'],
) {
  const opts = { locale };
  const refusal = formRefusal(cause, {
    email: () => m.admin_staff_email_invalid({}, opts),
    name: () => m.admin_staff_name_missing({}, opts),
    password: () => m.err_weak_password({}, opts),
  });
  if (!refusal) {
    console.error(`[web] staff.accounts.${action} failed`, readApiFailure(cause) ?? cause);
    return refuse(500, action, staffId, null, m.web_my_error_unexpected({}, opts), values);
  }
  return refuse(refusal.status, action, staffId, refusal.field, refusal.message, values);
}

export const actions: Actions = {
  /** Adds an account; without a typed password, a generated one is shown once. */
  create: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'create', null, null, m.web_form_unreadable({}, opts));
    const role = text(form, 'role');
    const values = {
      email: text(form, 'email').slice(0, 254),
      name: text(form, 'name').slice(0, 60),
      role: isRole(role) ? role : 'viewer',
    };
    const password = String(form.get('password') ?? '');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
      return refuse(400, 'create', null, 'email', m.admin_staff_email_invalid({}, opts), values);
    }
    if (!values.name) {
      return refuse(400, 'create', null, 'name', m.admin_staff_name_missing({}, opts), values);
    }
    try {
      const made = await locals.api.staff.accounts.create.mutate({
        ...values,
        password: password || undefined,
      });
      return {
        done: m.admin_staff_created(
          { name: made.name, email: made.email, role: roleName(made.role, opts) },
          opts,
        ),
        generated: made.generatedPassword
          ? { name: made.name, password: made.generatedPassword }
          : null,
      };
    } catch (cause) {
      return refused(cause, 'create', null, locals.locale, values);
    }
  },

  /** Gives an account another role. */
  role: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'role', null, null, m.web_form_unreadable({}, opts));
    const staffId = text(form, 'staffId');
    const role = text(form, 'role');
    if (!isRole(role)) return refuse(400, 'role', staffId, 'role', m.err_invalid_input({}, opts));
    try {
      const changed = await locals.api.staff.accounts.setRole.mutate({ staffId, role });
      const words = { name: changed.name, role: roleName(changed.role, opts) };
      return {
        done: changed.changed
          ? m.admin_staff_role_changed(words, opts)
          : m.admin_staff_role_unchanged(words, opts),
      };
    } catch (cause) {
      return refused(cause, 'role', staffId, locals.locale);
    }
  },

  /** Disables an account; its sessions end at once. */
  disable: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'disable', null, null, m.web_form_unreadable({}, opts));
    const staffId = text(form, 'staffId');
    try {
      const done = await locals.api.staff.accounts.setDisabled.mutate({ staffId, disabled: true });
      return {
        done: m.admin_staff_disabled({ name: done.name, count: done.endedSessions }, opts),
      };
    } catch (cause) {
      return refused(cause, 'disable', staffId, locals.locale);
    }
  },

  /** Lets a disabled account sign in again. */
  enable: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'enable', null, null, m.web_form_unreadable({}, opts));
    const staffId = text(form, 'staffId');
    try {
      const done = await locals.api.staff.accounts.setDisabled.mutate({ staffId, disabled: false });
      return { done: m.admin_staff_enabled({ name: done.name }, opts) };
    } catch (cause) {
      return refused(cause, 'enable', staffId, locals.locale);
    }
  },

  /** Lifts the lock of repeated wrong passwords. */
  unlock: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'unlock', null, null, m.web_form_unreadable({}, opts));
    const staffId = text(form, 'staffId');
    try {
      const done = await locals.api.staff.accounts.unlock.mutate({ staffId });
      return { done: m.admin_staff_unlocked({ name: done.name }, opts) };
    } catch (cause) {
      return refused(cause, 'unlock', staffId, locals.locale);
    }
  },

  /** A new password, typed or generated (shown once); the account's sessions end. */
  reset: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'reset', null, null, m.web_form_unreadable({}, opts));
    const staffId = text(form, 'staffId');
    const password = String(form.get('password') ?? '');
    try {
      const done = await locals.api.staff.accounts.resetPassword.mutate({
        staffId,
        password: password || undefined,
      });
      return {
        done: m.admin_staff_password_reset({ name: done.name }, opts),
        generated: done.generatedPassword
          ? { name: done.name, password: done.generatedPassword }
          : null,
      };
    } catch (cause) {
      return refused(cause, 'reset', staffId, locals.locale);
    }
  },
};
