import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { checkTerm } from '@seoro/domain';
import { TERM_FIELDS, formValues, termInputFrom, termValues } from '$lib/admin/programme-form';
import { href } from '$lib/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { issueErrors, refuseFromApi, refuseForm } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The copy form starts from the source term moved by whole weeks (the week after it ends), so
 * every copied course keeps its weekday; staff change any date before copying.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    const term = await locals.api.staff.terms.get.query({ termId: params.id });
    const { weeks, ...suggestion } = term.copySuggestion;
    return {
      source: {
        id: term.id,
        name: { ko: term.settings.nameKo, en: term.settings.nameEn },
        courses: term.courses.filter((c) => c.status !== 'cancelled').length,
      },
      weeks,
      values: termValues(suggestion),
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.admin_term_not_found({}, opts) });
    }
    console.error('[web] staff.terms.get failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  /** Creates the new draft term with draft copies of the courses, then opens it. */
  default: async ({ request, locals, params }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return refuseForm(400, 'copy', {}, {}, m.web_form_unreadable({}, { locale }));
    const values = formValues(form, TERM_FIELDS);
    const input = termInputFrom(values);
    const checked = checkTerm(input);
    if (!checked.ok) return refuseForm(400, 'copy', values, issueErrors(checked.issues, locale));
    let id: string;
    try {
      ({ id } = await locals.api.staff.terms.copy.mutate({ sourceTermId: params.id, ...input }));
    } catch (cause) {
      return refuseFromApi(cause, 'copy', values, TERM_FIELDS, locale);
    }
    redirect(303, href(`/admin/terms/${encodeURIComponent(id)}?done=copied`, locale));
  },
};
