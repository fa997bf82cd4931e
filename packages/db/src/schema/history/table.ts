import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { staffUsers } from '../staff/table';

/**
 * One import of a spreadsheet of past terms (the years before this system): the file, who
 * imported it and what it changed. Importing the same file again adds no course.
 */
export const historyImports = sqliteTable('history_imports', {
  id: id(),
  fileName: text('file_name').notNull(),
  /** sha256 (hex) of the file's bytes. */
  fileSha256: text('file_sha256').notNull(),
  importedAt: instant('imported_at').notNull(),
  /** Null for the demo's sample, imported by the seed. */
  staffId: text('staff_id').references(() => staffUsers.id),
  rowsAdded: integer('rows_added').notNull(),
  rowsUnchanged: integer('rows_unchanged').notNull(),
  /** True for the shipped sample file: its figures are illustrative, not the district's records. */
  sample: integer('sample', { mode: 'boolean' }).notNull().default(false),
});

/**
 * A course of a past term, known only from a spreadsheet: counts, never learners' names. One row
 * per term, title and instructor (the natural key a re-import matches on).
 */
export const historyCourses = sqliteTable(
  'history_courses',
  {
    id: id(),
    /** The term as `YYYY-N` (2015-1 is 2015's first session). */
    termKey: text('term_key').notNull(),
    year: integer('year').notNull(),
    /** The session within the year, from 1. */
    session: integer('session').notNull(),
    title: text('title').notNull(),
    instructorName: text('instructor_name').notNull(),
    /** Learners who took part (registered and attended at least once, as the records count them). */
    learners: integer('learners').notNull(),
    /** Number of class meetings, when known. */
    meetings: integer('meetings'),
    /** Learner-meetings attended (sum over meetings of learners present), when known. */
    attendances: integer('attendances'),
    /** Learners who completed the course, when known. */
    completed: integer('completed'),
    importId: text('import_id')
      .notNull()
      .references(() => historyImports.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('history_courses_key_idx').on(t.termKey, t.title, t.instructorName),
    index('history_courses_year_idx').on(t.year),
  ],
);
