import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { residents } from '../resident/table';

/**
 * One-time codes a resident asks for by SMS to see their own registrations (내 신청 내역). Only a
 * salted SHA-256 hash of the six digits is kept; a code works once, for a few minutes, and dies
 * after a handful of wrong tries (`attempts`).
 */
export const residentSignInCodes = sqliteTable(
  'resident_sign_in_codes',
  {
    id: id(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of `<id>:<code>`; the row id salts it. */
    codeHash: text('code_hash').notNull(),
    /** Wrong codes entered against this one so far. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    /** Set when the code signed someone in; a consumed code never works again. */
    consumedAt: instant('consumed_at'),
  },
  (t) => [
    index('resident_sign_in_codes_resident_idx').on(t.residentId, t.createdAt),
    check('resident_sign_in_codes_attempts_ck', sql`${t.attempts} >= 0`),
  ],
);
