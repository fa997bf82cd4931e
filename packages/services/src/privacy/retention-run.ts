import { and, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import {
  auditLog,
  courses,
  enrolments,
  instructors,
  newId,
  outbox,
  residents,
  retentionRuns,
  staffUsers,
  terms,
  type Db,
  type Tx,
} from '@seoro/db';
import {
  DomainError,
  isResidentDue,
  kstDateOf,
  kstTimeOf,
  maskName,
  maskPhone,
  messagesCutoff,
  residentDueAt,
  type RetentionPolicy,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { anonymizeResidentInTx } from './anonymize-resident';
import { mergeRetentionPolicy, RETENTION_SETTING_KEY } from './retention-policy';
import { programSettings } from '@seoro/db';

/** Residents anonymised per write transaction, so other writes are not held up for long. */
export const RETENTION_BATCH = 200;
/** Due residents listed in a report (the counts cover all of them). */
export const RETENTION_LISTED = 200;
/** How many upcoming dates a report names. */
export const RETENTION_UPCOMING_DATES = 5;
/** The daily job runs after this KST time. */
export const RETENTION_DAILY_AFTER = '03:00';

/** How many records of each kind a run destroyed (a dry run: would destroy). */
export interface RetentionCounts {
  residents: number;
  messages: number;
  enrolmentNames?: number;
  sessions?: number;
  signInCodes?: number;
}

/** One resident whose name and phone are due, as staff may see it: masked only. */
export interface DueResident {
  maskedName: string;
  maskedPhone: string;
  /** The term whose end fixes the date; null: never registered (counted from the record). */
  term: { nameKo: string; nameEn: string; endsOn: string } | null;
  dueAt: Date;
}

export interface RetentionReport {
  runId: string;
  dryRun: boolean;
  startedAt: Date;
  finishedAt: Date;
  policy: RetentionPolicy;
  counts: RetentionCounts;
  /** Residents due at the start of the run, at most `RETENTION_LISTED`. */
  due: DueResident[];
  /** The next KST dates on which residents become due, with how many, earliest first. */
  upcoming: { date: string; residents: number }[];
}

interface TermRef {
  nameKo: string;
  nameEn: string;
  endsOn: string;
}

interface Subject {
  id: string;
  name: string;
  phone: string;
  createdAt: Date;
  terms: TermRef[];
}

/**
 * Every resident not yet anonymised, with the terms they registered for (any enrolment, cancelled
 * ones too: the registration is why the data was kept) and the terms of courses they teach.
 */
async function loadSubjects(q: Db | Tx): Promise<Subject[]> {
  const people = await q
    .select({
      id: residents.id,
      name: residents.name,
      phone: residents.phoneE164,
      createdAt: residents.createdAt,
    })
    .from(residents)
    .where(isNull(residents.anonymizedAt));
  const byId = new Map<string, Subject>(people.map((p) => [p.id, { ...p, terms: [] }]));
  const learnt = await q
    .selectDistinct({
      residentId: enrolments.residentId,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      endsOn: terms.endsOn,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId));
  const taught = await q
    .selectDistinct({
      residentId: instructors.residentId,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      endsOn: terms.endsOn,
    })
    .from(courses)
    .innerJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(terms, eq(terms.id, courses.termId));
  for (const row of [...learnt, ...taught]) {
    if (row.residentId === null) continue;
    byId
      .get(row.residentId)
      ?.terms.push({ nameKo: row.nameKo, nameEn: row.nameEn, endsOn: row.endsOn });
  }
  return [...byId.values()];
}

function lastTerm(terms: TermRef[]): TermRef | null {
  let last: TermRef | null = null;
  for (const term of terms) if (!last || term.endsOn > last.endsOn) last = term;
  return last;
}

function assess(subjects: Subject[], policy: RetentionPolicy, now: Date) {
  const due: (Subject & { dueAt: Date })[] = [];
  const later = new Map<string, number>();
  for (const s of subjects) {
    const subject = { termEndsOn: s.terms.map((t) => t.endsOn), createdAt: s.createdAt };
    const dueAt = residentDueAt(subject, policy.residents);
    if (isResidentDue(subject, policy.residents, now)) due.push({ ...s, dueAt });
    else {
      const date = kstDateOf(dueAt);
      later.set(date, (later.get(date) ?? 0) + 1);
    }
  }
  due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const upcoming = [...later.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, RETENTION_UPCOMING_DATES)
    .map(([date, count]) => ({ date, residents: count }));
  return { due, upcoming };
}

function listed(due: (Subject & { dueAt: Date })[]): DueResident[] {
  return due.slice(0, RETENTION_LISTED).map((s) => {
    const term = lastTerm(s.terms);
    return {
      maskedName: maskName(s.name),
      maskedPhone: maskPhone(s.phone),
      term: term ? { ...term } : null,
      dueAt: s.dueAt,
    };
  });
}

/** Texts to residents whose period has passed: sent (or given up) at or before the cutoff. */
function agedMessages(cutoff: Date) {
  return and(
    eq(outbox.channel, 'sms'),
    ne(outbox.recipient, ''),
    ne(outbox.status, 'pending'),
    lte(sql`coalesce(${outbox.sentAt}, ${outbox.createdAt})`, cutoff.getTime()),
  );
}

async function readPolicy(tx: Tx): Promise<RetentionPolicy> {
  const [row] = await tx
    .select({ value: programSettings.value })
    .from(programSettings)
    .where(eq(programSettings.key, RETENTION_SETTING_KEY));
  if (!row) return mergeRetentionPolicy(null);
  try {
    return mergeRetentionPolicy(JSON.parse(row.value));
  } catch {
    return mergeRetentionPolicy(null);
  }
}

export type RetentionActor = { type: 'staff'; id: string } | { type: 'system' };

export interface RunRetentionInput {
  dryRun: boolean;
  actor: RetentionActor;
  /** Why staff run it now; required for a real run started by staff, kept in the audit row. */
  reason?: string | null;
  ip?: string | null;
}

/**
 * Applies the retention periods. A resident is due when their period has passed since the end of
 * the last term they registered for (or since they were recorded, if they never registered) and
 * no term of theirs is ongoing; their name and phone are destroyed (`anonymizeResidentInTx`),
 * `RETENTION_BATCH` per transaction. Texts older than the `messages` period lose recipient and
 * contents. The run is recorded in `retention_runs` and audited as `retention.run` with counts,
 * never names. A dry run changes no personal data: it reports what would go now (masked) and the
 * next dates on which residents become due, and is recorded too (`retention.dry_run`).
 * Refusal: `reason_required` for a real run by staff without a reason.
 */
export const runRetention = writeService('runRetention');
export { runRetentionInPlace };

async function runRetentionInPlace(
  ctx: ServiceContext,
  input: RunRetentionInput,
): Promise<RetentionReport> {
  const reason = input.reason?.trim() ?? '';
  if (!input.dryRun && input.actor.type === 'staff' && reason === '') {
    throw new DomainError('reason_required');
  }
  const startedAt = ctx.clock.now();
  const actorId = input.actor.type === 'staff' ? input.actor.id : null;
  const record = async (tx: Tx, report: Omit<RetentionReport, 'runId' | 'finishedAt'>) => {
    const runId = newId();
    const finishedAt = ctx.clock.now();
    const counts: Record<string, number> = { ...report.counts };
    await tx.insert(retentionRuns).values({
      id: runId,
      startedAt,
      finishedAt,
      dryRun: input.dryRun,
      actorType: input.actor.type,
      actorId,
      policy: { ...report.policy },
      counts,
    });
    await tx.insert(auditLog).values({
      at: finishedAt,
      actorType: input.actor.type,
      actorId,
      action: input.dryRun ? 'retention.dry_run' : 'retention.run',
      subjectType: 'retention_run',
      subjectId: runId,
      ip: input.ip ?? null,
      detail: { counts, policy: { ...report.policy }, ...(reason ? { reason } : {}) },
    });
    return { ...report, runId, finishedAt };
  };

  if (input.dryRun) {
    return ctx.database.write(async (tx) => {
      const policy = await readPolicy(tx);
      const { due, upcoming } = assess(await loadSubjects(tx), policy, startedAt);
      const ids = new Set<string>();
      const aged = await tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(agedMessages(messagesCutoff(startedAt, policy.messages)));
      for (const row of aged) ids.add(row.id);
      const phones = due.map((s) => s.phone);
      for (let i = 0; i < phones.length; i += 500) {
        const rows = await tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(inArray(outbox.recipient, phones.slice(i, i + 500)));
        for (const row of rows) ids.add(row.id);
      }
      return record(tx, {
        dryRun: true,
        startedAt,
        policy,
        counts: { residents: due.length, messages: ids.size },
        due: listed(due),
        upcoming,
      });
    });
  }

  const counts = { residents: 0, messages: 0, enrolmentNames: 0, sessions: 0, signInCodes: 0 };
  let policy: RetentionPolicy | null = null;
  let gone: DueResident[] = [];
  for (;;) {
    const batch = await ctx.database.write(async (tx) => {
      policy ??= await readPolicy(tx);
      const { due } = assess(await loadSubjects(tx), policy, startedAt);
      const now = ctx.clock.now();
      const take = due.slice(0, RETENTION_BATCH);
      if (gone.length < RETENTION_LISTED)
        gone = [...gone, ...listed(take)].slice(0, RETENTION_LISTED);
      for (const subject of take) {
        const one = await anonymizeResidentInTx(tx, subject.id, now);
        counts.residents += one.residents;
        counts.messages += one.messages;
        counts.enrolmentNames += one.enrolmentNames;
        counts.sessions += one.sessions;
        counts.signInCodes += one.signInCodes;
      }
      return take.length;
    });
    if (batch < RETENTION_BATCH) break;
  }
  return ctx.database.write(async (tx) => {
    const applied = policy ?? (await readPolicy(tx));
    const blanked = await tx
      .update(outbox)
      .set({ recipient: '', payload: {} })
      .where(agedMessages(messagesCutoff(startedAt, applied.messages)))
      .returning({ id: outbox.id });
    counts.messages += blanked.length;
    const { upcoming } = assess(await loadSubjects(tx), applied, startedAt);
    return record(tx, { dryRun: false, startedAt, policy: applied, counts, due: gone, upcoming });
  });
}

/**
 * The daily job: runs the retention once per KST day, after `RETENTION_DAILY_AFTER`, unless the
 * job already ran that day. Returns the report, or null when it was not time.
 */
export async function runDailyRetention(ctx: ServiceContext): Promise<RetentionReport | null> {
  const now = ctx.clock.now();
  if (kstTimeOf(now) < RETENTION_DAILY_AFTER) return null;
  const [last] = await ctx.database.db
    .select({ startedAt: retentionRuns.startedAt })
    .from(retentionRuns)
    .where(and(eq(retentionRuns.dryRun, false), eq(retentionRuns.actorType, 'system')))
    .orderBy(desc(retentionRuns.startedAt))
    .limit(1);
  if (last && kstDateOf(last.startedAt) === kstDateOf(now)) return null;
  return runRetention(ctx, { dryRun: false, actor: { type: 'system' } });
}

/** One run as the admin lists it. */
export interface RetentionRunRow {
  id: string;
  startedAt: Date;
  finishedAt: Date;
  dryRun: boolean;
  actorType: 'system' | 'staff';
  staffName: string | null;
  policy: Record<string, number>;
  counts: Record<string, number>;
}

/** The latest runs, newest first (dry runs and real ones). */
export async function listRetentionRuns(
  ctx: ServiceContext,
  limit = 20,
): Promise<RetentionRunRow[]> {
  return ctx.database.db
    .select({
      id: retentionRuns.id,
      startedAt: retentionRuns.startedAt,
      finishedAt: retentionRuns.finishedAt,
      dryRun: retentionRuns.dryRun,
      actorType: retentionRuns.actorType,
      staffName: staffUsers.name,
      policy: retentionRuns.policy,
      counts: retentionRuns.counts,
    })
    .from(retentionRuns)
    .leftJoin(staffUsers, eq(staffUsers.id, retentionRuns.actorId))
    .orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.finishedAt))
    .limit(limit);
}
