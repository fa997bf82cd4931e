import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { courses } from '../course/table';
import { rooms } from '../venue/table';

/**
 * One class meeting (회차). Date and times are KST wall-clock values as people say them;
 * `startsAt`/`endsAt` are the same moments as instants, for window arithmetic and indexing.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: id(),
    courseId: text('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    seq: integer('seq').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meetings_course_seq_uq').on(t.courseId, t.seq),
    index('meetings_room_date_idx').on(t.roomId, t.date),
    index('meetings_date_idx').on(t.date),
    check('meetings_time_ck', sql`${t.startTime} < ${t.endTime}`),
    check('meetings_status_ck', sql`${t.status} in ('scheduled','cancelled')`),
  ],
);
