import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { courses } from '../course/table';

/**
 * A lottery draw, published: the seed and the applicant list (application numbers with their
 * priority) are everything needed to re-run it; winners and waitlist are the recorded outcome.
 */
export const lotteryDraws = sqliteTable('lottery_draws', {
  id: id(),
  courseId: text('course_id')
    .notNull()
    .unique()
    .references(() => courses.id),
  seed: text('seed').notNull(),
  seats: integer('seats').notNull(),
  applicants: text('applicants', { mode: 'json' })
    .$type<Array<{ no: number; priority: boolean }>>()
    .notNull(),
  /** Not published: which enrolment each application number was (application number → id). */
  entries: text('entries', { mode: 'json' }).$type<Record<number, string>>().notNull(),
  winners: text('winners', { mode: 'json' }).$type<number[]>().notNull(),
  waitlist: text('waitlist', { mode: 'json' }).$type<number[]>().notNull(),
  drawnAt: instant('drawn_at').notNull(),
});
