/**
 * The one place that owns the tRPC context and the procedure tiers: public, resident, staff,
 * admin and kiosk. Auth is middleware that narrows the context (`ctx.staff` is non-null after
 * `staffProcedure`). Domain refusals become tRPC errors here, with a sentence in the caller's
 * language; unexpected errors never show their stack.
 */
import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, isDomainError, type DomainErrorCode, type Locale } from '@seoro/domain';
import type { ServiceContext } from '@seoro/services';
import { localizeDomainError, localizeMessage } from './messages';
import type { RateLimiter } from './rate-limit';

/** A signed-in staff member, as the host resolved them from their session. */
export interface StaffIdentity {
  id: string;
  role: 'admin' | 'staff' | 'viewer';
  email: string;
  name: string;
}
/** A paired kiosk, as the host resolved it from its device token. */
export interface KioskIdentity {
  id: string;
  name: string;
  /** The room whose meetings it checks in to; null until staff choose one. */
  roomId: string | null;
  /** Plugin ids staff enabled on it. */
  enabledPlugins: string[];
}

/** Procedure metadata: the tier a procedure belongs to, so tests can enumerate a tier. */
export interface ProcedureMeta {
  tier?: 'kiosk' | 'staff';
}
export interface ResidentIdentity {
  id: string;
}

/**
 * A session as the host carries it (an HttpOnly cookie). The host resolves it before building the
 * context and owns the response, so sign-in and sign-out go through here.
 */
export interface SessionHandle {
  /** The current session's id (the hash of its token), or null when nobody is signed in. */
  readonly id: string | null;
  /** True when the request carried a session that has ended (idle or past its absolute end). */
  readonly expired: boolean;
  /** Gives the client a new session's token; it must never reach page scripts. */
  start(session: { token: string; expiresAt: Date }): void;
  /** Tells the client to forget its session. */
  end(): void;
}
/** The resident's session (phone number proved with a one-time code). */
export type ResidentSessionHandle = SessionHandle;
/** A staff member's session (email and password). */
export type StaffSessionHandle = SessionHandle;

/** Built per request by the server (HTTP) or in-process (SvelteKit server code). */
export interface TrpcContext {
  services: ServiceContext;
  locale: Locale;
  ip: string | null;
  requestId: string;
  rateLimiter: RateLimiter;
  staff: StaffIdentity | null;
  kiosk: KioskIdentity | null;
  resident: ResidentIdentity | null;
  /** Absent where no session can be carried (scripts, tests): sign-in is then refused. */
  residentSession?: ResidentSessionHandle;
  /** Absent where no session can be carried (scripts, tests): staff sign-in is then refused. */
  staffSession?: StaffSessionHandle;
}

