import { error } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { readApiFailure } from '$lib/server/api-error';
import type { PageServerLoad } from './$types';

/**
 * The printable 출석부 of a course (`?meeting=<id>` for one meeting). Printing names is a view of
 * personal data: the procedure audits it, and the page has no other way to get them.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const opts = { locale: locals.locale };
  const meetingId = url.searchParams.get('meeting')?.trim().slice(0, 64) || undefined;
  try {
    const sheet = await locals.api.staff.attendance.printSheet.query({
      courseId: params.id,
      meetingId,
    });
    return { sheet, meetingId: meetingId ?? null };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      const message = meetingId
        ? m.admin_attendance_print_meeting_not_found({}, opts)
        : m.admin_attendance_not_found({}, opts);
      error(404, { message, kind: 'course_not_found' });
    }
    console.error('[web] staff.attendance.printSheet failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};
