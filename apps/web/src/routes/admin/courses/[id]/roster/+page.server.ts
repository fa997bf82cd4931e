import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { maskName, type Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** The roster's status filter, as `staff.rosters.roster` takes it; anything else shows the default. */
const STATUSES = ['live', 'confirmed', 'waitlisted', 'lottery_pending', 'cancelled'] as const;
export type RosterFilterStatus = (typeof STATUSES)[number];

const isStatus = (value: string | null): value is RosterFilterStatus =>
  (STATUSES as readonly (string | null)[]).includes(value);

/** Which form an answer belongs to, so the page shows it next to that form (and that row). */
export type RosterActionName = 'reveal' | 'move' | 'cancel' | 'capacity' | 'register';

/** What a refused change sends back: the form, its row, the field at fault and why. */
export interface RosterFailure {
  failed: {
    action: RosterActionName;
    enrolmentId: string | null;
    field: string | null;
    message: string;
    /** What was typed into the registration form (never anything else). */
    values?: { name: string; phone: string; consent: boolean };
  };
}

/**
 * A course's roster and waitlist, filtered by the URL (`?q=…&status=…`). Reading it is audited by
 * the procedure; a page that shows the roster has no other way to get it.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const opts = { locale: locals.locale };
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 40);
  const rawStatus = url.searchParams.get('status');
  const status: RosterFilterStatus = isStatus(rawStatus) ? rawStatus : 'live';
  try {
    const roster = await locals.api.staff.rosters.roster.query({
      courseId: params.id,
      q: q || undefined,
      status,
    });
    return { roster, q, status, submissionKey: randomUUID() };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.web_admin_roster_not_found({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] staff.rosters.roster failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

/** The text of a form field, trimmed. */
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The name as a confirmation shows it (김*수): the roster row already shows it whole. */
const shownName = (form: FormData) => maskName(text(form, 'name').slice(0, 40)) || '—';

/** A refused or failed API call as the form's answer; unexpected failures are logged. */
function refused(
  cause: unknown,
  action: RosterActionName,
  enrolmentId: string | null,
  locale: Locale,
  values?: RosterFailure['failed']['values'],
) {
  const opts = { locale };
  const refusal = formRefusal(cause, {
    reason: () => m.err_reason_required({}, opts),
    capacity: () => m.web_admin_roster_capacity_invalid({}, opts),
    toPosition: () => m.web_admin_roster_capacity_invalid({}, opts),
    name: () => m.web_admin_roster_register_name_missing({}, opts),
    phone: () => m.web_admin_roster_register_phone_missing({}, opts),
  });
  if (!refusal) {
    console.error(`[web] staff.rosters.${action} failed`, readApiFailure(cause) ?? cause);
    return fail(500, {
      failed: {
        action,
        enrolmentId,
        field: null,
        message: m.web_my_error_unexpected({}, opts),
        values,
      },
    } satisfies RosterFailure);
  }
  return fail(refusal.status, {
    failed: { action, enrolmentId, field: refusal.field, message: refusal.message, values },
  } satisfies RosterFailure);
}

/** A form the action could not read, or a reason left blank, answered in words. */
function refuse(
  status: number,
  action: RosterActionName,
  enrolmentId: string | null,
  field: string | null,
  message: string,
  values?: RosterFailure['failed']['values'],
) {
  return fail(status, {
    failed: { action, enrolmentId, field, message, values },
  } satisfies RosterFailure);
}

export const actions: Actions = {
  /** Shows one learner's whole phone number; the reason is audited with the resident. */
  reveal: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'reveal', null, null, m.web_form_unreadable({}, opts));
    const enrolmentId = text(form, 'enrolmentId');
    const reason = text(form, 'reason');
    if (!reason) {
      return refuse(400, 'reveal', enrolmentId, 'reason', m.err_reason_required({}, opts));
    }
    try {
      const revealed = await locals.api.staff.rosters.revealPhone.mutate({ enrolmentId, reason });
      return {
        done: m.web_admin_roster_reveal_done({ name: shownName(form) }, opts),
        revealed,
      };
    } catch (cause) {
      return refused(cause, 'reveal', enrolmentId, locals.locale);
    }
  },

  /** Moves a waitlisted learner to another place, with the reason. */
  move: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'move', null, null, m.web_form_unreadable({}, opts));
    const enrolmentId = text(form, 'enrolmentId');
    const reason = text(form, 'reason');
    const toPosition = Number(text(form, 'toPosition'));
    if (!Number.isInteger(toPosition) || toPosition < 1) {
      return refuse(
        400,
        'move',
        enrolmentId,
        'toPosition',
        m.web_admin_roster_capacity_invalid({}, opts),
      );
    }
    if (!reason) return refuse(400, 'move', enrolmentId, 'reason', m.err_reason_required({}, opts));
    try {
      const moved = await locals.api.staff.rosters.moveWaitlist.mutate({
        enrolmentId,
        toPosition,
        reason,
      });
      return { done: m.web_admin_roster_move_done({ name: shownName(form), to: moved.to }, opts) };
    } catch (cause) {
      return refused(cause, 'move', enrolmentId, locals.locale);
    }
  },

  /** Cancels an enrolment on the resident's behalf, with the reason; a freed seat is passed on. */
  cancel: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'cancel', null, null, m.web_form_unreadable({}, opts));
    const enrolmentId = text(form, 'enrolmentId');
    const reason = text(form, 'reason');
    if (!reason) {
      return refuse(400, 'cancel', enrolmentId, 'reason', m.err_reason_required({}, opts));
    }
    try {
      const cancelled = await locals.api.staff.rosters.cancelEnrolment.mutate({
        enrolmentId,
        reason,
      });
      const done = m.web_admin_roster_cancel_done({ name: shownName(form) }, opts);
      const promoted = cancelled.promoted.length;
      return {
        done: promoted ? `${done} ${m.web_admin_roster_promoted({ count: promoted }, opts)}` : done,
      };
    } catch (cause) {
      return refused(cause, 'cancel', enrolmentId, locals.locale);
    }
  },

  /** Changes the course's capacity; more seats confirm people from the waitlist. */
  capacity: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'capacity', null, null, m.web_form_unreadable({}, opts));
    const capacity = Number(text(form, 'capacity'));
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 200) {
      return refuse(
        400,
        'capacity',
        null,
        'capacity',
        m.web_admin_roster_capacity_invalid({}, opts),
      );
    }
    try {
      const changed = await locals.api.staff.rosters.changeCapacity.mutate({
        courseId: params.id,
        capacity,
      });
      const done = m.web_admin_roster_capacity_done({ capacity: changed.capacity }, opts);
      const promoted = changed.promoted.length;
      return {
        done: promoted ? `${done} ${m.web_admin_roster_promoted({ count: promoted }, opts)}` : done,
      };
    } catch (cause) {
      return refused(cause, 'capacity', null, locals.locale);
    }
  },

  /** Registers a resident who asked by phone or at the desk, once they agreed to the notice. */
  register: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'register', null, null, m.web_form_unreadable({}, opts));
    const values = {
      name: text(form, 'name').slice(0, 40),
      phone: text(form, 'phone').slice(0, 20),
      consent: form.get('consent') === 'yes',
    };
    if (!values.name) {
      const message = m.web_admin_roster_register_name_missing({}, opts);
      return refuse(400, 'register', null, 'name', message, values);
    }
    if (!values.phone) {
      const message = m.web_admin_roster_register_phone_missing({}, opts);
      return refuse(400, 'register', null, 'phone', message, values);
    }
    if (!values.consent) {
      const message = m.web_admin_roster_register_consent_missing({}, opts);
      return refuse(400, 'register', null, 'consent', message, values);
    }
    const submission = text(form, 'submission');
    try {
      const result = await locals.api.staff.rosters.register.mutate({
        courseId: params.id,
        ...values,
        locale: locals.locale,
        idempotencyKey: /^[0-9a-f-]{36}$/.test(submission) ? submission : undefined,
      });
      const name = maskName(values.name);
      const done =
        result.status === 'confirmed'
          ? m.web_admin_roster_register_done_confirmed({ name, code: result.code }, opts)
          : result.status === 'waitlisted'
            ? m.web_admin_roster_register_done_waitlisted(
                { name, code: result.code, position: result.waitlistPosition ?? '—' },
                opts,
              )
            : m.web_admin_roster_register_done_lottery({ name, code: result.code }, opts);
      return { done };
    } catch (cause) {
      return refused(cause, 'register', null, locals.locale, values);
    }
  },
};