const domainErrorStatus: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  invalid_name: 'BAD_REQUEST',
  invalid_phone: 'BAD_REQUEST',
  not_mobile_phone: 'BAD_REQUEST',
  consent_required: 'BAD_REQUEST',
  code_invalid: 'BAD_REQUEST',
  course_not_found: 'NOT_FOUND',
  term_not_found: 'NOT_FOUND',
  code_not_found: 'NOT_FOUND',
  already_registered: 'CONFLICT',
  registration_not_open: 'FORBIDDEN',
  onsite_not_open: 'FORBIDDEN',
  onsite_closed: 'FORBIDDEN',
  registration_closed: 'FORBIDDEN',
  course_full: 'FORBIDDEN',
  check_in_too_early: 'FORBIDDEN',
  check_in_closed: 'FORBIDDEN',
  check_in_time_in_future: 'UNPROCESSABLE_CONTENT',
  check_in_time_too_old: 'UNPROCESSABLE_CONTENT',
  no_meeting_today: 'UNPROCESSABLE_CONTENT',
  no_meeting_today_next: 'UNPROCESSABLE_CONTENT',
  course_ended: 'UNPROCESSABLE_CONTENT',
  enrolment_cancelled: 'FORBIDDEN',
  enrolment_not_confirmed: 'UNPROCESSABLE_CONTENT',
  enrolment_waitlisted: 'UNPROCESSABLE_CONTENT',
  class_in_other_room: 'FORBIDDEN',
  check_in_choice_expired: 'CONFLICT',
  rate_limited: 'TOO_MANY_REQUESTS',
  term_limit_reached: 'FORBIDDEN',
  barred_no_show: 'FORBIDDEN',
  not_cancellable: 'CONFLICT',
  cancel_too_late: 'CONFLICT',
  idempotency_conflict: 'UNPROCESSABLE_CONTENT',
  capacity_below_confirmed: 'CONFLICT',
  reason_required: 'BAD_REQUEST',
  enrolment_not_found: 'NOT_FOUND',
  certificate_not_earned: 'FORBIDDEN',
  certificate_not_found: 'NOT_FOUND',
  lottery_not_due: 'CONFLICT',
  otp_invalid: 'BAD_REQUEST',
  otp_expired: 'BAD_REQUEST',
  session_expired: 'UNAUTHORIZED',
  course_already_cancelled: 'CONFLICT',
  course_cancelled: 'FORBIDDEN',
  staff_sign_in_failed: 'UNAUTHORIZED',
  staff_locked: 'TOO_MANY_REQUESTS',
  weak_password: 'BAD_REQUEST',
  staff_email_taken: 'CONFLICT',
  room_double_booked: 'CONFLICT',
  room_not_found: 'NOT_FOUND',
  meeting_not_found: 'NOT_FOUND',
  meeting_has_attendance: 'CONFLICT',
  schedule_has_attendance: 'CONFLICT',
  meeting_already_cancelled: 'CONFLICT',
  meeting_not_cancelled: 'CONFLICT',
  schedule_invalid: 'BAD_REQUEST',
  term_name_required: 'BAD_REQUEST',
  term_name_too_long: 'BAD_REQUEST',
  term_slug_invalid: 'BAD_REQUEST',
  term_slug_taken: 'CONFLICT',
  term_date_invalid: 'BAD_REQUEST',
  term_ends_before_start: 'BAD_REQUEST',
  term_date_time_invalid: 'BAD_REQUEST',
  term_window_closes_before_opens: 'BAD_REQUEST',
  term_onsite_incomplete: 'BAD_REQUEST',
  term_limit_out_of_range: 'BAD_REQUEST',
  term_percent_out_of_range: 'BAD_REQUEST',
  term_mode_invalid: 'BAD_REQUEST',
  term_has_live_enrolments: 'CONFLICT',
  course_title_required: 'BAD_REQUEST',
  course_summary_required: 'BAD_REQUEST',
  course_text_too_long: 'BAD_REQUEST',
  course_capacity_out_of_range: 'BAD_REQUEST',
  course_min_learners_out_of_range: 'BAD_REQUEST',
  course_fee_out_of_range: 'BAD_REQUEST',
  course_onsite_seats_out_of_range: 'BAD_REQUEST',
  course_onsite_seats_lottery_only: 'BAD_REQUEST',
  course_note_korean_required: 'BAD_REQUEST',
  course_has_no_meetings: 'CONFLICT',
  course_has_live_enrolments: 'CONFLICT',
  course_mode_locked: 'CONFLICT',
  course_room_not_found: 'UNPROCESSABLE_CONTENT',
  course_instructor_not_found: 'UNPROCESSABLE_CONTENT',
  course_instructor_resident_not_found: 'UNPROCESSABLE_CONTENT',
  course_instructor_name_required: 'BAD_REQUEST',
  staff_not_found: 'NOT_FOUND',
  last_admin: 'CONFLICT',
  kiosk_not_found: 'NOT_FOUND',
  kiosk_name_taken: 'CONFLICT',
  kiosk_revoked: 'CONFLICT',
  pairing_code_invalid: 'BAD_REQUEST',
  window_not_extended: 'BAD_REQUEST',
  minimum_not_lowered: 'BAD_REQUEST',
  notice_text_required: 'BAD_REQUEST',
  notice_text_too_long: 'BAD_REQUEST',
  notice_date_invalid: 'BAD_REQUEST',
  notice_ends_before_start: 'BAD_REQUEST',
  notice_not_found: 'NOT_FOUND',
  instructor_attendance_not_open: 'FORBIDDEN',
  class_message_required: 'BAD_REQUEST',
  class_message_too_long: 'BAD_REQUEST',
  class_message_limit: 'UNPROCESSABLE_CONTENT',
  resident_not_found: 'NOT_FOUND',
  data_request_not_found: 'NOT_FOUND',
  data_request_closed: 'CONFLICT',
  phone_taken: 'CONFLICT',
  correction_empty: 'BAD_REQUEST',
  resident_has_ongoing_places: 'CONFLICT',
  resolution_required: 'BAD_REQUEST',
  deletion_request_open: 'CONFLICT',
  retention_period_invalid: 'BAD_REQUEST',
  history_file_too_large: 'PAYLOAD_TOO_LARGE',
  history_file_unreadable: 'BAD_REQUEST',
  history_columns_missing: 'BAD_REQUEST',
  history_file_empty: 'BAD_REQUEST',
  history_file_changed: 'CONFLICT',
  history_has_problems: 'UNPROCESSABLE_CONTENT',
  application_text_required: 'BAD_REQUEST',
  application_text_too_long: 'BAD_REQUEST',
  application_meetings_out_of_range: 'BAD_REQUEST',
  application_weekday_invalid: 'BAD_REQUEST',
  application_duration_out_of_range: 'BAD_REQUEST',
  application_time_invalid: 'BAD_REQUEST',
  application_fee_out_of_range: 'BAD_REQUEST',
  application_capacity_out_of_range: 'BAD_REQUEST',
  application_yongsan_required: 'BAD_REQUEST',
  application_exclusions_required: 'BAD_REQUEST',
  application_not_found: 'NOT_FOUND',
  application_not_editable: 'CONFLICT',
  application_not_withdrawable: 'CONFLICT',
  application_already_decided: 'CONFLICT',
  application_message_required: 'BAD_REQUEST',
  application_term_not_open: 'CONFLICT',
  application_no_free_slot: 'CONFLICT',
  wish_topic_invalid: 'BAD_REQUEST',
  wish_text_too_short: 'BAD_REQUEST',
  wish_text_too_long: 'BAD_REQUEST',
  wish_text_has_phone: 'BAD_REQUEST',
  wish_not_found: 'NOT_FOUND',
  teach_opt_out_invalid: 'BAD_REQUEST',
};

