import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { formatDateTime, kstInstant, type Locale } from '@seoro/domain';
import { readApiFailure } from './api-error';
import { formRefusal, readForm } from './form';

/** Which of the dashboard's course forms an answer belongs to. */
export type BelowMinimumAction = 'extend' | 'lower' | 'cancel';

/** A refused decision: the form, its course, the field at fault and why. */
export interface BelowMinimumFailure {
  failed: {
    action: BelowMinimumAction;
    courseId: string;
    field: string | null;
    message: string;
  };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function refuse(
  status: number,
  action: BelowMinimumAction,
  courseId: string,
  field: string | null,
  message: string,
) {
  return fail(status, {
    failed: { action, courseId, field, message },
  } satisfies BelowMinimumFailure);
}

function refused(cause: unknown, action: BelowMinimumAction, courseId: string, locale: Locale) {
  const opts = { locale };
  const refusal = formRefusal(cause, {
    closesAt: () => m.admin_dashboard_extend_invalid({}, opts),
    minLearners: () => m.admin_dashboard_lower_invalid({}, opts),
    reason: () => m.err_reason_required({}, opts),
  });
  if (!refusal) {
    console.error(`[web] dashboard ${action} failed`, readApiFailure(cause) ?? cause);
    return refuse(500, action, courseId, null, m.web_my_error_unexpected({}, opts));
  }
  return refuse(refusal.status, action, courseId, refusal.field, refusal.message);
}

/** A `datetime-local` value ('2026-01-22T18:00'), read as Korea time; null when malformed. */
export function kstFromLocalInput(value: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  try {
    return kstInstant(match[1], match[2]);
  } catch {
    return null;
  }
}

type Event = Pick<RequestEvent, 'request' | 'locals'>;

/**
 * The dashboard's decisions on a course below its minimum, as form actions that work without
 * JavaScript: extend the term's registration window, lower the minimum, or cancel and notify.
 */
export const belowMinimumActions = {
  /** Extends the registration window of the course's term (every course of the term). */
  extend: async ({ request, locals }: Event) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { formError: m.web_form_unreadable({}, opts) });
    const courseId = text(form, 'courseId');
    const closesAt = kstFromLocalInput(text(form, 'closesAt'));
    if (!closesAt) {
      return refuse(
        400,
        'extend',
        courseId,
        'closesAt',
        m.admin_dashboard_extend_invalid({}, opts),
      );
    }
    try {
      const done = await locals.api.staff.dashboard.extendWindow.mutate({
        courseId,
        closesAt: closesAt.toISOString(),
      });
      return {
        done: m.admin_dashboard_extended(
          { term: text(form, 'term'), closesAt: formatDateTime(new Date(done.to), locals.locale) },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, 'extend', courseId, locals.locale);
    }
  },

  /** Lowers the course's minimum; the flag clears when the confirmed learners reach it. */
  lower: async ({ request, locals }: Event) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { formError: m.web_form_unreadable({}, opts) });
    const courseId = text(form, 'courseId');
    const raw = text(form, 'minLearners');
    const minLearners = Number(raw);
    if (!raw || !Number.isInteger(minLearners) || minLearners < 0 || minLearners > 200) {
      return refuse(
        400,
        'lower',
        courseId,
        'minLearners',
        m.admin_dashboard_lower_invalid({}, opts),
      );
    }
    try {
      const done = await locals.api.staff.dashboard.lowerMinimum.mutate({ courseId, minLearners });
      const said = m.admin_dashboard_lowered(
        { course: text(form, 'course'), from: done.from, to: done.to },
        opts,
      );
      return {
        done: done.flagCleared ? `${said} ${m.admin_dashboard_lowered_cleared({}, opts)}` : said,
      };
    } catch (cause) {
      return refused(cause, 'lower', courseId, locals.locale);
    }
  },

  /** Cancels the course (폐강) with the reason; every learner is told by text. */
  cancel: async ({ request, locals }: Event) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return fail(400, { formError: m.web_form_unreadable({}, opts) });
    const courseId = text(form, 'courseId');
    const reason = text(form, 'reason');
    if (!reason) return refuse(400, 'cancel', courseId, 'reason', m.err_reason_required({}, opts));
    try {
      // The learners' texts go in Korean, the program's language, whatever the admin's page is in.
      const done = await locals.api.staff.courses.cancel.mutate({ courseId, reason });
      return {
        done: m.admin_dashboard_cancelled(
          { course: text(form, 'course'), count: done.notified },
          opts,
        ),
      };
    } catch (cause) {
      return refused(cause, 'cancel', courseId, locals.locale);
    }
  },
};
