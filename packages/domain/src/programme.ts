/**
 * The rules a term (기수) and a course (강좌) must meet before staff may save them, as pure
 * functions over what a form sends: each problem is named with the field it belongs to, so the
 * admin can show every message next to its input, and the service refuses the same input with the
 * first of them. Date-times are KST wall-clock values ('YYYY-MM-DDTHH:MM'), as staff type them.
 */
import type { DomainErrorCode } from './errors';
import { addDays, dateToDays, kstDateOf, kstInstant, kstTimeOf } from './time';
import type { RegistrationMode } from './types';

/** One problem with one input. */
export interface FieldIssue<Field extends string> {
  field: Field;
  code: DomainErrorCode;
}

/** A term's settings as a form sends them: text as typed, numbers (or null when left blank). */
export interface TermInput {
  nameKo: string;
  nameEn: string;
  /** Blank: made from the English name (or the start date). */
  slug: string;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  /** Both blank: on-site signup follows the online window. */
  onsiteOpensAt: string;
  onsiteClosesAt: string;
  perResidentLimit: number | null;
  noShowBarPercent: number | null;
  completionPercent: number;
  defaultMode: RegistrationMode;
}

export type TermField = keyof TermInput;

/** A term's settings once accepted: instants for the windows, the slug still as typed (maybe blank). */
export interface TermSettings {
  nameKo: string;
  nameEn: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  onsiteOpensAt: Date | null;
  onsiteClosesAt: Date | null;
  perResidentLimit: number | null;
  noShowBarPercent: number | null;
  completionPercent: number;
  defaultMode: RegistrationMode;
}

export type Checked<Value, Field extends string> =
  { ok: true; value: Value } | { ok: false; issues: FieldIssue<Field>[] };

/** The most courses a term may let one resident take; more is a typing mistake. */
export const MAX_PER_RESIDENT_LIMIT = 20;
export const NAME_MAX = 80;
export const SLUG_MAX = 60;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** A calendar date 'YYYY-MM-DD', or null when it is not one. */
function parseDate(value: string): string | null {
  try {
    dateToDays(value);
    return value;
  } catch {
    return null;
  }
}

/** The instant of a KST wall-clock 'YYYY-MM-DDTHH:MM' (seconds ignored), or null when it is not one. */
export function parseKstDateTime(value: string): Date | null {
  const match = DATE_TIME_RE.exec(value.trim().slice(0, 16));
  if (!match || value.trim().length > 19) return null;
  try {
    return kstInstant(match[1]!, match[2]!);
  } catch {
    return null;
  }
}

/** An instant as a KST `datetime-local` value: '2026-01-15T18:00'. */
export function toKstDateTimeInput(instant: Date): string {
  return `${kstDateOf(instant)}T${kstTimeOf(instant)}`;
}

const isPercent = (n: number | null) => n !== null && Number.isInteger(n) && n >= 0 && n <= 100;

/**
 * Checks a term's settings: names given, a well-formed slug (or none), real dates with the end not
 * before the start, a registration window that closes after it opens, an on-site window given
 * whole (or not at all) and in order, percentages within 0–100 and a limit within 1–20 (or none).
 */
