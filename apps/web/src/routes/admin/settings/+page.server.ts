import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import { retentionPeriodText } from '$lib/retention-period';
import type { Actions, PageServerLoad } from './$types';

/** Which form an answer belongs to, so the page shows it there. */
export type SettingsActionName = 'retention' | 'dryRun' | 'run';

/** The periods as typed, sent back with a refusal so nothing typed is lost. */
export interface RetentionValues {
  residents: string;
  messages: string;
}

export interface SettingsFailure {
  failed: {
    action: SettingsActionName;
    field: keyof RetentionValues | 'reason' | null;
    message: string;
    values?: RetentionValues;
  };
}

/** The retention periods and the latest runs; administrators only. */
export const load: PageServerLoad = async ({ locals, parent }) => {
  const opts = { locale: locals.locale };
  const { staff } = await parent();
  if (staff?.role !== 'admin') error(403, { message: m.admin_staff_forbidden({}, opts) });
  try {
    const [policy, runs] = await Promise.all([
      locals.api.staff.retention.policy.query(),
      locals.api.staff.retention.runs.query(),
    ]);
    return { policy, runs, bounds: { min: RETENTION_MONTHS_MIN, max: RETENTION_MONTHS_MAX } };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 403) error(403, { message: m.admin_staff_forbidden({}, opts) });
    console.error('[web] staff.retention failed', failure ?? cause);
    error(503, { message: m.admin_settings_unavailable({}, opts), kind: 'unavailable' });
  }
};

function refuse(
  status: number,
  action: SettingsActionName,
  field: SettingsFailure['failed']['field'],
  message: string,
  values?: RetentionValues,
) {
  return fail(status, { failed: { action, field, message, values } } satisfies SettingsFailure);
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A whole number as typed, or NaN: the service refuses it with the bounds in words. */
const monthsOf = (typed: string) => (/^\d{1,4}$/.test(typed) ? Number(typed) : Number.NaN);

export const actions: Actions = {
  /** Saves the retention periods. */
  retention: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'retention', null, m.web_form_unreadable({}, opts));
    const values = { residents: text(form, 'residents'), messages: text(form, 'messages') };
    const invalid = () =>
      m.err_retention_period_invalid(
        { min: String(RETENTION_MONTHS_MIN), max: String(RETENTION_MONTHS_MAX) },
        opts,
      );
    for (const field of ['residents', 'messages'] as const) {
      if (Number.isNaN(monthsOf(values[field]))) {
        return refuse(400, 'retention', field, invalid(), values);
      }
    }
    try {
      const saved = await locals.api.staff.retention.updatePolicy.mutate({
        residents: monthsOf(values.residents),
        messages: monthsOf(values.messages),
      });
      return {
        done: m.admin_retention_saved(
          {
            residents: retentionPeriodText(saved.residents, opts),
            messages: retentionPeriodText(saved.messages, opts),
          },
          opts,
        ),
      };
    } catch (cause) {
      const refusal = formRefusal(cause, { residents: invalid, messages: invalid });
      if (!refusal) {
        console.error('[web] staff.retention.updatePolicy failed', readApiFailure(cause) ?? cause);
        return refuse(500, 'retention', null, m.web_my_error_unexpected({}, opts), values);
      }
      return refuse(refusal.status, 'retention', refusal.field, refusal.message, values);
    }
  },

  /** Reports what would be destroyed now, and next; changes no personal data. */
  dryRun: async ({ locals }) => {
    const opts = { locale: locals.locale };
    try {
      return { report: await locals.api.staff.retention.dryRun.mutate() };
    } catch (cause) {
      console.error('[web] staff.retention.dryRun failed', readApiFailure(cause) ?? cause);
      return refuse(500, 'dryRun', null, m.web_my_error_unexpected({}, opts));
    }
  },

  /** Destroys what is due now, with the reason staff gave. */
  run: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) return refuse(400, 'run', null, m.web_form_unreadable({}, opts));
    try {
      const report = await locals.api.staff.retention.run.mutate({
        reason: text(form, 'reason').slice(0, 500),
      });
      return {
        done: m.admin_retention_ran(
          {
            residents: String(report.counts.residents),
            messages: String(report.counts.messages),
          },
          opts,
        ),
      };
    } catch (cause) {
      const refusal = formRefusal(cause, { reason: () => m.err_reason_required({}, opts) });
      if (!refusal) {
        console.error('[web] staff.retention.run failed', readApiFailure(cause) ?? cause);
        return refuse(500, 'run', null, m.web_my_error_unexpected({}, opts));
      }
      return refuse(refusal.status, 'run', refusal.field, refusal.message);
    }
  },
};
