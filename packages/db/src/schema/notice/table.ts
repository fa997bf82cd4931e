import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { staffUsers } from '../staff/table';

/**
 * A staff announcement (공지) for the kiosks' start screen, from `showFrom` to `showUntil` (KST
 * dates, both included). The notices plugin owns this table. Removing one keeps the row.
 */
export const notices = sqliteTable(
  'notices',
  {
    id: id(),
    bodyKo: text('body_ko').notNull(),
    bodyEn: text('body_en').notNull().default(''),
    /** YYYY-MM-DD, KST. */
    showFrom: text('show_from').notNull(),
    showUntil: text('show_until').notNull(),
    createdByStaffId: text('created_by_staff_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull(),
    removedAt: instant('removed_at'),
  },
  (t) => [index('notices_show_idx').on(t.showUntil, t.showFrom)],
);
