import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments, terms, type Tx } from '@seoro/db';
import {
  DomainError,
  checkTerm,
  termSlugFor,
  toKstDateTimeInput,
  type TermInput,
  type TermSettings,
} from '@seoro/domain';

/** Enrolment statuses that hold a place or a claim on one. */
export const LIVE_ENROLMENT_STATUSES = ['confirmed', 'waitlisted', 'lottery_pending'] as const;

export type TermRow = typeof terms.$inferSelect;

/** Who changed something, for the audit row. */
export interface StaffActor {
  staffId: string;
  ip?: string | null;
}

/** A term's settings as its form shows them (KST date-times, blanks for "none"). */
export function toTermInput(term: TermRow): TermInput {
  return {
    nameKo: term.nameKo,
    nameEn: term.nameEn,
    slug: term.slug,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    registrationOpensAt: toKstDateTimeInput(term.registrationOpensAt),
    registrationClosesAt: toKstDateTimeInput(term.registrationClosesAt),
    onsiteOpensAt: term.onsiteOpensAt ? toKstDateTimeInput(term.onsiteOpensAt) : '',
    onsiteClosesAt: term.onsiteClosesAt ? toKstDateTimeInput(term.onsiteClosesAt) : '',
    perResidentLimit: term.perResidentLimit,
    noShowBarPercent: term.noShowBarPercent,
    completionPercent: term.completionPercent,
    defaultMode: term.defaultMode,
  };
}

/** The settings, or the first problem as a refusal naming its field: nothing is written then. */
export function requireTerm(input: TermInput): TermSettings {
  const checked = checkTerm(input);
  if (!checked.ok) {
    const [issue] = checked.issues;
    throw new DomainError(issue!.code, { field: issue!.field });
  }
  return checked.value;
}

/**
 * The slug a term is saved with: the one typed (refused when another term has it), or one made
 * from its name with -2, -3… added until it is free.
 */
export async function freeSlug(
  tx: Tx,
  settings: TermSettings,
  exceptTermId: string | null,
): Promise<string> {
  const taken = async (slug: string) => {
    const [row] = await tx
      .select({ id: terms.id })
      .from(terms)
      .where(
        exceptTermId ? and(eq(terms.slug, slug), ne(terms.id, exceptTermId)) : eq(terms.slug, slug),
      )
      .limit(1);
    return !!row;
  };
  if (settings.slug) {
    if (await taken(settings.slug)) throw new DomainError('term_slug_taken');
    return settings.slug;
  }
  const base = termSlugFor(settings);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(slug))) return slug;
  }
}

/** Live enrolments of a term's courses (or of the given courses). */
export async function countLiveEnrolments(
  tx: Tx,
  where: { termId: string } | { courseIds: string[] },
): Promise<number> {
  if ('courseIds' in where && where.courseIds.length === 0) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(
      and(
        'termId' in where
          ? eq(courses.termId, where.termId)
          : inArray(enrolments.courseId, where.courseIds),
        inArray(enrolments.status, LIVE_ENROLMENT_STATUSES),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The term's columns from accepted settings. */
export function termColumns(settings: TermSettings, slug: string) {
  return {
    slug,
    nameKo: settings.nameKo,
    nameEn: settings.nameEn,
    startsOn: settings.startsOn,
    endsOn: settings.endsOn,
    registrationOpensAt: settings.registrationOpensAt,
    registrationClosesAt: settings.registrationClosesAt,
    onsiteOpensAt: settings.onsiteOpensAt,
    onsiteClosesAt: settings.onsiteClosesAt,
    perResidentLimit: settings.perResidentLimit,
    noShowBarPercent: settings.noShowBarPercent,
    completionPercent: settings.completionPercent,
    defaultMode: settings.defaultMode,
  };
}

type Plain = string | number | boolean | null;
const plain = (v: unknown): Plain => (v instanceof Date ? v.toISOString() : (v as Plain));

/**
 * What changed between two versions of a record, for the audit row: each changed field's value
 * before and after (instants as ISO strings).
 */
export function changes<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, Plain>; after: Record<string, Plain> } {
  const was: Record<string, Plain> = {};
  const now: Record<string, Plain> = {};
  for (const key of Object.keys(after)) {
    const a = plain(before[key]);
    const b = plain(after[key]);
    if (a !== b) {
      was[key] = a;
      now[key] = b;
    }
  }
  return { before: was, after: now };
}

/** Every field of a record, instants as ISO strings, for a created record's audit row. */
export function snapshot(record: Record<string, unknown>): Record<string, Plain> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v)]));
}

/** One audit row for a staff change. */
export async function auditStaffChange(
  tx: Tx,
  at: Date,
  actor: StaffActor,
  row: { action: string; subjectType: string; subjectId: string; detail: Record<string, unknown> },
) {
  await tx.insert(auditLog).values({
    at,
    actorType: 'staff',
    actorId: actor.staffId,
    ip: actor.ip ?? null,
    ...row,
  });
}
