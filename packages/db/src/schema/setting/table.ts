import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../_columns';

/**
 * The program's settings that staff keep up to date, one JSON value per key: for example
 * `contact` (the office's phone and hours, the Art Hall's address, directions, access and
 * parking). Each key's shape and defaults belong to the service that reads it.
 */
export const programSettings = sqliteTable('program_settings', {
  key: text('key').primaryKey(),
  /** JSON. */
  value: text('value').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
