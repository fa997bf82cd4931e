import { m } from '@seoro/i18n';
import type { RawHistoryRow } from './parse-history-file';
import type { LocalizedText } from '../views';

/** The year Seoroseoro School began: no record can be older. */
export const HISTORY_FIRST_YEAR = 2015;
/** More learners than any one course of the program could hold: a typo, not a record. */
export const HISTORY_MAX_LEARNERS = 200;
/** More meetings than any one course of the program could have. */
export const HISTORY_MAX_MEETINGS = 100;

/** A term as `YYYY-N` with its parts. */
export interface HistoryTerm {
  termKey: string;
  year: number;
  session: number;
}

/**
 * Reads a term as staff write it: `2015-1`, `2015년 1기`, `2015 1기`, `2015.1`, `2015/1`,
 * `2015-1기`, `2015년 1학기` all mean 2015's first session. Null when it is none of these (the
 * session must be 1 to 4).
 */
export function parseTermKey(raw: string): HistoryTerm | null {
  const match = /^(\d{4})\s*(?:년)?\s*[-./]?\s*(\d{1,2})\s*(?:기|학기)?$/u.exec(
    raw.normalize('NFC').trim(),
  );
  if (!match) return null;
  const year = Number(match[1]);
  const session = Number(match[2]);
  if (session < 1 || session > 4) return null;
  return { termKey: `${year}-${session}`, year, session };
}

/** The figures of one past course. */
export interface HistoryFigures {
  learners: number;
  meetings: number | null;
  attendances: number | null;
  completed: number | null;
}

/** A course as a row describes it, once its cells are read. */
export interface HistoryCourseRow extends HistoryFigures, HistoryTerm {
  title: string;
  instructorName: string;
}

/** What may be wrong with a row. */
export type HistoryProblemCode =
  | 'title_missing'
  | 'instructor_missing'
  | 'term_unreadable'
  | 'year_too_early'
  | 'year_in_future'
  | 'learners_invalid'
  | 'meetings_invalid'
  | 'attendances_invalid'
  | 'completed_invalid'
  | 'attendances_over'
  | 'completed_over'
  | 'duplicate'
  | 'conflict';

export interface HistoryProblem {
  code: HistoryProblemCode;
  /** The sentence, with the row number, in both languages. */
  message: LocalizedText;
}

export type HistoryRowStatus = 'new' | 'unchanged' | 'problem';

/** One row of the file as the preview shows it. */
export interface HistoryPreviewRow {
  row: number;
  status: HistoryRowStatus;
  /** The cells as written (trimmed), for the table. */
  term: string;
  title: string;
  instructorName: string;
  learners: string;
  meetings: string;
  attendances: string;
  completed: string;
  problems: HistoryProblem[];
  /** Set when the row can be imported (status new or unchanged). */
  course: HistoryCourseRow | null;
}

/** The natural key of a past course: the same course in two files is the same row. */
export function historyKey(course: { termKey: string; title: string; instructorName: string }) {
  return `${course.termKey}\u0000${course.title}\u0000${course.instructorName}`;
}

/** A title or a name as stored: NFC, trimmed, inner spaces collapsed. */
export function normalizeHistoryText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A whole number as written ("1,204" included), or null when it is not one. */
function wholeNumber(text: string): number | null {
  const plain = text.replace(/,/g, '').trim();
  if (!/^\d{1,9}$/.test(plain)) return null;
  return Number(plain);
}

function sameFigures(a: HistoryFigures, b: HistoryFigures): boolean {
  return (
    a.learners === b.learners &&
    a.meetings === b.meetings &&
    a.attendances === b.attendances &&
    a.completed === b.completed
  );
}

type ProblemParams = Record<string, string>;
type Messages = Record<
  HistoryProblemCode,
  (params: ProblemParams, opts: { locale: 'ko' | 'en' }) => string
>;

const MESSAGES: Messages = {
  title_missing: (p, o) => m.admin_history_problem_title_missing(p as { row: string }, o),
  instructor_missing: (p, o) => m.admin_history_problem_instructor_missing(p as { row: string }, o),
  term_unreadable: (p, o) =>
    m.admin_history_problem_term_unreadable(p as { row: string; value: string }, o),
  year_too_early: (p, o) =>
    m.admin_history_problem_year_too_early(p as { row: string; year: string }, o),
  year_in_future: (p, o) =>
    m.admin_history_problem_year_in_future(p as { row: string; year: string }, o),
  learners_invalid: (p, o) =>
    m.admin_history_problem_learners_invalid(p as { row: string; value: string; max: string }, o),
  meetings_invalid: (p, o) =>
    m.admin_history_problem_meetings_invalid(p as { row: string; value: string; max: string }, o),
  attendances_invalid: (p, o) =>
    m.admin_history_problem_attendances_invalid(p as { row: string; value: string }, o),
  completed_invalid: (p, o) =>
    m.admin_history_problem_completed_invalid(p as { row: string; value: string }, o),
  attendances_over: (p, o) =>
    m.admin_history_problem_attendances_over(
      p as { row: string; attendances: string; learners: string; meetings: string; max: string },
      o,
    ),
  completed_over: (p, o) =>
    m.admin_history_problem_completed_over(
      p as { row: string; completed: string; learners: string },
      o,
    ),
  duplicate: (p, o) => m.admin_history_problem_duplicate(p as { row: string; first: string }, o),
  conflict: (p, o) =>
    m.admin_history_problem_conflict(
      p as {
        row: string;
        learners: string;
        meetings: string;
        attendances: string;
        completed: string;
      },
      o,
    ),
};

