import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';

/** A session (기수) such as "2026 1기": its dates, registration window and rules. */
export const terms = sqliteTable(
  'terms',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    /** First and last class day, YYYY-MM-DD in KST. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    registrationOpensAt: instant('registration_opens_at').notNull(),
    registrationClosesAt: instant('registration_closes_at').notNull(),
    /** On-site (kiosk) signup has its own window; null means the same as online. */
    onsiteOpensAt: instant('onsite_opens_at'),
    onsiteClosesAt: instant('onsite_closes_at'),
    /** Courses one resident may take in this term; null means no limit. */
    perResidentLimit: integer('per_resident_limit'),
    /** Unexcused absence share (percent) that bars a learner from the next term; null: no bar. */
    noShowBarPercent: integer('no_show_bar_percent'),
    completionPercent: integer('completion_percent').notNull().default(80),
    /** The registration mode a new course in this term starts with. */
    defaultMode: text('default_mode', { enum: ['first_come', 'lottery'] })
      .notNull()
      .default('first_come'),
    status: text('status', { enum: ['draft', 'published', 'archived'] })
      .notNull()
      .default('published'),
    createdAt: createdAt(),
  },
  (t) => [
    check('terms_dates_ck', sql`${t.startsOn} <= ${t.endsOn}`),
    check('terms_window_ck', sql`${t.registrationOpensAt} < ${t.registrationClosesAt}`),
    check('terms_status_ck', sql`${t.status} in ('draft','published','archived')`),
    check('terms_default_mode_ck', sql`${t.defaultMode} in ('first_come','lottery')`),
    // The catalogue's first read on every page: the published terms, in start order.
    index('terms_status_starts_idx').on(t.status, t.startsOn),
  ],
);
