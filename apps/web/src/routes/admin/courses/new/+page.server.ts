import { error, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { checkCourse } from '@seoro/domain';
import {
  COURSE_FIELDS,
  courseApiInput,
  courseInputFrom,
  formValues,
  type FormValues,
} from '$lib/admin/programme-form';
import { href } from '$lib/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { issueErrors, refuseFromApi, refuseForm } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** The term a new course goes into (`?term=`), with the rooms and instructors to choose from. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const opts = { locale: locals.locale };
  const termId = url.searchParams.get('term')?.trim().slice(0, 64) ?? '';
  if (!termId) redirect(303, href('/admin/terms', locals.locale));
  try {
    const options = await locals.api.staff.courseEditor.options.query({ termId });
    const values: FormValues = {
      capacity: '10',
      minLearners: '5',
      onsiteSeats: '0',
      mode: options.term.defaultMode,
      roomId: options.rooms[0]?.id ?? '',
      instructorKind: options.instructors.length > 0 ? 'existing' : 'name',
    };
    return { options, values };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.admin_term_not_found({}, opts) });
    }
    console.error('[web] staff.courseEditor.options failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  /** Adds the course as a draft, then opens its meetings screen to give it its dates. */
  default: async ({ request, locals, url }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return refuseForm(400, 'create', {}, {}, m.web_form_unreadable({}, { locale }));
    const values = formValues(form, COURSE_FIELDS);
    const input = courseInputFrom(values);
    const checked = checkCourse(input);
    if (!checked.ok) return refuseForm(400, 'create', values, issueErrors(checked.issues, locale));
    const termId = url.searchParams.get('term')?.trim().slice(0, 64) ?? '';
    let id: string;
    try {
      ({ id } = await locals.api.staff.courseEditor.create.mutate({
        termId,
        ...courseApiInput(values, input),
        mode: input.mode,
      }));
    } catch (cause) {
      return refuseFromApi(cause, 'create', values, COURSE_FIELDS, locale);
    }
    redirect(303, href(`/admin/courses/${encodeURIComponent(id)}/meetings`, locale));
  },
};
