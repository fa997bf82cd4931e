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
    /** `instructor`: taken by the course's instructor from their phone, for the meeting under way. */
    method: text('method', { enum: ['qr', 'keypad', 'phone', 'staff', 'instructor'] }).notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    kioskId: text('kiosk_id').references(() => kiosks.id),
    /**
     * The key a kiosk gave a check-in it took (a UUID per tap). A check-in kept offline and sent
     * again after a reload carries the same key, so the server writes it once.
     */
    clientKey: text('client_key'),
    /** When the server received it; later than `checkedInAt` for a check-in sent from a queue. */
    receivedAt: instant('received_at'),
  },
  (t) => [
    uniqueIndex('attendance_enrolment_meeting_uq').on(t.enrolmentId, t.meetingId),
    index('attendance_meeting_idx').on(t.meetingId),
    uniqueIndex('attendance_client_key_uq').on(t.clientKey),
    check('attendance_method_ck', sql`${t.method} in ('qr','keypad','phone','staff','instructor')`),
  ],
);