export function checkTerm(input: TermInput): Checked<TermSettings, TermField> {
  const issues: FieldIssue<TermField>[] = [];
  const flag = (field: TermField, code: DomainErrorCode) => issues.push({ field, code });
  const nameKo = input.nameKo.trim();
  const nameEn = input.nameEn.trim();
  const slug = input.slug.trim().toLowerCase();
  if (!nameKo) flag('nameKo', 'term_name_required');
  else if (nameKo.length > NAME_MAX) flag('nameKo', 'term_name_too_long');
  if (!nameEn) flag('nameEn', 'term_name_required');
  else if (nameEn.length > NAME_MAX) flag('nameEn', 'term_name_too_long');
  if (slug && (!SLUG_RE.test(slug) || slug.length > SLUG_MAX)) flag('slug', 'term_slug_invalid');

  const startsOn = parseDate(input.startsOn.trim());
  const endsOn = parseDate(input.endsOn.trim());
  if (!startsOn) flag('startsOn', 'term_date_invalid');
  if (!endsOn) flag('endsOn', 'term_date_invalid');
  if (startsOn && endsOn && endsOn < startsOn) flag('endsOn', 'term_ends_before_start');

  const opensAt = parseKstDateTime(input.registrationOpensAt);
  const closesAt = parseKstDateTime(input.registrationClosesAt);
  if (!opensAt) flag('registrationOpensAt', 'term_date_time_invalid');
  if (!closesAt) flag('registrationClosesAt', 'term_date_time_invalid');
  if (opensAt && closesAt && closesAt <= opensAt) {
    flag('registrationClosesAt', 'term_window_closes_before_opens');
  }

  let onsiteOpensAt: Date | null = null;
  let onsiteClosesAt: Date | null = null;
  const onsiteOpensText = input.onsiteOpensAt.trim();
  const onsiteClosesText = input.onsiteClosesAt.trim();
  if (onsiteOpensText || onsiteClosesText) {
    onsiteOpensAt = parseKstDateTime(onsiteOpensText);
    onsiteClosesAt = parseKstDateTime(onsiteClosesText);
    if (!onsiteOpensText) flag('onsiteOpensAt', 'term_onsite_incomplete');
    else if (!onsiteOpensAt) flag('onsiteOpensAt', 'term_date_time_invalid');
    if (!onsiteClosesText) flag('onsiteClosesAt', 'term_onsite_incomplete');
    else if (!onsiteClosesAt) flag('onsiteClosesAt', 'term_date_time_invalid');
    if (onsiteOpensAt && onsiteClosesAt && onsiteClosesAt <= onsiteOpensAt) {
      flag('onsiteClosesAt', 'term_window_closes_before_opens');
    }
  }

  const limit = input.perResidentLimit;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PER_RESIDENT_LIMIT)) {
    flag('perResidentLimit', 'term_limit_out_of_range');
  }
  if (input.noShowBarPercent !== null && !isPercent(input.noShowBarPercent)) {
    flag('noShowBarPercent', 'term_percent_out_of_range');
  }
  if (!isPercent(input.completionPercent)) flag('completionPercent', 'term_percent_out_of_range');
  if (input.defaultMode !== 'first_come' && input.defaultMode !== 'lottery') {
    flag('defaultMode', 'term_mode_invalid');
  }

  if (issues.length > 0 || !startsOn || !endsOn || !opensAt || !closesAt) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      nameKo,
      nameEn,
      slug,
      startsOn,
      endsOn,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      onsiteOpensAt,
      onsiteClosesAt,
      perResidentLimit: limit,
      noShowBarPercent: input.noShowBarPercent,
      completionPercent: input.completionPercent,
      defaultMode: input.defaultMode,
    },
  };
}

/**
 * A slug made from a name: lower-case ASCII letters and digits joined by hyphens. Korean alone
 * gives nothing, so the caller falls back on the start date ('2026-01-08' → 'term-2026-01').
 *
 * @example slugify('2026 Session 1') // '2026-session-1'
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 4)
    .replace(/-+$/, '');
}

/** The slug a term gets when staff leave it blank. */
export function termSlugFor(settings: Pick<TermSettings, 'slug' | 'nameEn' | 'startsOn'>): string {
  return (
    settings.slug ||
    slugify(settings.nameEn) ||
    `term-${settings.startsOn.slice(0, 7)}`
  ).slice(0, SLUG_MAX - 4);
}

/**
 * A term's settings moved by whole weeks, so every class keeps its weekday: the next term starts
 * the week after this one ends unless `weeks` says otherwise. Windows move with the dates.
 */
export function shiftTermByWeeks<T extends Pick<TermSettings, 'startsOn' | 'endsOn'>>(
  term: T & {
    registrationOpensAt: Date;
    registrationClosesAt: Date;
    onsiteOpensAt: Date | null;
    onsiteClosesAt: Date | null;
  },
  weeks?: number,
): {
  startsOn: string;
  endsOn: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  onsiteOpensAt: Date | null;
  onsiteClosesAt: Date | null;
  weeks: number;
} {
  const span = dateToDays(term.endsOn) - dateToDays(term.startsOn);
  const w = weeks ?? Math.floor(span / 7) + 1;
  const days = w * 7;
  const move = (d: Date | null) => (d ? new Date(d.getTime() + days * 86_400_000) : null);
  return {
    startsOn: addDays(term.startsOn, days),
    endsOn: addDays(term.endsOn, days),
    registrationOpensAt: move(term.registrationOpensAt)!,
    registrationClosesAt: move(term.registrationClosesAt)!,
    onsiteOpensAt: move(term.onsiteOpensAt),
    onsiteClosesAt: move(term.onsiteClosesAt),
    weeks: w,
  };
}

/** A course's settings as a form sends them. */
export interface CourseInput {
  titleKo: string;
  titleEn: string;
  summaryKo: string;
  summaryEn: string;
  descriptionKo: string;
  descriptionEn: string;
  materialsNoteKo: string;
  materialsNoteEn: string;
  /** Won; null when nothing is charged. */
  materialsFeeWon: number | null;
  capacity: number;
  minLearners: number;
  mode: RegistrationMode;
  /** Lottery courses only: seats kept back from the draw for the kiosk. */
  onsiteSeats: number;
}

