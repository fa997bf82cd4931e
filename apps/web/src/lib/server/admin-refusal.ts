import { fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import type { FieldIssue, Locale } from '@seoro/domain';
import type { FieldErrors, FormValues } from '$lib/admin/programme-form';
import { readApiFailure } from './api-error';

type MessageFn = (params: Record<string, string>, options: { locale: Locale }) => string;
const isMessage = (value: unknown): value is MessageFn => typeof value === 'function';

/** What a refused admin form sends back: its values as typed, and why, by input or as a whole. */
export interface AdminFormFailure {
  /** Which form on the page was refused (a page may hold several). */
  action: string;
  values: FormValues;
  errors: FieldErrors;
  /** A sentence for the form as a whole, or null when every problem sits beside its input. */
  message: string | null;
}

/** Refuses a form with the given problems, changing nothing. */
export function refuseForm(
  status: number,
  action: string,
  values: FormValues,
  errors: FieldErrors,
  message: string | null = null,
) {
  return fail(status, { failed: { action, values, errors, message } satisfies AdminFormFailure });
}

/**
 * A failed API call as the form's answer: a refusal about one of `fields` goes beside it, any
 * other 4xx above the form, and anything else is logged and answered 500 in words.
 */
export function refuseFromApi(
  cause: unknown,
  action: string,
  values: FormValues,
  fields: readonly string[],
  locale: Locale,
) {
  const failure = readApiFailure(cause);
  const status = failure?.httpStatus ?? 500;
  if (!failure || status < 400 || status >= 500) {
    console.error(`[web] admin ${action} failed`, failure ?? cause);
    return refuseForm(500, action, values, {}, m.web_my_error_unexpected({}, { locale }));
  }
  if (failure.field && fields.includes(failure.field)) {
    return refuseForm(status, action, values, { [failure.field]: failure.message });
  }
  return refuseForm(status, action, values, {}, failure.message);
}

/** The admin's sentence for a refusal code (`admin_<code>`, else the shared `err_<code>`). */
export function refusalMessage(
  code: string,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  const messages: Record<string, unknown> = m;
  const fn = [messages[`admin_${code}`], messages[`err_${code}`]].find(isMessage);
  return fn ? fn(params, { locale }) : m.err_invalid_input({}, { locale });
}

/** The first problem with each input, in words. */
export function issueErrors(issues: FieldIssue<string>[], locale: Locale): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.field] ??= refusalMessage(issue.code, locale);
  return errors;
}
