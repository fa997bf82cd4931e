import { addDays, dateToDays, kstDateOf, kstInstant } from './time';

/**
 * How long personal data is kept, per kind, in whole months (PIPA). `residents`: a resident's name
 * and phone, counted from the end of the last term they registered for (or from when they were
 * first recorded, if they never registered); `messages`: texts sent to residents, counted from
 * when they were sent.
 */
export interface RetentionPolicy {
  residents: number;
  messages: number;
}

/** The periods kept until staff change them; `residents` is what the privacy notice promised. */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { residents: 12, messages: 6 };

/** The bounds staff may choose a period in, in months. */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 60;

export const RETENTION_KINDS = [
  'residents',
  'messages',
] as const satisfies readonly (keyof RetentionPolicy)[];

const MS_PER_DAY = 86_400_000;

/** Whether `months` is a period staff may choose. */
export function isRetentionMonths(months: unknown): months is number {
  return (
    typeof months === 'number' &&
    Number.isSafeInteger(months) &&
    months >= RETENTION_MONTHS_MIN &&
    months <= RETENTION_MONTHS_MAX
  );
}

/**
 * A calendar date `months` later (or earlier, if negative); a day the target month lacks becomes
 * its last day (31 March + 1 month = 30 April).
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months))
    throw new RangeError(`months must be an integer, got ${months}`);
  dateToDays(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a term has ended: midnight KST after its last day (`endsOn`, 'YYYY-MM-DD'). */
export function termEndInstant(endsOn: string): Date {
  return kstInstant(addDays(endsOn, 1), '00:00');
}

/** An instant `months` calendar months (KST) later, at the same wall-clock time. */
export function addMonthsToInstant(instant: Date, months: number): Date {
  const date = kstDateOf(instant);
  const shift = dateToDays(addMonths(date, months)) - dateToDays(date);
  return new Date(instant.getTime() + shift * MS_PER_DAY);
}

/** What fixes one resident's date: the last days of the terms they registered for, and their record. */
export interface RetentionSubject {
  /** `endsOn` of the term of each of their enrolments (any status), 'YYYY-MM-DD'. */
  termEndsOn: readonly string[];
  /** When the resident was first recorded. */
  createdAt: Date;
}

/**
 * When a resident's name and phone are due for destruction: `months` after the end of the last
 * term they registered for, or, never having registered, `months` after they were recorded. A
 * term that has not ended always protects (its end is at or before the last term's end).
 */
export function residentDueAt(subject: RetentionSubject, months: number): Date {
  if (subject.termEndsOn.length === 0) return addMonthsToInstant(subject.createdAt, months);
  let last = subject.termEndsOn[0] as string;
  for (const endsOn of subject.termEndsOn) if (endsOn > last) last = endsOn;
  return kstInstant(addMonths(addDays(last, 1), months), '00:00');
}

/** Whether a resident's data is due now: the due date has come and no term of theirs is ongoing. */
export function isResidentDue(subject: RetentionSubject, months: number, now: Date): boolean {
  if (subject.termEndsOn.some((endsOn) => now < termEndInstant(endsOn))) return false;
  return now >= residentDueAt(subject, months);
}

/** Texts sent at or before this instant are due under a period of `months`. */
export function messagesCutoff(now: Date, months: number): Date {
  return addMonthsToInstant(now, -months);
}
