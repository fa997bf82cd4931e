import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, instant } from '../_columns';
import { residents } from '../resident/table';
import { staffUsers } from '../staff/table';

/**
 * One run of the retention job (destroying personal data past its retention period), or a dry
 * run that only reported what would go. What was done, how much and when; never whose data.
 */
export const retentionRuns = sqliteTable(
  'retention_runs',
  {
    id: id(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at').notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull(),
    /** `system` for the daily job, `staff` for a run started from the admin. */
    actorType: text('actor_type', { enum: ['system', 'staff'] }).notNull(),
    actorId: text('actor_id').references(() => staffUsers.id),
    /** JSON: the retention periods applied (per kind of data, in months). */
    policy: text('policy', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** JSON: how many records of each kind were (or would be) destroyed or anonymised. */
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [index('retention_runs_started_idx').on(t.startedAt)],
);

/**
 * A resident's request under the Personal Information Protection Act: to see, correct or delete
 * their data. Made by the resident at `/my` (deletion) or recorded by staff who took it by phone
 * or at the desk. Every step taken on it is in the audit log with its reference.
 */
export const dataRequests = sqliteTable(
  'data_requests',
  {
    id: id(),
    /** Shown to the resident and quoted in the audit log, e.g. `DR-2026-7K3F`. */
    reference: text('reference').notNull(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    kind: text('kind', { enum: ['access', 'correction', 'deletion'] }).notNull(),
    source: text('source', { enum: ['resident', 'staff'] }).notNull(),
    status: text('status', { enum: ['open', 'done', 'refused'] }).notNull(),
    /** The resident's words or the staff member's note. */
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    resolvedAt: instant('resolved_at'),
    resolvedBy: text('resolved_by').references(() => staffUsers.id),
    /** Why it was refused or what was kept (e.g. data needed for a term under way). */
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('data_requests_reference_idx').on(t.reference),
    index('data_requests_status_idx').on(t.status, t.createdAt),
    index('data_requests_resident_idx').on(t.residentId),
  ],
);
