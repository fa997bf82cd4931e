import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { rooms } from '../venue/table';
import { terms } from '../term/table';
import { instructors } from '../resident/table';

/** A course (강좌) in a term. Capacity is a hard cap enforced inside the write transaction. */
export const courses = sqliteTable(
  'courses',
  {
    id: id(),
    termId: text('term_id')
      .notNull()
      .references(() => terms.id),
    instructorId: text('instructor_id').references(() => instructors.id),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    summaryKo: text('summary_ko').notNull(),
    summaryEn: text('summary_en').notNull(),
    descriptionKo: text('description_ko').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** e.g. "재료비 별도 10,000원"; null when nothing needs to be bought. */
    materialsNoteKo: text('materials_note_ko'),
    materialsNoteEn: text('materials_note_en'),
    /** What the materials cost a learner, in won; null or 0 when nothing is charged. */
    materialsFeeWon: integer('materials_fee_won'),
    capacity: integer('capacity').notNull(),
    minLearners: integer('min_learners').notNull().default(5),
    mode: text('mode', { enum: ['first_come', 'lottery'] })
      .notNull()
      .default('first_come'),
    /** Lottery courses: seats held back from the draw for on-site signup at the kiosk. */
    onsiteSeats: integer('onsite_seats').notNull().default(0),
    /** Lottery courses: residents who have never attended are drawn before everyone else. */
    lotteryPriorityNewcomers: integer('lottery_priority_newcomers', { mode: 'boolean' })
      .notNull()
      .default(false),
    /** Set when the registration window closed with fewer confirmed learners than `minLearners`. */
    belowMinimumAt: instant('below_minimum_at'),
    status: text('status', { enum: ['open', 'cancelled'] })
      .notNull()
      .default('open'),
    /**
     * A draft is prepared in the admin and hidden from residents and kiosks until staff publish
     * it; a copied term's courses start as drafts.
     */
    draft: integer('draft', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('courses_term_idx').on(t.termId, t.sortOrder),
    check('courses_capacity_ck', sql`${t.capacity} between 1 and 200`),
    check('courses_min_ck', sql`${t.minLearners} >= 0`),
    check('courses_fee_ck', sql`${t.materialsFeeWon} is null or ${t.materialsFeeWon} >= 0`),
    check('courses_mode_ck', sql`${t.mode} in ('first_come','lottery')`),
    check('courses_status_ck', sql`${t.status} in ('open','cancelled')`),
  ],
);
