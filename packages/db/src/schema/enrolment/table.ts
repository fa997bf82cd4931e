import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { courses } from '../course/table';
import { residents } from '../resident/table';
import { kiosks } from '../kiosk/table';

/**
 * A resident's registration for a course (수강신청). At most one live (not cancelled) enrolment per
 * resident and course — the partial unique index makes the database refuse a second one.
 */
export const enrolments = sqliteTable(
  'enrolments',
  {
    id: id(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    /**
     * The learner's name as given with this registration, shown for it (confirmation page, kiosk).
     * Anyone may type any phone number, so a registration never renames the resident it joins.
     */
    name: text('name').notNull(),
    status: text('status', {
      enum: ['confirmed', 'waitlisted', 'lottery_pending', 'cancelled'],
    }).notNull(),
    channel: text('channel', { enum: ['web', 'kiosk', 'staff'] }).notNull(),
    /** The kiosk an on-site signup was made at (channel `kiosk`). */
    kioskId: text('kiosk_id').references(() => kiosks.id),
    /** The confirmation code, canonical form XXXX-XXXX (Crockford base32, 40 bits). */
    code: text('code').notNull().unique(),
    /** Arrival order within the course; the waitlist is served by it. */
    queueNo: integer('queue_no').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
    cancelledAt: instant('cancelled_at'),
  },
  (t) => [
    uniqueIndex('enrolments_live_uq')
      .on(t.courseId, t.residentId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('enrolments_course_status_idx').on(t.courseId, t.status, t.queueNo),
    index('enrolments_resident_idx').on(t.residentId),
    check(
      'enrolments_status_ck',
      sql`${t.status} in ('confirmed','waitlisted','lottery_pending','cancelled')`,
    ),
    check('enrolments_channel_ck', sql`${t.channel} in ('web','kiosk','staff')`),
  ],
);