/** The input field a refusal is about, so forms can put the message next to it. */
const domainErrorField: Partial<Record<DomainErrorCode, string>> = {
  invalid_name: 'name',
  invalid_phone: 'phone',
  not_mobile_phone: 'phone',
  consent_required: 'consent',
  code_invalid: 'code',
  code_not_found: 'code',
  reason_required: 'reason',
  otp_invalid: 'code',
  otp_expired: 'code',
  staff_sign_in_failed: 'password',
  weak_password: 'password',
  staff_email_taken: 'email',
  term_slug_invalid: 'slug',
  term_slug_taken: 'slug',
  term_ends_before_start: 'endsOn',
  term_limit_out_of_range: 'perResidentLimit',
  course_title_required: 'titleKo',
  course_summary_required: 'summaryKo',
  course_capacity_out_of_range: 'capacity',
  course_min_learners_out_of_range: 'minLearners',
  course_fee_out_of_range: 'materialsFeeWon',
  course_onsite_seats_out_of_range: 'onsiteSeats',
  course_onsite_seats_lottery_only: 'onsiteSeats',
  course_note_korean_required: 'materialsNoteKo',
  course_room_not_found: 'roomId',
  course_instructor_not_found: 'instructorId',
  course_instructor_resident_not_found: 'instructorPhone',
  course_instructor_name_required: 'instructorName',
  kiosk_name_taken: 'name',
  room_not_found: 'roomId',
  pairing_code_invalid: 'code',
  window_not_extended: 'closesAt',
  minimum_not_lowered: 'minLearners',
  notice_text_required: 'bodyKo',
  notice_ends_before_start: 'showUntil',
  class_message_required: 'body',
  class_message_too_long: 'body',
  phone_taken: 'phone',
  correction_empty: 'name',
  resolution_required: 'resolution',
  data_request_not_found: 'reference',
  application_meetings_out_of_range: 'meetingCount',
  application_weekday_invalid: 'preferredWeekday',
  application_duration_out_of_range: 'durationMinutes',
  application_time_invalid: 'preferredStartTime',
  application_fee_out_of_range: 'materialsFeeWon',
  application_capacity_out_of_range: 'capacity',
  application_yongsan_required: 'yongsanConfirmed',
  application_exclusions_required: 'exclusionsAccepted',
  application_message_required: 'message',
  application_term_not_open: 'termId',
  application_no_free_slot: 'termId',
  wish_topic_invalid: 'topic',
  wish_text_too_short: 'text',
  wish_text_too_long: 'text',
  wish_text_has_phone: 'text',
};

