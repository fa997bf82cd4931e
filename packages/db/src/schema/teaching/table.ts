import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { courses } from '../course/table';
import { enrolments } from '../enrolment/table';
import { instructors, residents } from '../resident/table';

/**
 * A completion certificate (수료증), issued once per enrolment that reached its term's completion
 * percentage. `code` is printed with a QR code; the public verification page shows only the masked
 * name, the course, the term and the issue date.
 */
export const certificates = sqliteTable(
  'certificates',
  {
    id: id(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    /** Verification code, ≥ 40 bits of entropy (Crockford base32, e.g. `7K3F-Q9XM-2B`). */
    code: text('code').notNull(),
    issuedAt: instant('issued_at').notNull(),
    /** The attendance that earned it, in percent of the course's meetings, at issue. */
    attendancePercent: integer('attendance_percent').notNull(),
  },
  (t) => [
    uniqueIndex('certificates_enrolment_uq').on(t.enrolmentId),
    uniqueIndex('certificates_code_uq').on(t.code),
  ],
);

/** A message an instructor sent to their whole class (through the outbox), for the daily limit. */
export const classMessages = sqliteTable(
  'class_messages',
  {
    id: id(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id),
    instructorId: text('instructor_id')
      .notNull()
      .references(() => instructors.id),
    body: text('body').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [index('class_messages_course_idx').on(t.courseId, t.sentAt)],
);

/**
 * "I wish someone taught …" (배우고 싶어요): written by anyone on the web or at the kiosk, with no
 * personal data. `topic` is one of a fixed list of subjects, for grouping.
 */
export const wishes = sqliteTable(
  'wishes',
  {
    id: id(),
    text: text('text').notNull(),
    topic: text('topic').notNull(),
    source: text('source', { enum: ['web', 'kiosk'] }).notNull(),
    locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
    createdAt: instant('created_at').notNull(),
    /** Hidden by staff (abuse, personal data typed in); never deleted. */
    hiddenAt: instant('hidden_at'),
  },
  (t) => [index('wishes_topic_idx').on(t.topic, t.createdAt)],
);

/**
 * An invitation to teach what residents wish for, sent to a past learner with high attendance.
 * One per resident and topic; a resident who opted out (`residents.teach_invites_opt_out_at`)
 * gets none.
 */
export const teachInvitations = sqliteTable(
  'teach_invitations',
  {
    id: id(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    topic: text('topic').notNull(),
    sentAt: instant('sent_at').notNull(),
    /** Staff member who sent the batch. */
    staffId: text('staff_id'),
  },
  (t) => [uniqueIndex('teach_invitations_resident_topic_uq').on(t.residentId, t.topic)],
);