export type CourseField = keyof CourseInput;

/** A course's settings once accepted: text trimmed, blank notes as null. */
export interface CourseSettings {
  titleKo: string;
  titleEn: string;
  summaryKo: string;
  summaryEn: string;
  descriptionKo: string;
  descriptionEn: string;
  materialsNoteKo: string | null;
  materialsNoteEn: string | null;
  materialsFeeWon: number | null;
  capacity: number;
  minLearners: number;
  mode: RegistrationMode;
  onsiteSeats: number;
}

export const COURSE_TITLE_MAX = 100;
export const COURSE_SUMMARY_MAX = 300;
export const COURSE_DESCRIPTION_MAX = 4000;
export const COURSE_NOTE_MAX = 200;
export const MAX_CAPACITY = 200;
/** A materials fee above this is a typing mistake (an extra zero). */
export const MAX_MATERIALS_FEE_WON = 1_000_000;

/**
 * Checks a course's settings: a Korean title and summary, lengths within bounds, a capacity of
 * 1–200, a minimum of 0 up to the capacity, a fee of 0–1,000,000 won (or none), and on-site seats
 * only for a lottery course, no more than its capacity.
 */
export function checkCourse(input: CourseInput): Checked<CourseSettings, CourseField> {
  const issues: FieldIssue<CourseField>[] = [];
  const flag = (field: CourseField, code: DomainErrorCode) => issues.push({ field, code });
  const t = (s: string) => s.trim();
  const limits: [CourseField, number][] = [
    ['titleKo', COURSE_TITLE_MAX],
    ['titleEn', COURSE_TITLE_MAX],
    ['summaryKo', COURSE_SUMMARY_MAX],
    ['summaryEn', COURSE_SUMMARY_MAX],
    ['descriptionKo', COURSE_DESCRIPTION_MAX],
    ['descriptionEn', COURSE_DESCRIPTION_MAX],
    ['materialsNoteKo', COURSE_NOTE_MAX],
    ['materialsNoteEn', COURSE_NOTE_MAX],
  ];
  if (!t(input.titleKo)) flag('titleKo', 'course_title_required');
  if (!t(input.summaryKo)) flag('summaryKo', 'course_summary_required');
  for (const [field, max] of limits) {
    if (t(String(input[field])).length > max) flag(field, 'course_text_too_long');
  }
  const capacityOk =
    Number.isInteger(input.capacity) && input.capacity >= 1 && input.capacity <= MAX_CAPACITY;
  if (!capacityOk) flag('capacity', 'course_capacity_out_of_range');
  if (
    !Number.isInteger(input.minLearners) ||
    input.minLearners < 0 ||
    (capacityOk && input.minLearners > input.capacity)
  ) {
    flag('minLearners', 'course_min_learners_out_of_range');
  }
  const fee = input.materialsFeeWon;
  if (fee !== null && (!Number.isInteger(fee) || fee < 0 || fee > MAX_MATERIALS_FEE_WON)) {
    flag('materialsFeeWon', 'course_fee_out_of_range');
  }
  if (input.mode !== 'first_come' && input.mode !== 'lottery') flag('mode', 'term_mode_invalid');
  const seats = input.onsiteSeats;
  if (!Number.isInteger(seats) || seats < 0 || (capacityOk && seats > input.capacity)) {
    flag('onsiteSeats', 'course_onsite_seats_out_of_range');
  } else if (seats > 0 && input.mode !== 'lottery') {
    flag('onsiteSeats', 'course_onsite_seats_lottery_only');
  }
  if (issues.length > 0) return { ok: false, issues };
  const note = (s: string) => t(s) || null;
  const noteKo = note(input.materialsNoteKo);
  // An English note alone would tell Korean readers nothing: it comes with a Korean one.
  if (!noteKo && note(input.materialsNoteEn)) {
    return {
      ok: false,
      issues: [{ field: 'materialsNoteKo', code: 'course_note_korean_required' }],
    };
  }
  return {
    ok: true,
    value: {
      titleKo: t(input.titleKo),
      titleEn: t(input.titleEn),
      summaryKo: t(input.summaryKo),
      summaryEn: t(input.summaryEn),
      descriptionKo: t(input.descriptionKo),
      descriptionEn: t(input.descriptionEn),
      materialsNoteKo: noteKo,
      materialsNoteEn: note(input.materialsNoteEn),
      materialsFeeWon: fee,
      capacity: input.capacity,
      minLearners: input.minLearners,
      mode: input.mode,
      onsiteSeats: seats,
    },
  };
}
