import { redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { checkTerm } from '@seoro/domain';
import { TERM_FIELDS, formValues, termInputFrom, type FormValues } from '$lib/admin/programme-form';
import { href } from '$lib/i18n';
import { issueErrors, refuseFromApi, refuseForm } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** A blank term with the program's usual rules: two courses each, completion at 80%. */
export const load: PageServerLoad = () => {
  const values: FormValues = {
    perResidentLimit: '2',
    completionPercent: '80',
    defaultMode: 'first_come',
  };
  return { values };
};

export const actions: Actions = {
  /**
   * Creates the term as a draft. Every problem is said beside its input before the API is asked;
   * the API checks again and its refusal is shown the same way.
   */
  default: async ({ request, locals }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return refuseForm(400, 'create', {}, {}, m.web_form_unreadable({}, { locale }));
    const values = formValues(form, TERM_FIELDS);
    const input = termInputFrom(values);
    const checked = checkTerm(input);
    if (!checked.ok) return refuseForm(400, 'create', values, issueErrors(checked.issues, locale));
    let id: string;
    try {
      ({ id } = await locals.api.staff.terms.create.mutate(input));
    } catch (cause) {
      return refuseFromApi(cause, 'create', values, TERM_FIELDS, locale);
    }
    redirect(303, href(`/admin/terms/${encodeURIComponent(id)}?done=created`, locale));
  },
};
