import type { ServiceContext } from './context';
import { checkInWithCodeInPlace } from './checkin/check-in-with-code';
import { checkInEnrolmentInPlace } from './checkin/check-in-by-phone';
import { cancelCourseInPlace } from './courses/cancel-course';
import { drawCourseLotteryInPlace } from './lottery/draw-course-lottery';
import { cancelRegistrationByCodeInPlace } from './registration/cancel-by-code';
import { cancelEnrolmentInPlace } from './registration/cancel-enrolment';
import { cancelMyEnrolmentInPlace } from './registration/cancel-my-enrolment';
import { changeCourseCapacityInPlace } from './registration/change-course-capacity';
import { moveWaitlistEntryInPlace } from './registration/move-waitlist-entry';
import { registerForCourseInPlace } from './registration/register-for-course';
import { requestResidentCodeInPlace } from './resident-auth/request-resident-code';
import {
  endResidentSessionInPlace,
  signOutResidentInPlace,
  touchResidentSessionInPlace,
} from './resident-auth/resident-session';
import { verifyResidentCodeInPlace } from './resident-auth/verify-resident-code';
import { verifyResidentCodeAtKioskInPlace } from './resident-auth/kiosk-resident-session';
import { readCourseRosterInPlace } from './staff-rosters/read-course-roster';
import { revealResidentPhoneInPlace } from './staff-rosters/reveal-resident-phone';
import { addMeetingInPlace } from './meetings/add-meeting';
import { cancelMeetingInPlace } from './meetings/cancel-meeting';
import { generateMeetingsInPlace } from './meetings/generate-meetings';
import { restoreMeetingInPlace } from './meetings/restore-meeting';
import { updateMeetingInPlace } from './meetings/update-meeting';
import { readAttendanceGridInPlace } from './attendance/read-attendance-grid';
import { correctAttendanceInPlace } from './attendance/correct-attendance';
import { markAttendanceAsInstructorInPlace } from './instructor/mark-attendance';
import { sendClassMessageInPlace } from './instructor/send-class-message';
import { printAttendanceSheetInPlace } from './attendance/print-attendance-sheet';
import { exportTableInPlace } from './exports/export-table';
import { addStaffAccountInPlace } from './staff-auth/create-staff-account';
import { recordStaffSignInInPlace } from './staff-auth/sign-in-staff';
import { copyTermInPlace } from './terms/copy-term';
import { publishDraftCoursesInPlace, setCoursePublishedInPlace } from './terms/course-publication';
import { setTermPublishedInPlace } from './terms/publish-term';
import { createTermInPlace, updateTermInPlace } from './terms/save-term';
import { createCourseInPlace, updateCourseInPlace } from './course-editor/save-course';
import { createKioskInPlace } from './kiosks/create-kiosk';
import { updateKioskInPlace } from './kiosks/update-kiosk';
import { createKioskPairingCodeInPlace } from './kiosks/create-pairing-code';
import { revokeKioskInPlace } from './kiosks/revoke-kiosk';
import { pairKioskWithCodeInPlace } from './kiosks/pair-kiosk-with-code';
import { recordKioskContactInPlace } from './kiosks/kiosk-contact';
import { requestKioskHelpInPlace } from './kiosks/kiosk-help';
import {
  setStaffDisabledInPlace,
  setStaffPasswordHashInPlace,
  setStaffRoleInPlace,
  unlockStaffAccountInPlace,
} from './staff-accounts/change-staff-account';
import { extendRegistrationWindowInPlace } from './courses/extend-registration-window';
import { lowerCourseMinimumInPlace } from './courses/lower-course-minimum';
import { createNoticeInPlace } from './notices/create-notice';
import { updateNoticeInPlace } from './notices/update-notice';
import { removeNoticeInPlace } from './notices/remove-notice';
import { updateRetentionPolicyInPlace } from './privacy/retention-policy';
import { runRetentionInPlace } from './privacy/retention-run';
import { issueCertificateInPlace } from './certificates/issue-certificate';
import { importHistoryInPlace } from './history/import-history';
import {
  correctResidentDataInPlace,
  deleteResidentDataInPlace,
  exportMyDataInPlace,
  readResidentDataInPlace,
  requestMyDeletionInPlace,
  resolveDataRequestInPlace,
} from './privacy/data-rights';
import { exportAuditLogInPlace } from './staff-audit/export-audit-log';
import { submitApplicationInPlace } from './teach/submit-application';
import { resubmitApplicationInPlace } from './teach/resubmit-application';
import { withdrawApplicationInPlace } from './teach/withdraw-application';
import {
  commentOnApplicationInPlace,
  rejectApplicationInPlace,
  requestApplicationChangesInPlace,
  revealApplicantPhoneInPlace,
} from './teach/review-application';
import { approveApplicationInPlace } from './teach/approve-application';
import { addWishInPlace } from './wishes/add-wish';
import { hideWishInPlace } from './wishes/hide-wish';
import { inviteToTeachInPlace, optOutOfTeachInvitesInPlace } from './wishes/teach-invitations';
import {
  endStaffSessionInPlace,
  signOutStaffInPlace,
  touchStaffSessionInPlace,
} from './staff-auth/staff-session';

