import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { enrolments } from '../enrolment/table';
import { meetings } from '../meeting/table';
import { kiosks } from '../kiosk/table';

/** A check-in (출석): one per enrolment and meeting; checking in twice changes nothing. */
export const attendance = sqliteTable(
  'attendance',
  {
    id: id(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    checkedInAt: instant('checked_in_at').notNull(),
    method: text('method', { enum: ['qr', 'keypad', 'phone', 'staff'] }).notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    kioskId: text('kiosk_id').references(() => kiosks.id),
  },
  (t) => [
    uniqueIndex('attendance_enrolment_meeting_uq').on(t.enrolmentId, t.meetingId),
    index('attendance_meeting_idx').on(t.meetingId),
    check('attendance_method_ck', sql`${t.method} in ('qr','keypad','phone','staff')`),
  ],
);
