/**
 * `@seoro/services`: one function per operation, the only code that writes. Each checks its input
 * first and does its writes in one transaction through `Database.write`.
 */
export * from './context';
export * from './write-operations';
export * from './hooks';
export * from './views';
export * from './catalogue/get-current-catalogue';
export * from './catalogue/get-course';
export * from './registration/register-for-course';
export * from './registration/get-registration-by-code';
export * from './checkin/today-at-room';
export * from './checkin/check-in-with-code';
export * from './registration/promote';
export * from './registration/cancel-enrolment';
export * from './registration/change-course-capacity';
export * from './registration/move-waitlist-entry';
export * from './registration/cancel-by-code';
export * from './notifications';
export * from './lottery/draw-course-lottery';
export * from './reminders/queue-meeting-reminders';
export * from './courses/flag-courses-below-minimum';
export * from './courses/cancel-course';
export * from './resident-auth/request-resident-code';
export * from './resident-auth/verify-resident-code';
export * from './resident-auth/resident-session';
export * from './resident-auth/purge-sign-ins';
export * from './registration/list-my-registrations';
export * from './registration/cancel-my-enrolment';
export * from './staff-auth/passwords';
export * from './staff-auth/staff-session';
export * from './staff-auth/sign-in-staff';
export * from './staff-auth/create-staff-account';
export * from './staff-audit/search-audit-log';
export * from './staff-rosters/list-term-courses';
export * from './staff-rosters/read-course-roster';
export * from './staff-rosters/reveal-resident-phone';
export * from './kiosks';
export * from './staff-accounts';
export * from './courses/list-courses-below-minimum';
export * from './courses/extend-registration-window';
export * from './courses/lower-course-minimum';
