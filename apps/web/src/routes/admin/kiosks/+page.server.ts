import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to, so the page shows it there (and on that kiosk's row). */
export type KioskActionName = 'create' | 'update' | 'code' | 'revoke';

/** What a refused change sends back: the form, its kiosk, the field at fault and why. */
export interface KioskFailure {
  failed: {
    action: KioskActionName;
    kioskId: string | null;
    field: string | null;
    message: string;
    /** What was typed into the create form. */
    values?: { name: string; roomId: string; plugins: string[] };
  };
}

/** Every kiosk, the rooms and the kiosk plugins; `now` so "3분 전" reads the same on both sides. */
export const load: PageServerLoad = async ({ locals }) => {
  const opts = { locale: locals.locale };
  try {
    const list = await locals.api.staff.kiosks.list.query();
    return { ...list, now: new Date().toISOString() };
  } catch (cause) {
    console.error('[web] staff.kiosks.list failed', readApiFailure(cause) ?? cause);
    error(503, { message: m.admin_kiosk_unavailable({}, opts), kind: 'unavailable' });
  }
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const plugins = (form: FormData) => form.getAll('plugins').map(String).slice(0, 20);
const roomOf = (form: FormData) => text(form, 'roomId') || null;

function refuse(
  status: number,
  action: KioskActionName,
  kioskId: string | null,
  field: string | null,
  message: string,
  values?: KioskFailure['failed']['values'],
) {
  return fail(status, {
    failed: { action, kioskId, field, message, values },
  } satisfies KioskFailure);
}

/** A refused or failed API call as the form's answer; unexpected failures are logged. */
function refused(
  cause: unknown,
  action: KioskActionName,
  kioskId: string | null,
  locale: Locale,
  values?: KioskFailure['failed']['values'],
) {
  const opts = { locale };
  const refusal = formRefusal(cause, {
    name: () => m.admin_kiosk_name_missing({}, opts),
    reason: () => m.err_reason_required({}, opts),
    roomId: () => m.err_room_not_found({}, opts),
  });
  if (!refusal) {
    console.error(`[web] staff.kiosks.${action} failed`, readApiFailure(cause) ?? cause);
    return refuse(500, action, kioskId, null, m.web_my_error_unexpected({}, opts), values);
  }
  return refuse(refusal.status, action, kioskId, refusal.field, refusal.message, values);
}

export const actions: Actions = {
  /** Adds a kiosk (unpaired) with its room and plugins. */
  create: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'create', null, null, m.web_form_unreadable({}, opts));
    const values = {
      name: text(form, 'name').slice(0, 60),
      roomId: text(form, 'roomId'),
      plugins: plugins(form),
    };
    if (!values.name) {
      return refuse(400, 'create', null, 'name', m.admin_kiosk_name_missing({}, opts), values);
    }
    try {
      const created = await locals.api.staff.kiosks.create.mutate({
        name: values.name,
        roomId: values.roomId || null,
        enabledPlugins: values.plugins as never,
      });
      return { done: m.admin_kiosk_created({ name: created.name }, opts), kioskId: created.id };
    } catch (cause) {
      return refused(cause, 'create', null, locals.locale, values);
    }
  },

  /** Moves a kiosk to another room and sets its plugins. */
  update: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'update', null, null, m.web_form_unreadable({}, opts));
    const kioskId = text(form, 'kioskId');
    try {
      const updated = await locals.api.staff.kiosks.update.mutate({
        kioskId,
        roomId: roomOf(form),
        enabledPlugins: plugins(form) as never,
      });
      const done = updated.changed
        ? m.admin_kiosk_updated({ name: updated.name }, opts)
        : m.admin_kiosk_unchanged({ name: updated.name }, opts);
      return { done, kioskId };
    } catch (cause) {
      return refused(cause, 'update', kioskId, locals.locale);
    }
  },

  /**
   * Makes a pairing code and shows it once: it travels only in this answer, never in a URL or a
   * cookie, and the page cannot show it again.
   */
  code: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'code', null, null, m.web_form_unreadable({}, opts));
    const kioskId = text(form, 'kioskId');
    try {
      const made = await locals.api.staff.kiosks.createPairingCode.mutate({ kioskId });
      return {
        pairing: {
          kioskId: made.kioskId,
          kioskName: made.kioskName,
          code: made.code,
          expiresAt: new Date(made.expiresAt).toISOString(),
        },
      };
    } catch (cause) {
      return refused(cause, 'code', kioskId, locals.locale);
    }
  },

  /** Revokes a kiosk for good, with the reason. */
  revoke: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'revoke', null, null, m.web_form_unreadable({}, opts));
    const kioskId = text(form, 'kioskId');
    const reason = text(form, 'reason');
    if (!reason) {
      return refuse(400, 'revoke', kioskId, 'reason', m.err_reason_required({}, opts));
    }
    try {
      const revoked = await locals.api.staff.kiosks.revoke.mutate({ kioskId, reason });
      return { done: m.admin_kiosk_revoked({ name: revoked.name }, opts), kioskId };
    } catch (cause) {
      return refused(cause, 'revoke', kioskId, locals.locale);
    }
  },
};
