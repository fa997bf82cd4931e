import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { checkCourse } from '@seoro/domain';
import {
  COURSE_FIELDS,
  courseApiInput,
  courseInputFrom,
  courseValues,
  formValues,
} from '$lib/admin/programme-form';
import { readApiFailure } from '$lib/server/api-error';
import { issueErrors, refuseFromApi, refuseForm } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** One course for its edit form, with its confirmed learners (the capacity's floor). */
export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    const course = await locals.api.staff.courseEditor.get.query({ courseId: params.id });
    return {
      course,
      values: {
        ...courseValues(course.settings),
        roomId: course.roomId,
        instructorKind: course.instructorId ? 'existing' : 'none',
        instructorId: course.instructorId ?? '',
      },
    };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.web_admin_roster_not_found({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] staff.courseEditor.get failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

export const actions: Actions = {
  /** Saves the course; more seats confirm people from the waitlist, and the page says so. */
  default: async ({ request, locals, params }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return refuseForm(400, 'save', {}, {}, m.web_form_unreadable({}, { locale }));
    const values = formValues(form, COURSE_FIELDS);
    const input = courseInputFrom(values);
    const checked = checkCourse(input);
    if (!checked.ok) return refuseForm(400, 'save', values, issueErrors(checked.issues, locale));
    try {
      const saved = await locals.api.staff.courseEditor.update.mutate({
        courseId: params.id,
        ...courseApiInput(values, input),
        mode: input.mode,
      });
      const done =
        saved.changed.length > 0
          ? m.admin_course_saved({ count: saved.changed.length }, { locale })
          : m.admin_term_saved_nothing({}, { locale });
      const promoted = saved.promoted.length;
      return {
        done: promoted
          ? `${done} ${m.web_admin_roster_promoted({ count: promoted }, { locale })}`
          : done,
      };
    } catch (cause) {
      return refuseFromApi(cause, 'save', values, COURSE_FIELDS, locale);
    }
  },
};
