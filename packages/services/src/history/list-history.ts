import { desc, eq } from 'drizzle-orm';
import { historyCourses, historyImports, staffUsers } from '@seoro/db';
import { readHistorySample, HISTORY_SAMPLE_FILE_NAME } from '@seoro/db/seed';
import type { ServiceContext } from '../context';

export interface HistoryImportSummary {
  id: string;
  /** ISO instant. */
  importedAt: string;
  fileName: string;
  /** Who imported it; null for the demo seed. */
  staffName: string | null;
  added: number;
  unchanged: number;
  sample: boolean;
}

export interface HistoryYear {
  year: number;
  courses: number;
  learners: number;
}

export interface HistoryOverview {
  imports: HistoryImportSummary[];
  /** The years covered, oldest first. */
  years: HistoryYear[];
  totals: { courses: number; learners: number; instructors: number };
}

/**
 * The imports so far (newest first) and what they hold, by year. Counts only: no personal data,
 * so reading is not audited.
 */
export async function listHistoryImports(ctx: ServiceContext): Promise<HistoryOverview> {
  const db = ctx.database.db;
  const imports = await db
    .select({
      id: historyImports.id,
      importedAt: historyImports.importedAt,
      fileName: historyImports.fileName,
      staffName: staffUsers.name,
      added: historyImports.rowsAdded,
      unchanged: historyImports.rowsUnchanged,
      sample: historyImports.sample,
    })
    .from(historyImports)
    .leftJoin(staffUsers, eq(staffUsers.id, historyImports.staffId))
    .orderBy(desc(historyImports.importedAt), desc(historyImports.id));
  const courses = await db
    .select({
      year: historyCourses.year,
      learners: historyCourses.learners,
      instructorName: historyCourses.instructorName,
    })
    .from(historyCourses);
  const byYear = new Map<number, HistoryYear>();
  for (const course of courses) {
    const year = byYear.get(course.year) ?? { year: course.year, courses: 0, learners: 0 };
    year.courses += 1;
    year.learners += course.learners;
    byYear.set(course.year, year);
  }
  return {
    imports: imports.map((row) => ({ ...row, importedAt: row.importedAt.toISOString() })),
    years: [...byYear.values()].sort((a, b) => a.year - b.year),
    totals: {
      courses: courses.length,
      learners: courses.reduce((sum, course) => sum + course.learners, 0),
      instructors: new Set(courses.map((course) => course.instructorName)).size,
    },
  };
}

/** The shipped sample file, to download as an example and template. */
export async function historySampleFile(): Promise<{ fileName: string; csv: string }> {
  const bytes = await readHistorySample();
  return { fileName: HISTORY_SAMPLE_FILE_NAME, csv: new TextDecoder().decode(bytes) };
}
