import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from '../_columns';
import { residents } from '../resident/table';

/**
 * A resident's signed-in session (after a one-time code). The id is the SHA-256 of the cookie's
 * token, so a database leak yields no sessions. A session ends after a while without use
 * (`lastSeenAt`) and, whatever happens, at `expiresAt`.
 */
export const residentSessions = sqliteTable(
  'resident_sessions',
  {
    id: text('id').primaryKey(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull(),
    /** The absolute end, however active the session is. */
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
  },
  (t) => [
    index('resident_sessions_resident_idx').on(t.residentId),
    index('resident_sessions_expires_idx').on(t.expiresAt),
  ],
);