/**
 * The field a refusal names: its own `field` param where one code serves several inputs (a
 * percentage, a date-time), else the code's field.
 */
function fieldOf(error: DomainError): string | null {
  const own = error.params.field;
  return typeof own === 'string' ? own : (domainErrorField[error.code] ?? null);
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const locale: Locale = ctx?.locale ?? 'ko';
      const { stack: _stack, ...data } = shape.data;
      const cause = error.cause;
      if (isDomainError(cause)) {
        return {
          ...shape,
          message: localizeDomainError(cause, locale),
          data: { ...data, domainCode: cause.code, field: fieldOf(cause) },
        };
      }
      if (cause instanceof ZodError) {
        const issue = cause.issues[0];
        return {
          ...shape,
          message: localizeMessage('err_invalid_input', locale),
          data: {
            ...data,
            domainCode: null,
            field: issue ? String(issue.path[0] ?? '') || null : null,
            issues: cause.issues.map((i) => ({ path: i.path.map(String), code: i.code })),
          },
        };
      }
      // What tRPC itself refuses before a procedure runs (a body or `input` that is not JSON, a
      // batch input that is not an object) comes with the parser's English; the caller gets the
      // same sentence as for any other bad input.
      if (error.code === 'PARSE_ERROR' || error.code === 'BAD_REQUEST') {
        return {
          ...shape,
          message: localizeMessage('err_invalid_input', locale),
          data: { ...data, domainCode: null, field: null },
        };
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        return {
          ...shape,
          message: localizeMessage('err_unexpected', locale),
          data: { ...data, domainCode: null, field: null },
        };
      }
      return { ...shape, data: { ...data, domainCode: null, field: null } };
    },
  });

/** Turns a DomainError thrown by a service into a tRPC error with the right status. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: domainErrorStatus[cause.code], message: cause.code, cause });
  }
  return result;
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Anyone. */
export const publicProcedure = t.procedure.use(domainErrors);

/** A resident who proved their phone number (one-time code); arrives with self-service. */
export const residentProcedure = publicProcedure.use(({ ctx, next }) => {
  // An ended session gets a sentence saying so; a caller who never signed in, a bare 401.
  if (!ctx.resident && ctx.residentSession?.expired) throw new DomainError('session_expired');
  if (!ctx.resident) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, resident: ctx.resident } });
});

/** A signed-in staff member of any role. */
export const staffProcedure = publicProcedure.meta({ tier: 'staff' }).use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/** A signed-in staff member who may change things: staff or admin (viewers only look). */
export const staffEditorProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staff.role === 'viewer') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx });
});

/** A signed-in administrator. */
export const adminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staff.role !== 'admin') throw new TRPCError({ code: 'FORBIDDEN' });
  return next({ ctx });
});

/**
 * Calls a paired kiosk makes. The host resolves the device token the kiosk sends with every call
 * (`x-seoro-kiosk-token`); without a live one (never paired, re-paired since, or revoked) the
 * answer is a bare 401, and the kiosk goes back to its pairing screen.
 */
export const kioskProcedure = publicProcedure.meta({ tier: 'kiosk' }).use(({ ctx, next }) => {
  if (!ctx.kiosk) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { ...ctx, kiosk: ctx.kiosk } });
});

/** The header a kiosk sends its device token in. */
export const KIOSK_TOKEN_HEADER = 'x-seoro-kiosk-token';
