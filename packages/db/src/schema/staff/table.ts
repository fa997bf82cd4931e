import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';

/** A staff account (담당자). Passwords are Argon2id hashes. */
export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'staff', 'viewer'] }).notNull(),
    disabledAt: instant('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [check('staff_users_role_ck', sql`${t.role} in ('admin','staff','viewer')`)],
);

/** A staff session. The id is a hash of the cookie token, so a database leak yields no sessions. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffUserId: text('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('staff_sessions_user_idx').on(t.staffUserId)],
);

/**
 * Failed sign-ins by the email typed, whether or not an account has it: repeated failures lock
 * that email for a while, so a lock tells nobody that the account exists. A success deletes the
 * row.
 */
export const staffSignInFailures = sqliteTable('staff_sign_in_failures', {
  email: text('email').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: instant('locked_until'),
  updatedAt: instant('updated_at').notNull(),
});