/** A write service as the writer runs it: `(ctx, input)`, its transactions on `ctx.database`. */
type InPlaceWrite = (ctx: ServiceContext, input: never) => Promise<unknown>;

const inPlace = {
  registerForCourse: registerForCourseInPlace,
  cancelRegistrationByCode: cancelRegistrationByCodeInPlace,
  cancelMyEnrolment: cancelMyEnrolmentInPlace,
  cancelEnrolment: cancelEnrolmentInPlace,
  checkInWithCode: checkInWithCodeInPlace,
  checkInEnrolment: checkInEnrolmentInPlace,
  requestResidentCode: requestResidentCodeInPlace,
  verifyResidentCode: verifyResidentCodeInPlace,
  verifyResidentCodeAtKiosk: verifyResidentCodeAtKioskInPlace,
  endResidentSession: endResidentSessionInPlace,
  touchResidentSession: touchResidentSessionInPlace,
  signOutResident: signOutResidentInPlace,
  cancelCourse: cancelCourseInPlace,
  drawCourseLottery: drawCourseLotteryInPlace,
  changeCourseCapacity: changeCourseCapacityInPlace,
  moveWaitlistEntry: moveWaitlistEntryInPlace,
  recordStaffSignIn: recordStaffSignInInPlace,
  endStaffSession: endStaffSessionInPlace,
  touchStaffSession: touchStaffSessionInPlace,
  signOutStaff: signOutStaffInPlace,
  addStaffAccount: addStaffAccountInPlace,
  readCourseRoster: readCourseRosterInPlace,
  revealResidentPhone: revealResidentPhoneInPlace,
  generateMeetings: generateMeetingsInPlace,
  addMeeting: addMeetingInPlace,
  updateMeeting: updateMeetingInPlace,
  cancelMeeting: cancelMeetingInPlace,
  restoreMeeting: restoreMeetingInPlace,
  createTerm: createTermInPlace,
  updateTerm: updateTermInPlace,
  setTermPublished: setTermPublishedInPlace,
  copyTerm: copyTermInPlace,
  setCoursePublished: setCoursePublishedInPlace,
  publishDraftCourses: publishDraftCoursesInPlace,
  createCourse: createCourseInPlace,
  updateCourse: updateCourseInPlace,
  readAttendanceGrid: readAttendanceGridInPlace,
  correctAttendance: correctAttendanceInPlace,
  markAttendanceAsInstructor: markAttendanceAsInstructorInPlace,
  sendClassMessage: sendClassMessageInPlace,
  printAttendanceSheet: printAttendanceSheetInPlace,
  exportTable: exportTableInPlace,
  createKiosk: createKioskInPlace,
  updateKiosk: updateKioskInPlace,
  createKioskPairingCode: createKioskPairingCodeInPlace,
  revokeKiosk: revokeKioskInPlace,
  pairKioskWithCode: pairKioskWithCodeInPlace,
  recordKioskContact: recordKioskContactInPlace,
  requestKioskHelp: requestKioskHelpInPlace,
  setStaffRole: setStaffRoleInPlace,
  setStaffDisabled: setStaffDisabledInPlace,
  unlockStaffAccount: unlockStaffAccountInPlace,
  setStaffPasswordHash: setStaffPasswordHashInPlace,
  extendRegistrationWindow: extendRegistrationWindowInPlace,
  lowerCourseMinimum: lowerCourseMinimumInPlace,
  createNotice: createNoticeInPlace,
  updateNotice: updateNoticeInPlace,
  removeNotice: removeNoticeInPlace,
  readResidentData: readResidentDataInPlace,
  correctResidentData: correctResidentDataInPlace,
  deleteResidentData: deleteResidentDataInPlace,
  resolveDataRequest: resolveDataRequestInPlace,
  exportMyData: exportMyDataInPlace,
  requestMyDeletion: requestMyDeletionInPlace,
  exportAuditLog: exportAuditLogInPlace,
  updateRetentionPolicy: updateRetentionPolicyInPlace,
  runRetention: runRetentionInPlace,
  issueCertificate: issueCertificateInPlace,
  importHistory: importHistoryInPlace,
  submitApplication: submitApplicationInPlace,
  resubmitApplication: resubmitApplicationInPlace,
  withdrawApplication: withdrawApplicationInPlace,
  commentOnApplication: commentOnApplicationInPlace,
  requestApplicationChanges: requestApplicationChangesInPlace,
  rejectApplication: rejectApplicationInPlace,
  revealApplicantPhone: revealApplicantPhoneInPlace,
  approveApplication: approveApplicationInPlace,
  addWish: addWishInPlace,
  hideWish: hideWishInPlace,
  inviteToTeach: inviteToTeachInPlace,
  optOutOfTeachInvites: optOutOfTeachInvitesInPlace,
} satisfies Record<string, InPlaceWrite>;

