/** The whole schema. Importing it never opens a database. */
export * from './venue';
export * from './term';
export * from './resident';
export * from './course';
export * from './meeting';
export * from './enrolment';
export * from './attendance';
export * from './instructor-application';
export * from './kiosk';
export * from './staff';
export * from './audit';
export * from './outbox';
export * from './idempotency';
export * from './lottery';
export * from './reminder';
export * from './resident-sign-in-code';
export * from './resident-session';
