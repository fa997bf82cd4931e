import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { formatDateRange, formatDateTimeRange, type Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to, so the page shows it there (and on that meeting's row). */
export type MeetingsActionName = 'preview' | 'generate' | 'add' | 'update' | 'cancel' | 'restore';

const RULES = ['skip_extend', 'skip', 'keep'] as const;
type HolidayRule = (typeof RULES)[number];

/** A weekly pattern as the form posts it (kept so the form shows what was typed). */
export interface PatternValues {
  weekdays: number[];
  startTime: string;
  endTime: string;
  first: string;
  length: 'count' | 'until';
  count: string;
  until: string;
  holidayRule: HolidayRule;
  roomId: string;
}

/** The course's meetings and the rooms to choose from. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    const listing = await locals.api.staff.meetings.list.query({ courseId: params.id });
    return { listing };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.admin_meetings_not_found({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] staff.meetings.list failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function readPattern(form: FormData): PatternValues {
  const rule = text(form, 'holidayRule');
  return {
    weekdays: form
      .getAll('weekday')
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n >= 0 && n <= 6),
    startTime: text(form, 'startTime').slice(0, 5),
    endTime: text(form, 'endTime').slice(0, 5),
    first: text(form, 'first').slice(0, 10),
    length: text(form, 'length') === 'until' ? 'until' : 'count',
    count: text(form, 'count').slice(0, 3),
    until: text(form, 'until').slice(0, 10),
    holidayRule: (RULES as readonly string[]).includes(rule)
      ? (rule as HolidayRule)
      : 'skip_extend',
    roomId: text(form, 'roomId').slice(0, 64),
  };
}

function patternInput(courseId: string, v: PatternValues) {
  const count = Number(v.count);
  return {
    courseId,
    weekdays: v.weekdays,
    startTime: v.startTime,
    endTime: v.endTime,
    first: v.first,
    count: v.length === 'count' && Number.isInteger(count) ? count : undefined,
    until: v.length === 'until' ? v.until : undefined,
    holidayRule: v.holidayRule,
    roomId: v.roomId || undefined,
  };
}

/** A refused or failed call as the form's answer; unexpected failures are logged. */
function refused(
  cause: unknown,
  action: MeetingsActionName,
  meetingId: string | null,
  locale: Locale,
  pattern?: PatternValues,
) {
  const opts = { locale };
  const invalid = () => m.err_schedule_invalid({}, opts);
  const refusal = formRefusal(cause, {
    weekdays: invalid,
    startTime: invalid,
    endTime: invalid,
    first: invalid,
    count: invalid,
    until: invalid,
    date: invalid,
    reason: () => m.err_reason_required({}, opts),
  });
  if (!refusal) {
    console.error(`[web] staff.meetings.${action} failed`, readApiFailure(cause) ?? cause);
    return fail(500, {
      failed: { action, meetingId, message: m.web_my_error_unexpected({}, opts), pattern },
    });
  }
  return fail(refusal.status, {
    failed: { action, meetingId, message: refusal.message, field: refusal.field, pattern },
  });
}

const unreadable = (action: MeetingsActionName, locale: Locale) =>
  fail(400, {
    failed: { action, meetingId: null, message: m.web_form_unreadable({}, { locale }) },
  });

export const actions: Actions = {
  /** Shows the dates a weekly pattern gives, the holidays skipped and any clash. Saves nothing. */
  preview: async ({ request, locals, params }) => {
    const form = await readForm(request);
    if (!form) return unreadable('preview', locals.locale);
    const pattern = readPattern(form);
    try {
      const preview = await locals.api.staff.meetings.preview.query(
        patternInput(params.id, pattern),
      );
      return { preview, pattern };
    } catch (cause) {
      return refused(cause, 'preview', null, locals.locale, pattern);
    }
  },

  /** Saves the previewed pattern as the course's schedule. */
  generate: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return unreadable('generate', locals.locale);
    const pattern = readPattern(form);
    try {
      const result = await locals.api.staff.meetings.generate.mutate(
        patternInput(params.id, pattern),
      );
      const done = m.admin_meetings_done_generate(
        {
          count: result.created,
          period: formatDateRange(result.first, result.last, locals.locale, { year: true }),
        },
        opts,
      );
      const skipped = result.skipped.length
        ? ` ${m.admin_meetings_done_generate_skipped({ count: result.skipped.length }, opts)}`
        : '';
      return { done: `${done}${skipped}` };
    } catch (cause) {
      return refused(cause, 'generate', null, locals.locale, pattern);
    }
  },

  /** Adds one meeting. */
  add: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return unreadable('add', locals.locale);
    const slot = readSlot(form);
    try {
      const added = await locals.api.staff.meetings.add.mutate({ courseId: params.id, ...slot });
      return {
        done: m.admin_meetings_done_add({ when: when(slot, locals.locale), seq: added.seq }, opts),
      };
    } catch (cause) {
      return refused(cause, 'add', null, locals.locale);
    }
  },

  /** Moves one meeting; learners are told. */
  update: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return unreadable('update', locals.locale);
    const meetingId = text(form, 'meetingId');
    const slot = readSlot(form);
    try {
      const result = await locals.api.staff.meetings.update.mutate({
        meetingId,
        ...slot,
        reason: text(form, 'reason').slice(0, 500) || undefined,
        locale: locals.locale,
      });
      if (!result.changed) return { done: m.admin_meetings_done_unchanged({}, opts) };
      return {
        done: m.admin_meetings_done_edit(
          { seq: text(form, 'seq'), when: when(slot, locals.locale), count: result.notified },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, 'update', meetingId, locals.locale);
    }
  },

  /** Cancels one meeting with the reason; learners are told. */
  cancel: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return unreadable('cancel', locals.locale);
    const meetingId = text(form, 'meetingId');
    const reason = text(form, 'reason').slice(0, 500);
    if (!reason) {
      return fail(400, {
        failed: {
          action: 'cancel' as const,
          meetingId,
          field: 'reason',
          message: m.err_reason_required({}, opts),
        },
      });
    }
    try {
      const result = await locals.api.staff.meetings.cancel.mutate({
        meetingId,
        reason,
        locale: locals.locale,
      });
      return {
        done: m.admin_meetings_done_cancel(
          { when: when(readSlot(form), locals.locale), count: result.notified },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, 'cancel', meetingId, locals.locale);
    }
  },

  /** Puts a cancelled meeting back if its slot is free; learners are told. */
  restore: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return unreadable('restore', locals.locale);
    const meetingId = text(form, 'meetingId');
    try {
      const result = await locals.api.staff.meetings.restore.mutate({
        meetingId,
        locale: locals.locale,
      });
      return {
        done: m.admin_meetings_done_restore(
          { when: when(readSlot(form), locals.locale), count: result.notified },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, 'restore', meetingId, locals.locale);
    }
  },
};

function readSlot(form: FormData) {
  return {
    date: text(form, 'date').slice(0, 10),
    startTime: text(form, 'startTime').slice(0, 5),
    endTime: text(form, 'endTime').slice(0, 5),
    roomId: text(form, 'roomId').slice(0, 64),
  };
}

/** '3월 4일(목) 오전 10:00~12:00', or the raw text when the form sent something odd. */
function when(slot: { date: string; startTime: string; endTime: string }, locale: Locale) {
  try {
    return formatDateTimeRange(slot.date, slot.startTime, slot.endTime, locale);
  } catch {
    return `${slot.date} ${slot.startTime}–${slot.endTime}`;
  }
}