/** The name of a write service, a key of `writeOperations`. */
export type WriteOperation = keyof typeof inPlace;
/** Each write service's input, by name. */
export type WriteInputs = { [K in WriteOperation]: Parameters<(typeof inPlace)[K]>[1] };
/** Each write service's result, by name. */
export type WriteResults = { [K in WriteOperation]: Awaited<ReturnType<(typeof inPlace)[K]>> };
export type WriteInput<K extends WriteOperation> = WriteInputs[K];
export type WriteResult<K extends WriteOperation> = WriteResults[K];
/** The write service named `K`, wherever it runs. */
export type WriteService<K extends WriteOperation> = (
  ctx: ServiceContext,
  input: WriteInputs[K],
) => Promise<WriteResults[K]>;

/**
 * The write services, by name: what a process without its own writer hands over (the server's
 * main thread, through `ctx.remote`) and what the writer runs in place (the writer thread calls
 * `writeOperations[operation](ctx, input)`). Each service's file exports its in-place function and
 * the service built from this entry, `writeService('<name>')`; `RemoteWriter.call` takes its names,
 * inputs and results from here, so a name paired with another service's input does not compile.
 *
 * What crossing to the writer thread means for an operation:
 * - its input and its result are copied by structured clone: plain data, arrays, Dates and the
 *   like travel; functions do not, and class instances arrive as plain objects;
 * - it runs on the writer thread with that thread's context: the hooks it fires (`ctx.hooks.fire`)
 *   run there, after the commit, not on the thread that took the request;
 * - a refusal (DomainError) comes back as the same DomainError; any other error arrives as a plain
 *   Error with only its name, message and code (its class, cause and stack stay behind).
 */
export const writeOperations: { readonly [K in WriteOperation]: WriteService<K> } = inPlace;

/** Every name of `writeOperations`. */
export const WRITE_OPERATIONS = Object.keys(writeOperations) as WriteOperation[];
