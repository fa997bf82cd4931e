import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { residents } from '../resident/table';
import { terms } from '../term/table';
import { staffUsers } from '../staff/table';
import { courses } from '../course/table';

/**
 * A resident's proposal to teach a course (강사 신청), reviewed by staff. `changes_requested`
 * sends it back to the applicant, whose edit makes it `submitted` again; `accepted` created the
 * instructor and a draft course (`courseId`); `rejected` carries the reason in `reviewNote`.
 */
export const instructorApplications = sqliteTable(
  'instructor_applications',
  {
    id: id(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    /** The term the applicant hopes to teach in (staff choose the term when approving). */
    termId: text('term_id').references(() => terms.id),
    /** The applicant's name as given with the application (the resident row keeps its own). */
    applicantName: text('applicant_name').notNull().default(''),
    /** The language the applicant wrote in and is told in. */
    locale: text('locale', { enum: ['ko', 'en'] })
      .notNull()
      .default('ko'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** What the learners will do and take away, meeting by meeting if the applicant likes. */
    teaches: text('teaches').notNull().default(''),
    /** The applicant's experience with the subject (work, hobby, teaching). */
    experience: text('experience').notNull().default(''),
    meetingCount: integer('meeting_count').notNull().default(6),
    /** 0 = Sunday … 6 = Saturday, as `meetings`' weekdays; null: any day. */
    preferredWeekday: integer('preferred_weekday'),
    /** 'HH:MM' (KST); null: any time. */
    preferredStartTime: text('preferred_start_time'),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    materialsFeeWon: integer('materials_fee_won').notNull().default(0),
    capacity: integer('capacity').notNull().default(10),
    /** Lives or works in Yongsan-gu, as the applicant confirmed. */
    yongsanConfirmed: integer('yongsan_confirmed', { mode: 'boolean' }).notNull().default(false),
    /** When the applicant accepted the program's exclusions (no party-political, religious or
     * for-profit content). */
    exclusionsAcceptedAt: instant('exclusions_accepted_at'),
    status: text('status', {
      enum: ['submitted', 'changes_requested', 'accepted', 'rejected', 'withdrawn'],
    })
      .notNull()
      .default('submitted'),
    submittedAt: instant('submitted_at').notNull(),
    updatedAt: instant('updated_at'),
    reviewedBy: text('reviewed_by').references(() => staffUsers.id),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    /** The draft course approving it created. */
    courseId: text('course_id').references(() => courses.id),
  },
  (t) => [
    index('instructor_applications_status_idx').on(t.status),
    index('instructor_applications_resident_idx').on(t.residentId),
    check(
      'instructor_applications_status_ck',
      sql`${t.status} in ('submitted','changes_requested','accepted','rejected','withdrawn')`,
    ),
  ],
);

/**
 * The conversation on an application: staff comments (internal, or to the applicant), requests
 * for changes, the decision, and the applicant's replies. Append-only.
 */
export const applicationMessages = sqliteTable(
  'application_messages',
  {
    id: id(),
    applicationId: text('application_id')
      .notNull()
      .references(() => instructorApplications.id),
    authorType: text('author_type', { enum: ['staff', 'applicant'] }).notNull(),
    /** The staff member; null for the applicant. */
    staffId: text('staff_id').references(() => staffUsers.id),
    kind: text('kind', {
      enum: ['comment', 'changes_requested', 'resubmitted', 'accepted', 'rejected', 'withdrawn'],
    }).notNull(),
    body: text('body').notNull(),
    /** False for a staff note the applicant never sees. */
    toApplicant: integer('to_applicant', { mode: 'boolean' }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('application_messages_application_idx').on(t.applicationId, t.createdAt)],
);
