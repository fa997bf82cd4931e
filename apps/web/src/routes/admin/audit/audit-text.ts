import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';
import type { Locale } from '@seoro/domain';
import { m } from '@seoro/i18n';

/** An action the audit search filters by, as the procedure's input names them. */
export type AuditAction = NonNullable<
  inferRouterInputs<AppRouter>['staff']['audit']['search']['action']
>;

type Words = (opts: { locale: Locale }) => string;

/**
 * Each action in words, in the order the filter lists them. Typed against the procedure's list of
 * actions: a new kind of audit row fails the build here until it has its words.
 */
const actionWords = {
  'staff.sign_in': (opts) => m.web_admin_audit_action_staff_sign_in({}, opts),
  'staff.sign_in_failed': (opts) => m.web_admin_audit_action_staff_sign_in_failed({}, opts),
  'staff.locked': (opts) => m.web_admin_audit_action_staff_locked({}, opts),
  'staff.sign_out': (opts) => m.web_admin_audit_action_staff_sign_out({}, opts),
  'staff.account_created': (opts) => m.web_admin_audit_action_staff_account_created({}, opts),
  'resident.sign_in_code_sent': (opts) =>
    m.web_admin_audit_action_resident_sign_in_code_sent({}, opts),
  'resident.sign_in': (opts) => m.web_admin_audit_action_resident_sign_in({}, opts),
  'resident.sign_in_failed': (opts) => m.web_admin_audit_action_resident_sign_in_failed({}, opts),
  'resident.sign_out': (opts) => m.web_admin_audit_action_resident_sign_out({}, opts),
  'roster.read': (opts) => m.web_admin_audit_action_roster_read({}, opts),
  'resident.phone_reveal': (opts) => m.web_admin_audit_action_resident_phone_reveal({}, opts),
  'enrolment.create': (opts) => m.web_admin_audit_action_enrolment_create({}, opts),
  'enrolment.cancel': (opts) => m.web_admin_audit_action_enrolment_cancel({}, opts),
  'waitlist.leave': (opts) => m.web_admin_audit_action_waitlist_leave({}, opts),
  'waitlist.move': (opts) => m.web_admin_audit_action_waitlist_move({}, opts),
  'attendance.check_in': (opts) => m.web_admin_audit_action_attendance_check_in({}, opts),
  'attendance.read': (opts) => m.admin_attendance_audit_action_read({}, opts),
  'attendance.correct': (opts) => m.admin_attendance_audit_action_correct({}, opts),
  'attendance.instructor_mark': (opts) => m.instructor_audit_action_mark({}, opts),
  'class_message.send': (opts) => m.instructor_audit_action_message({}, opts),
  'attendance.print': (opts) => m.admin_attendance_audit_action_print({}, opts),
  'export.create': (opts) => m.admin_export_audit_action_create({}, opts),
  'course.capacity': (opts) => m.web_admin_audit_action_course_capacity({}, opts),
  'course.cancel': (opts) => m.web_admin_audit_action_course_cancel({}, opts),
  'course.below_minimum': (opts) => m.web_admin_audit_action_course_below_minimum({}, opts),
  'lottery.draw': (opts) => m.web_admin_audit_action_lottery_draw({}, opts),
  'kiosk.create': (opts) => m.admin_kiosk_audit_create({}, opts),
  'kiosk.update': (opts) => m.admin_kiosk_audit_update({}, opts),
  'kiosk.pairing_code': (opts) => m.admin_kiosk_audit_pairing_code({}, opts),
  'kiosk.paired': (opts) => m.admin_kiosk_audit_paired({}, opts),
  'kiosk.revoke': (opts) => m.admin_kiosk_audit_revoke({}, opts),
  'kiosk.help': (opts) => m.kiosk_help_audit({}, opts),
  'staff.role_changed': (opts) => m.admin_staff_audit_role_changed({}, opts),
  'staff.disabled': (opts) => m.admin_staff_audit_disabled({}, opts),
  'staff.enabled': (opts) => m.admin_staff_audit_enabled({}, opts),
  'staff.unlocked': (opts) => m.admin_staff_audit_unlocked({}, opts),
  'staff.password_reset': (opts) => m.admin_staff_audit_password_reset({}, opts),
  'course.minimum_lowered': (opts) => m.admin_dashboard_audit_minimum_lowered({}, opts),
  'term.registration_extended': (opts) => m.admin_dashboard_audit_window_extended({}, opts),
  'notice.create': (opts) => m.admin_notice_audit_create({}, opts),
  'notice.update': (opts) => m.admin_notice_audit_update({}, opts),
  'notice.remove': (opts) => m.admin_notice_audit_remove({}, opts),
  'resident.data_read': (opts) => m.privacy_audit_action_data_read({}, opts),
  'resident.data_corrected': (opts) => m.privacy_audit_action_data_corrected({}, opts),
  'resident.data_deleted': (opts) => m.privacy_audit_action_data_deleted({}, opts),
  'resident.data_export': (opts) => m.privacy_audit_action_data_export({}, opts),
  'data_request.created': (opts) => m.privacy_audit_action_request_created({}, opts),
  'data_request.resolved': (opts) => m.privacy_audit_action_request_resolved({}, opts),
  'audit.export': (opts) => m.privacy_audit_action_audit_export({}, opts),
  'settings.retention_update': (opts) => m.admin_retention_audit_update({}, opts),
  'retention.run': (opts) => m.admin_retention_audit_run({}, opts),
  'retention.dry_run': (opts) => m.admin_retention_audit_dry_run({}, opts),
  'history.import': (opts) => m.admin_history_audit_import({}, opts),
  'application.submit': (opts) => m.teach_audit_submit({}, opts),
  'application.resubmit': (opts) => m.teach_audit_resubmit({}, opts),
  'application.withdraw': (opts) => m.teach_audit_withdraw({}, opts),
  'application.comment': (opts) => m.teach_audit_comment({}, opts),
  'application.changes_requested': (opts) => m.teach_audit_changes_requested({}, opts),
  'application.reject': (opts) => m.teach_audit_reject({}, opts),
  'application.approve': (opts) => m.teach_audit_approve({}, opts),
  'wishes.hide': (opts) => m.wishes_audit_hide({}, opts),
  'wishes.invite': (opts) => m.wishes_audit_invite({}, opts),
  'teach.opt_out': (opts) => m.wishes_audit_opt_out({}, opts),
} satisfies Record<AuditAction, Words>;

/** The actions staff can filter by, in the filter's order. */
export const auditActions = Object.keys(actionWords).filter(isAuditAction);

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(actionWords, action);
}

/** An action in words; one this page does not know yet shows under its raw name. */
export function actionText(action: string, opts: { locale: Locale }): string {
  return isAuditAction(action)
    ? actionWords[action](opts)
    : m.web_admin_audit_action_other({ action }, opts);
}

/** Why a staff sign-in failed, in words; an unknown code as it is. */
export function signInFailureText(code: string, opts: { locale: Locale }): string {
  switch (code) {
    case 'wrong_password':
      return m.web_admin_audit_failure_wrong_password({}, opts);
    case 'unknown_email':
      return m.web_admin_audit_failure_unknown_email({}, opts);
    case 'disabled':
      return m.web_admin_audit_failure_disabled({}, opts);
    default:
      return code;
  }
}
