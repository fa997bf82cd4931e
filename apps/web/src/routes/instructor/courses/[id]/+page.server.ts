import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { localizeHref } from '@seoro/i18n/runtime';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * One of the instructor's own courses: today's attendance, the roster and a message to the class.
 * Any other course is 404; signed out, back to the instructor's page to sign in.
 */
export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
  const opts = { locale: locals.locale };
  setHeaders({ 'cache-control': 'private, no-store' });
  try {
    const view = await locals.api.instructor.course.query({ courseId: params.id });
    return { view, marked: url.searchParams.get('marked') };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 401 || failure?.domainCode === 'session_expired') {
      redirect(303, localizeHref('/instructor', opts));
    }
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.err_course_not_found({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] instructor.course failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

const MARKS = ['present', 'late', 'absent'] as const;
const isMark = (v: string): v is (typeof MARKS)[number] => (MARKS as readonly string[]).includes(v);

export const actions: Actions = {
  /** One learner's mark at today's meeting; back to the page at that learner (works without JS). */
  mark: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    const enrolmentId = String(form?.get('enrolmentId') ?? '');
    const meetingId = String(form?.get('meetingId') ?? '');
    const mark = String(form?.get('mark') ?? '');
    if (!form || !isMark(mark)) {
      return fail(400, { mark: { enrolmentId, message: m.web_form_unreadable({}, opts) } });
    }
    try {
      await locals.api.instructor.mark.mutate({
        courseId: params.id,
        meetingId,
        enrolmentId,
        mark,
      });
    } catch (cause) {
      const refusal = formRefusal(cause, {});
      if (refusal?.status === 404 && refusal.domainCode === 'course_not_found') {
        error(404, { message: refusal.message, kind: 'course_not_found' });
      }
      if (!refusal) {
        console.error('[web] instructor.mark failed', readApiFailure(cause) ?? cause);
        return fail(500, {
          mark: { enrolmentId, message: m.instructor_error_unexpected({}, opts) },
        });
      }
      return fail(refusal.status, { mark: { enrolmentId, message: refusal.message } });
    }
    redirect(
      303,
      localizeHref(
        `/instructor/courses/${encodeURIComponent(params.id)}?marked=${encodeURIComponent(enrolmentId)}#learner-${enrolmentId}`,
        opts,
      ),
    );
  },

  /** The text to the whole class. */
  message: async ({ request, locals, params }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    const body = String(form?.get('body') ?? '');
    if (!form) {
      return fail(400, { message: { body, error: m.web_form_unreadable({}, opts), sent: null } });
    }
    try {
      const result = await locals.api.instructor.message.mutate({ courseId: params.id, body });
      return { message: { body: '', error: null, sent: result.recipients } };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        body: () => m.err_class_message_too_long({ max: '1000' }, opts),
      });
      if (refusal?.status === 404 && refusal.domainCode === 'course_not_found') {
        error(404, { message: refusal.message, kind: 'course_not_found' });
      }
      if (!refusal) {
        console.error('[web] instructor.message failed', readApiFailure(cause) ?? cause);
        return fail(500, {
          message: { body, error: m.instructor_error_unexpected({}, opts), sent: null },
        });
      }
      return fail(refusal.status, { message: { body, error: refusal.message, sent: null } });
    }
  },
};
