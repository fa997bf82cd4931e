import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { residents } from '../resident/table';
import { terms } from '../term/table';
import { staffUsers } from '../staff/table';

/** A resident's proposal to teach a course (강사 신청), reviewed by staff. */
export const instructorApplications = sqliteTable(
  'instructor_applications',
  {
    id: id(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    termId: text('term_id').references(() => terms.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['submitted', 'accepted', 'rejected', 'withdrawn'] })
      .notNull()
      .default('submitted'),
    submittedAt: instant('submitted_at').notNull(),
    reviewedBy: text('reviewed_by').references(() => staffUsers.id),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('instructor_applications_status_idx').on(t.status),
    check(
      'instructor_applications_status_ck',
      sql`${t.status} in ('submitted','accepted','rejected','withdrawn')`,
    ),
  ],
);
