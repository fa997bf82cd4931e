import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../_columns';
import { enrolments } from '../enrolment/table';
import { meetings } from '../meeting/table';

/** Reminders already queued: one per learner and meeting, however often the job runs. */
export const meetingReminders = sqliteTable(
  'meeting_reminders',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    queuedAt: instant('queued_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.enrolmentId] })],
);
