import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { checkTerm, type Locale } from '@seoro/domain';
import { TERM_FIELDS, formValues, termInputFrom, termValues } from '$lib/admin/programme-form';
import { pick } from '$lib/i18n';
import { readApiFailure } from '$lib/server/api-error';
import { issueErrors, refuseFromApi, refuseForm } from '$lib/server/admin-refusal';
import { readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** One term: its status, its courses (drafts too) and its settings form. Counts only. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const opts = { locale: locals.locale };
  try {
    const term = await locals.api.staff.terms.get.query({ termId: params.id });
    const done = url.searchParams.get('done');
    return {
      term,
      values: termValues(term.settings),
      arrived: done === 'created' || done === 'copied' ? done : null,
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

const unreadable = (action: string, locale: Locale) =>
  refuseForm(400, action, {}, {}, m.web_form_unreadable({}, { locale }));

/** The course a per-course form names, from its hidden input. */
const courseIdOf = (form: FormData) => String(form.get('courseId') ?? '').slice(0, 64);

export const actions: Actions = {
  /** Saves the settings; every problem is said beside its input, and nothing changes then. */
  save: async ({ request, locals, params }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return unreadable('save', locale);
    const values = formValues(form, TERM_FIELDS);
    const input = termInputFrom(values);
    const checked = checkTerm(input);
    if (!checked.ok) return refuseForm(400, 'save', values, issueErrors(checked.issues, locale));
    try {
      const saved = await locals.api.staff.terms.update.mutate({ termId: params.id, ...input });
      return {
        done:
          saved.changed.length > 0
            ? m.admin_term_saved({ count: saved.changed.length }, { locale })
            : m.admin_term_saved_nothing({}, { locale }),
      };
    } catch (cause) {
      return refuseFromApi(cause, 'save', values, TERM_FIELDS, locale);
    }
  },

  /** Publishes the term: residents see it and its published courses. */
  publish: async ({ locals, params }) => {
    const locale = locals.locale;
    try {
      await locals.api.staff.terms.publish.mutate({ termId: params.id });
      return { done: m.admin_term_published_done({}, { locale }) };
    } catch (cause) {
      return refuseFromApi(cause, 'publish', {}, [], locale);
    }
  },

  /** Takes the term back to a draft; refused, in words, once anyone registered. */
  unpublish: async ({ locals, params }) => {
    const locale = locals.locale;
    try {
      await locals.api.staff.terms.unpublish.mutate({ termId: params.id });
      return { done: m.admin_term_unpublished_done({}, { locale }) };
    } catch (cause) {
      return refuseFromApi(cause, 'unpublish', {}, [], locale);
    }
  },

  /** Publishes every draft course that has meetings; names the ones still without. */
  publishCourses: async ({ locals, params }) => {
    const locale = locals.locale;
    try {
      const result = await locals.api.staff.terms.publishDraftCourses.mutate({
        termId: params.id,
      });
      const done = m.admin_term_courses_published({ count: result.published.length }, { locale });
      const left = result.withoutMeetings.map((c) => pick(c.title, locale)).join(', ');
      return {
        done: left
          ? `${done} ${m.admin_term_courses_left_without_meetings({ titles: left }, { locale })}`
          : done,
      };
    } catch (cause) {
      return refuseFromApi(cause, 'publishCourses', {}, [], locale);
    }
  },

  /** Shows one draft course to residents; refused while it has no meetings. */
  publishCourse: async ({ request, locals }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return unreadable('publishCourse', locale);
    try {
      const result = await locals.api.staff.courseEditor.publish.mutate({
        courseId: courseIdOf(form),
      });
      return {
        done: m.admin_course_published_done({ title: pick(result.title, locale) }, { locale }),
      };
    } catch (cause) {
      return refuseFromApi(cause, 'publishCourse', {}, [], locale);
    }
  },

  /** Hides one course again; refused once anyone registered for it. */
  unpublishCourse: async ({ request, locals }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return unreadable('unpublishCourse', locale);
    try {
      const result = await locals.api.staff.courseEditor.unpublish.mutate({
        courseId: courseIdOf(form),
      });
      return {
        done: m.admin_course_unpublished_done({ title: pick(result.title, locale) }, { locale }),
      };
    } catch (cause) {
      return refuseFromApi(cause, 'unpublishCourse', {}, [], locale);
    }
  },
};
