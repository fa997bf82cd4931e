import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from '../_columns';

/**
 * Append-only audit log: every staff read of personal data and every change. Nothing updates or
 * deletes rows here; the services only insert.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    // A plain rowid key: rows are never deleted, so AUTOINCREMENT's promise (no id reused after a
    // delete) bought nothing, and it cost every insert an update of sqlite_sequence.
    id: integer('id').primaryKey(),
    at: instant('at').notNull(),
    actorType: text('actor_type', { enum: ['resident', 'staff', 'kiosk', 'system'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Whose personal data was touched, for PIPA access requests. */
    residentId: text('resident_id'),
    ip: text('ip'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_resident_idx').on(t.residentId)],
);
