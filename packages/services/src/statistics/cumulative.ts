import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import {
  attendance,
  courses,
  enrolments,
  historyCourses,
  instructors,
  meetings,
  terms,
} from '@seoro/db';
import { kstDateOf } from '@seoro/domain';
import type { ServiceContext } from '../context';

/** The program's first year: the cumulative figures count "since 2015". */
export const PROGRAM_FIRST_YEAR = 2015;

/** One row of the cumulative table. */
export interface CumulativeRow {
  courses: number;
  /** Learners summed over courses (one person in two courses counts twice, as the records do). */
  learners: number;
  /** Distinct instructor names. */
  instructors: number;
  /** Learner-meetings attended, summed where known. */
  attendances: number;
  /** Courses whose attendance is known (every course recorded in this system). */
  coursesWithAttendance: number;
}

/**
 * 7. Cumulative figures since 2015, in three rows:
 * - imported: `history_courses` rows of the years asked (a row is a course; learners summed;
 *   distinct instructor names; attendances summed over the rows that give them);
 * - recorded: this system's terms that are not drafts and have started (first class day on or
 *   before today, KST), by the year of their first class day: their published, non-cancelled
 *   courses; learners = confirmed enrolments; instructors = distinct instructor display names;
 *   attendances = check-ins at those courses' meetings;
 * - total: the sum of both, except instructors, counted once by name across both.
 * With `termId`, only that term of this system is counted and the imported row is empty.
 */
export interface CumulativeFigures {
  fromYear: number;
  toYear: number;
  /** The years there is anything to count in, for the filter. */
  firstYear: number;
  lastYear: number;
  termId: string | null;
  imported: CumulativeRow;
  recorded: CumulativeRow;
  total: CumulativeRow;
}

const empty = (): CumulativeRow => ({
  courses: 0,
  learners: 0,
  instructors: 0,
  attendances: 0,
  coursesWithAttendance: 0,
});

export async function readCumulativeFigures(
  ctx: ServiceContext,
  input: { fromYear?: number | null; toYear?: number | null; termId?: string | null } = {},
): Promise<CumulativeFigures> {
  const db = ctx.database.db;
  const today = kstDateOf(ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const termId = input.termId ?? null;

  const started = await db
    .select({ id: terms.id, startsOn: terms.startsOn })
    .from(terms)
    .where(and(ne(terms.status, 'draft'), lte(terms.startsOn, today)));
  const historyYears = await db.selectDistinct({ year: historyCourses.year }).from(historyCourses);
  const years = [
    ...historyYears.map((h) => h.year),
    ...started.map((t) => Number(t.startsOn.slice(0, 4))),
  ];
  const firstYear = Math.min(PROGRAM_FIRST_YEAR, ...years);
  const lastYear = Math.max(thisYear, ...years);
  let fromYear = input.fromYear ?? firstYear;
  let toYear = input.toYear ?? lastYear;
  if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];

  // Imported history.
  const imported = empty();
  const importedNames = new Set<string>();
  if (!termId) {
    const rows = await db
      .select({
        learners: historyCourses.learners,
        instructorName: historyCourses.instructorName,
        attendances: historyCourses.attendances,
      })
      .from(historyCourses)
      .where(and(gte(historyCourses.year, fromYear), lte(historyCourses.year, toYear)));
    for (const r of rows) {
      imported.courses += 1;
      imported.learners += r.learners;
      importedNames.add(r.instructorName.trim());
      if (r.attendances !== null) {
        imported.attendances += r.attendances;
        imported.coursesWithAttendance += 1;
      }
    }
    imported.instructors = importedNames.size;
  }

  // This system's own terms.
  const termIds = started
    .filter((t) => {
      const year = Number(t.startsOn.slice(0, 4));
      return termId ? t.id === termId : year >= fromYear && year <= toYear;
    })
    .map((t) => t.id);
  const recorded = empty();
  const recordedNames = new Set<string>();
  if (termIds.length) {
    const own = await db
      .select({ id: courses.id, instructorName: instructors.displayName })
      .from(courses)
      .leftJoin(instructors, eq(instructors.id, courses.instructorId))
      .where(
        and(
          inArray(courses.termId, termIds),
          eq(courses.draft, false),
          ne(courses.status, 'cancelled'),
        ),
      );
    const ids = own.map((c) => c.id);
    recorded.courses = own.length;
    recorded.coursesWithAttendance = own.length;
    for (const c of own) if (c.instructorName) recordedNames.add(c.instructorName.trim());
    recorded.instructors = recordedNames.size;
    if (ids.length) {
      const confirmed = await db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(and(inArray(enrolments.courseId, ids), eq(enrolments.status, 'confirmed')));
      recorded.learners = confirmed.length;
      const checks = await db
        .select({ id: attendance.id })
        .from(attendance)
        .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
        .where(inArray(meetings.courseId, ids));
      recorded.attendances = checks.length;
    }
  }

  const total: CumulativeRow = {
    courses: imported.courses + recorded.courses,
    learners: imported.learners + recorded.learners,
    instructors: new Set([...importedNames, ...recordedNames]).size,
    attendances: imported.attendances + recorded.attendances,
    coursesWithAttendance: imported.coursesWithAttendance + recorded.coursesWithAttendance,
  };
  return { fromYear, toYear, firstYear, lastYear, termId, imported, recorded, total };
}
