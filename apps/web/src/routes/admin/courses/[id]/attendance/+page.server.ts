import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import { formatDate } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

const MARKS = ['present', 'late', 'absent'] as const;
type Mark = (typeof MARKS)[number];
const isMark = (value: string): value is Mark => (MARKS as readonly string[]).includes(value);

/** A refused correction: the cell it belongs to, the field at fault and why. */
export interface CorrectionFailure {
  failed: {
    enrolmentId: string;
    meetingId: string;
    field: 'mark' | 'reason' | null;
    message: string;
  };
}

/**
 * A course's attendance grid. Reading it is audited by the procedure: the page has no other way
 * to get the learners' names and marks.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
  const opts = { locale: locals.locale };
  try {
    const grid = await locals.api.staff.attendance.grid.query({ courseId: params.id });
    return { grid };
  } catch (cause) {
    const failure = readApiFailure(cause);
    if (failure?.httpStatus === 404 || failure?.httpStatus === 400) {
      error(404, { message: m.admin_attendance_not_found({}, opts), kind: 'course_not_found' });
    }
    console.error('[web] staff.attendance.grid failed', failure ?? cause);
    error(503, {
      message: m.web_error_generic_body({ operator: m.common_operator({}, opts) }, opts),
      kind: 'unavailable',
    });
  }
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
  /** Sets one learner's mark at one meeting, with the reason; the change is audited. */
  correct: async ({ request, locals }) => {
    const opts = { locale: locals.locale };
    const form = await readForm(request);
    if (!form) {
      return fail(400, {
        failed: {
          enrolmentId: '',
          meetingId: '',
          field: null,
          message: m.web_form_unreadable({}, opts),
        },
      } satisfies CorrectionFailure);
    }
    const enrolmentId = text(form, 'enrolmentId').slice(0, 64);
    const meetingId = text(form, 'meetingId').slice(0, 64);
    const mark = text(form, 'mark');
    const reason = text(form, 'reason').slice(0, 500);
    const refuse = (status: number, field: CorrectionFailure['failed']['field'], message: string) =>
      fail(status, {
        failed: { enrolmentId, meetingId, field, message },
      } satisfies CorrectionFailure);
    if (!isMark(mark))
      return refuse(400, 'mark', m.admin_attendance_correct_mark_missing({}, opts));
    if (!reason) return refuse(400, 'reason', m.admin_attendance_correct_reason_missing({}, opts));
    try {
      const result = await locals.api.staff.attendance.correct.mutate({
        enrolmentId,
        meetingId,
        mark,
        reason,
      });
      const name = result.maskedName;
      const meeting = m.admin_attendance_meeting_label(
        { seq: result.meeting.seq, date: formatDate(result.meeting.date, locals.locale) },
        opts,
      );
      const words = {
        present: m.admin_attendance_cell_present({}, opts),
        late: m.admin_attendance_cell_late({}, opts),
        absent: m.admin_attendance_cell_absent({}, opts),
      };
      return {
        done: result.changed
          ? m.admin_attendance_correct_done(
              { name, meeting, before: words[result.before.mark], after: words[result.after.mark] },
              opts,
            )
          : m.admin_attendance_correct_unchanged(
              { name, meeting, mark: words[result.after.mark] },
              opts,
            ),
        corrected: { enrolmentId, meetingId },
      };
    } catch (cause) {
      const refusal = formRefusal(cause, {
        reason: () => m.admin_attendance_correct_reason_missing({}, opts),
        mark: () => m.admin_attendance_correct_mark_missing({}, opts),
      });
      if (!refusal) {
        console.error('[web] staff.attendance.correct failed', readApiFailure(cause) ?? cause);
        return refuse(500, null, m.admin_attendance_correct_failed({}, opts));
      }
      if (refusal.status === 403 && !refusal.domainCode) {
        return refuse(403, null, m.admin_attendance_viewer_note({}, opts));
      }
      // The API's sentences for these codes are written for residents at the kiosk; staff get theirs.
      const message =
        {
          check_in_too_early: m.admin_attendance_correct_future({}, opts),
          no_meeting_today: m.admin_attendance_correct_meeting_cancelled({}, opts),
          enrolment_not_confirmed: m.admin_attendance_correct_not_confirmed({}, opts),
          course_not_found: m.admin_attendance_correct_not_found({}, opts),
          enrolment_not_found: m.admin_attendance_correct_not_found({}, opts),
          course_cancelled: m.admin_attendance_course_cancelled({}, opts),
          reason_required: m.admin_attendance_correct_reason_missing({}, opts),
        }[refusal.domainCode ?? ''] ?? refusal.message;
      const field = refusal.field === 'reason' || refusal.field === 'mark' ? refusal.field : null;
      return refuse(refusal.status, field, message);
    }
  },
};
