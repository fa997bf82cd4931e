import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/** The public record of a lottery course's draw: seed, application numbers and the result. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    const [course, draw] = await Promise.all([
      locals.api.catalogue.course.query({ courseId: params.id }),
      locals.api.registration.lottery.query({ courseId: params.id }),
    ]);
    if (course.mode !== 'lottery') {
      error(404, { message: m.web_error_course_title({}, opts), kind: 'course_not_found' });
    }
    return { course, draw };
  } catch (cause) {
    if ((cause as { status?: number }).status === 404) throw cause;
    const failure = readApiFailure(cause);
    if (failure?.domainCode === 'course_not_found' || failure?.httpStatus === 404) {
      error(404, { message: m.web_error_course_title({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] lottery page failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