function problem(code: HistoryProblemCode, params: ProblemParams): HistoryProblem {
  return {
    code,
    message: {
      ko: MESSAGES[code](params, { locale: 'ko' }),
      en: MESSAGES[code](params, { locale: 'en' }),
    },
  };
}

export interface HistoryValidationContext {
  /** The current year in Korea: a later year is refused. */
  thisYear: number;
  /** The courses already imported, by `historyKey`. */
  existing: ReadonlyMap<string, HistoryFigures>;
}

const unknownText = (value: number | null) => (value === null ? '?' : String(value));

/**
 * Checks every row and says, for each, whether it is new, already imported with the same figures
 * (unchanged), or has problems (each with its sentence). Pure: the same rows and context always
 * give the same answer, which is what lets the import re-check exactly what was previewed.
 */
export function validateHistoryRows(
  rows: readonly RawHistoryRow[],
  context: HistoryValidationContext,
): HistoryPreviewRow[] {
  const firstRowOf = new Map<string, number>();
  return rows.map(({ row, cells }) => {
    const r = String(row);
    const problems: HistoryProblem[] = [];
    const text = {
      term: cells.term ?? '',
      title: normalizeHistoryText(cells.title ?? ''),
      instructorName: normalizeHistoryText(cells.instructor ?? ''),
      learners: cells.learners ?? '',
      meetings: cells.meetings ?? '',
      attendances: cells.attendances ?? '',
      completed: cells.completed ?? '',
    };
    if (text.title === '') problems.push(problem('title_missing', { row: r }));
    if (text.instructorName === '') problems.push(problem('instructor_missing', { row: r }));

    const term = parseTermKey(text.term);
    if (!term) problems.push(problem('term_unreadable', { row: r, value: text.term }));
    else if (term.year < HISTORY_FIRST_YEAR) {
      problems.push(problem('year_too_early', { row: r, year: String(term.year) }));
    } else if (term.year > context.thisYear) {
      problems.push(problem('year_in_future', { row: r, year: String(term.year) }));
    }

    const learners = wholeNumber(text.learners);
    if (learners === null || learners > HISTORY_MAX_LEARNERS) {
      problems.push(
        problem('learners_invalid', {
          row: r,
          value: text.learners,
          max: String(HISTORY_MAX_LEARNERS),
        }),
      );
    }
    const optional = (value: string) => (value.trim() === '' ? null : wholeNumber(value));
    const meetings = optional(text.meetings);
    if (
      text.meetings.trim() !== '' &&
      (meetings === null || meetings < 1 || meetings > HISTORY_MAX_MEETINGS)
    ) {
      problems.push(
        problem('meetings_invalid', {
          row: r,
          value: text.meetings,
          max: String(HISTORY_MAX_MEETINGS),
        }),
      );
    }
    const attendances = optional(text.attendances);
    if (text.attendances.trim() !== '' && attendances === null) {
      problems.push(problem('attendances_invalid', { row: r, value: text.attendances }));
    }
    const completed = optional(text.completed);
    if (text.completed.trim() !== '' && completed === null) {
      problems.push(problem('completed_invalid', { row: r, value: text.completed }));
    }
    if (
      learners !== null &&
      meetings !== null &&
      attendances !== null &&
      attendances > learners * meetings
    ) {
      problems.push(
        problem('attendances_over', {
          row: r,
          attendances: String(attendances),
          learners: String(learners),
          meetings: String(meetings),
          max: String(learners * meetings),
        }),
      );
    }
    if (learners !== null && completed !== null && completed > learners) {
      problems.push(
        problem('completed_over', {
          row: r,
          completed: String(completed),
          learners: String(learners),
        }),
      );
    }

    let course: HistoryCourseRow | null = null;
    let status: HistoryRowStatus = 'problem';
    if (term && text.title !== '' && text.instructorName !== '') {
      const key = historyKey({ ...term, ...text });
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.push(problem('duplicate', { row: r, first: String(first) }));
      } else {
        firstRowOf.set(key, row);
      }
      const before = context.existing.get(key);
      if (problems.length === 0 && learners !== null) {
        course = {
          ...term,
          title: text.title,
          instructorName: text.instructorName,
          learners,
          meetings,
          attendances,
          completed,
        };
        if (before && !sameFigures(before, course)) {
          problems.push(
            problem('conflict', {
              row: r,
              learners: String(before.learners),
              meetings: unknownText(before.meetings),
              attendances: unknownText(before.attendances),
              completed: unknownText(before.completed),
            }),
          );
          course = null;
        } else {
          status = before ? 'unchanged' : 'new';
        }
      }
    }
    return { row, status, ...text, problems, course };
  });
}

/** Rows with problems first, then in the file's order. */
export function problemsFirst(rows: readonly HistoryPreviewRow[]): HistoryPreviewRow[] {
  return [...rows].sort(
    (a, b) => Number(b.status === 'problem') - Number(a.status === 'problem') || a.row - b.row,
  );
}
