/**
 * Domain errors carry a stable machine code instead of a message: the web and kiosk apps translate
 * the code (with `params` for interpolation) into Korean or English, and logs stay grep-able.
 */

/** Every error code the domain can raise; the list is the single source of truth for `DomainErrorCode`. */
export const DOMAIN_ERROR_CODES = [
  'registration_not_open',
  'registration_closed',
  // On-site (kiosk) signup has its own window.
  'onsite_not_open',
  'onsite_closed',
  'already_registered',
  'course_not_found',
  'term_not_found',
  'invalid_phone',
  'not_mobile_phone',
  'invalid_name',
  'consent_required',
  'code_invalid',
  'code_not_found',
  'no_meeting_today',
  // At the kiosk: no class today, with the next one's date, time and room; or none left at all.
  'no_meeting_today_next',
  'course_ended',
  // A known code whose registration was cancelled (by the resident or staff).
  'enrolment_cancelled',
  'check_in_too_early',
  'check_in_closed',
  // A check-in a kiosk kept while offline, sent with the time of the tap.
  'check_in_time_in_future',
  'check_in_time_too_old',
  'enrolment_not_confirmed',
  'enrolment_waitlisted',
  'class_in_other_room',
  'check_in_choice_expired',
  'rate_limited',
  'course_full',
  'term_limit_reached',
  'barred_no_show',
  'not_cancellable',
  'cancel_too_late',
  'idempotency_conflict',
  'capacity_below_confirmed',
  'reason_required',
  'enrolment_not_found',
  'certificate_not_earned',
  'certificate_not_found',
  'lottery_not_due',
  'otp_invalid',
  'otp_expired',
  'session_expired',
  'course_already_cancelled',
  'course_cancelled',
  'staff_sign_in_failed',
  'staff_locked',
  'weak_password',
  'staff_email_taken',
  'room_double_booked',
  'room_not_found',
  'meeting_not_found',
  'meeting_has_attendance',
  'schedule_has_attendance',
  'meeting_already_cancelled',
  'meeting_not_cancelled',
  'schedule_invalid',
  // The admin's terms and course form; their sentences are admin_<code> in the admin catalogue.
  'term_name_required',
  'term_name_too_long',
  'term_slug_invalid',
  'term_slug_taken',
  'term_date_invalid',
  'term_ends_before_start',
  'term_date_time_invalid',
  'term_window_closes_before_opens',
  'term_onsite_incomplete',
  'term_limit_out_of_range',
  'term_percent_out_of_range',
  'term_mode_invalid',
  'term_has_live_enrolments',
  'course_title_required',
  'course_summary_required',
  'course_text_too_long',
  'course_capacity_out_of_range',
  'course_min_learners_out_of_range',
  'course_fee_out_of_range',
  'course_onsite_seats_out_of_range',
  'course_onsite_seats_lottery_only',
  'course_note_korean_required',
  'course_has_no_meetings',
  'course_has_live_enrolments',
  'course_mode_locked',
  'course_room_not_found',
  'course_instructor_not_found',
  'course_instructor_resident_not_found',
  'course_instructor_name_required',
  'staff_not_found',
  'last_admin',
  'kiosk_not_found',
  'kiosk_name_taken',
  'kiosk_revoked',
  'pairing_code_invalid',
  'window_not_extended',
  'minimum_not_lowered',
  'notice_text_required',
  'notice_text_too_long',
  'notice_date_invalid',
  'notice_ends_before_start',
  'notice_not_found',
  // The instructor's own view: attendance outside its window, and messages to the class.
  'instructor_attendance_not_open',
  'class_message_required',
  'class_message_too_long',
  'class_message_limit',
  // Residents' data rights (see, correct, delete) and the requests staff answer.
  'resident_not_found',
  'data_request_not_found',
  'data_request_closed',
  'phone_taken',
  'correction_empty',
  'resident_has_ongoing_places',
  'resolution_required',
  'deletion_request_open',
  // A retention period outside the allowed months; `field` names which one.
  'retention_period_invalid',
  // Importing past terms from a spreadsheet.
  'history_file_too_large',
  'history_file_unreadable',
  'history_columns_missing',
  'history_file_empty',
  'history_file_changed',
  'history_has_problems',
  // Applying to teach and the staff review.
  'application_text_required',
  'application_text_too_long',
  'application_meetings_out_of_range',
  'application_weekday_invalid',
  'application_duration_out_of_range',
  'application_time_invalid',
  'application_fee_out_of_range',
  'application_capacity_out_of_range',
  'application_yongsan_required',
  'application_exclusions_required',
  'application_not_found',
  'application_not_editable',
  'application_not_withdrawable',
  'application_already_decided',
  'application_message_required',
  'application_term_not_open',
  'application_no_free_slot',
  'wish_topic_invalid',
  'wish_text_too_short',
  'wish_text_too_long',
  'wish_text_has_phone',
  'wish_not_found',
  'teach_opt_out_invalid',
] as const;

/** A stable, translatable reason a domain operation was refused. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(DOMAIN_ERROR_CODES);

/** An expected refusal (not a bug): carries a code for translation and params for the message. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: DomainErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** Recognises a DomainError even when it comes from a second copy of this module (bundled apps, Vite SSR). */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  if (!(e instanceof Error) || e.name !== 'DomainError') return false;
  const { code, params } = e as Partial<DomainError>;
  return (
    typeof code === 'string' && CODES.has(code) && typeof params === 'object' && params !== null
  );
}
