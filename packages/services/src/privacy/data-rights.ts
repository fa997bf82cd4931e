import { and, count, desc, eq, gte, inArray, max, ne, sql } from 'drizzle-orm';
import {
  attendance,
  auditLog,
  courses,
  dataRequests,
  enrolments,
  instructors,
  meetings,
  newId,
  outbox,
  residentSessions,
  residents,
  terms,
  type Db,
  type Tx,
} from '@seoro/db';
import {
  DomainError,
  formatKrMobile,
  kstDateOf,
  maskName,
  maskPhone,
  normalizeName,
  requireKrMobile,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { anonymizeResidentInTx, type AnonymizedCounts } from './anonymize-resident';

export const DATA_REQUEST_KINDS = ['access', 'correction', 'deletion'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];
export type DataRequestStatus = 'open' | 'done' | 'refused';

/** A data request as lists show it: the resident masked. */
export interface DataRequestSummary {
  reference: string;
  kind: DataRequestKind;
  source: 'resident' | 'staff';
  status: DataRequestStatus;
  note: string | null;
  /** ISO instant. */
  createdAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  /** Masked (김*수, 010-****-5678); null once the resident's data was deleted. */
  resident: { name: string; phone: string } | null;
}

/** One registration as the resident's data shows it. */
export interface HeldEnrolment {
  enrolmentId: string;
  course: LocalizedText;
  term: LocalizedText;
  termEndsOn: string;
  /** The name given with this registration. */
  name: string;
  status: 'confirmed' | 'waitlisted' | 'lottery_pending' | 'cancelled';
  channel: 'web' | 'kiosk' | 'staff';
  registeredAt: string;
  cancelledAt: string | null;
  /** Check-ins, oldest first: the class day (KST date) and how. */
  attendance: { date: string; checkedInAt: string; method: string; late: boolean }[];
}

/** A text sent to the resident's number: which template, when, how it went. Never its contents. */
export interface HeldMessage {
  template: string;
  channel: 'sms' | 'email';
  createdAt: string;
  sentAt: string | null;
  status: 'pending' | 'sent' | 'failed';
}

/** Everything the program holds about one resident, unmasked: for the resident or an admin. */
export interface ResidentData {
  residentId: string;
  name: string;
  /** 010-1234-5678. */
  phone: string;
  consent: { version: string; at: string };
  retainUntil: string | null;
  anonymizedAt: string | null;
  registeredSince: string;
  enrolments: HeldEnrolment[];
  messages: HeldMessage[];
}

/** What an admin sees besides the resident's own data. */
export interface ResidentDataHeld extends ResidentData {
  sessions: { count: number; lastSeenAt: string | null };
  instructor: { id: string; displayName: string; displayNameEn: string | null } | null;
  requests: DataRequestSummary[];
  audit: { id: number; at: string; action: string; actorType: string; reference: string | null }[];
  /** Live places in terms that have not ended: deletion waits for them. */
  ongoingPlaces: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function summaryOf(
  row: typeof dataRequests.$inferSelect,
  resident: { name: string; phoneE164: string; anonymizedAt: Date | null } | null,
): DataRequestSummary {
  return {
    reference: row.reference,
    kind: row.kind,
    source: row.source,
    status: row.status,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
    resident:
      resident && !resident.anonymizedAt
        ? { name: maskName(resident.name), phone: maskPhone(resident.phoneE164) }
        : null,
  };
}

/** The resident's own data: registrations with attendance, and the texts sent to them. */
async function loadResidentData(db: Db | Tx, residentId: string): Promise<ResidentData | null> {
  const [resident] = await db.select().from(residents).where(eq(residents.id, residentId));
  if (!resident) return null;
  const rows = await db
    .select({
      enrolment: enrolments,
      courseKo: courses.titleKo,
      courseEn: courses.titleEn,
      termKo: terms.nameKo,
      termEn: terms.nameEn,
      termEndsOn: terms.endsOn,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(eq(enrolments.residentId, residentId))
    .orderBy(desc(enrolments.createdAt));
  const ids = rows.map((r) => r.enrolment.id);
  const checkIns =
    ids.length === 0
      ? []
      : await db
          .select({
            enrolmentId: attendance.enrolmentId,
            date: meetings.date,
            checkedInAt: attendance.checkedInAt,
            method: attendance.method,
            late: attendance.late,
          })
          .from(attendance)
          .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
          .where(inArray(attendance.enrolmentId, ids))
          .orderBy(attendance.checkedInAt);
  const messages = resident.anonymizedAt
    ? []
    : await db
        .select()
        .from(outbox)
        .where(eq(outbox.recipient, resident.phoneE164))
        .orderBy(desc(outbox.createdAt));
  return {
    residentId: resident.id,
    name: resident.name,
    phone: resident.anonymizedAt ? '' : formatKrMobile(resident.phoneE164),
    consent: { version: resident.consentVersion, at: resident.consentedAt.toISOString() },
    retainUntil: iso(resident.retainUntil),
    anonymizedAt: iso(resident.anonymizedAt),
    registeredSince: resident.createdAt.toISOString(),
    enrolments: rows.map(({ enrolment, ...row }) => ({
      enrolmentId: enrolment.id,
      course: { ko: row.courseKo, en: row.courseEn },
      term: { ko: row.termKo, en: row.termEn },
      termEndsOn: row.termEndsOn,
      name: enrolment.name,
      status: enrolment.status,
      channel: enrolment.channel,
      registeredAt: enrolment.createdAt.toISOString(),
      cancelledAt: iso(enrolment.cancelledAt),
      attendance: checkIns
        .filter((c) => c.enrolmentId === enrolment.id)
        .map((c) => ({
          date: c.date,
          checkedInAt: c.checkedInAt.toISOString(),
          method: c.method,
          late: c.late,
        })),
    })),
    messages: messages.map((message) => ({
      template: message.template,
      channel: message.channel,
      createdAt: message.createdAt.toISOString(),
      sentAt: iso(message.sentAt),
      status: message.status,
    })),
  };
}

/** Live places the resident holds in terms whose last day (KST) is today or later. */
async function countOngoingPlaces(db: Db | Tx, residentId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(
      and(
        eq(enrolments.residentId, residentId),
        ne(enrolments.status, 'cancelled'),
        gte(terms.endsOn, kstDateOf(now)),
      ),
    );
  return Number(row?.n ?? 0);
}

async function loadHeld(tx: Tx, residentId: string, now: Date): Promise<ResidentDataHeld | null> {
  const own = await loadResidentData(tx, residentId);
  if (!own) return null;
  const [sessions] = await tx
    .select({ n: count(), last: max(residentSessions.lastSeenAt) })
    .from(residentSessions)
    .where(eq(residentSessions.residentId, residentId));
  const [instructor] = await tx
    .select({
      id: instructors.id,
      displayName: instructors.displayName,
      displayNameEn: instructors.displayNameEn,
    })
    .from(instructors)
    .where(eq(instructors.residentId, residentId))
    .limit(1);
  const [resident] = await tx.select().from(residents).where(eq(residents.id, residentId));
  const requests = await tx
    .select()
    .from(dataRequests)
    .where(eq(dataRequests.residentId, residentId))
    .orderBy(desc(dataRequests.createdAt));
  const audit = await tx
    .select()
    .from(auditLog)
    .where(eq(auditLog.residentId, residentId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(200);
  const last = sessions?.last;
  return {
    ...own,
    sessions: {
      count: Number(sessions?.n ?? 0),
      lastSeenAt:
        last instanceof Date ? last.toISOString() : last ? new Date(last).toISOString() : null,
    },
    instructor: instructor ?? null,
    requests: requests.map((r) => summaryOf(r, resident ?? null)),
    audit: audit.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      actorType: row.actorType,
      reference: typeof row.detail?.reference === 'string' ? row.detail.reference : null,
    })),
    ongoingPlaces: await countOngoingPlaces(tx, residentId, now),
  };
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new request reference such as `DR-2026-7K3F9Q`: the KST year and six random characters. */
function newReference(ctx: ServiceContext, now: Date): string {
  const bytes = ctx.random(6);
  const tail = Array.from(bytes, (b) => REFERENCE_ALPHABET[b % 32]).join('');
  return `DR-${kstDateOf(now).slice(0, 4)}-${tail}`;
}

/** Reads a reference as typed: upper case, no spaces. */
export function normalizeReference(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

async function insertRequest(
  ctx: ServiceContext,
  tx: Tx,
  values: {
    residentId: string;
    kind: DataRequestKind;
    source: 'resident' | 'staff';
    note: string | null;
  },
  now: Date,
): Promise<typeof dataRequests.$inferSelect> {
  const row = {
    id: newId(),
    reference: newReference(ctx, now),
    residentId: values.residentId,
    kind: values.kind,
    source: values.source,
    status: 'open' as const,
    note: values.note,
    createdAt: now,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  await tx.insert(dataRequests).values(row);
  return row;
}

/** An existing request of this resident, by reference; another resident's is "not found". */
async function requestOf(
  tx: Tx,
  reference: string,
  residentId: string | null,
): Promise<typeof dataRequests.$inferSelect> {
  const [row] = await tx
    .select()
    .from(dataRequests)
    .where(eq(dataRequests.reference, normalizeReference(reference)))
    .limit(1);
  if (!row || (residentId !== null && row.residentId !== residentId)) {
    throw new DomainError('data_request_not_found');
  }
  return row;
}

interface StaffActor {
  staffId: string;
  ip?: string | null;
}

/** Which request a staff step belongs to: an existing reference, or a new one to record. */
export type RequestChoice = { reference: string } | { kind: DataRequestKind; note?: string | null };

async function staffAudit(
  tx: Tx,
  actor: StaffActor,
  now: Date,
  action: string,
  residentId: string,
  detail: Record<string, unknown>,
) {
  await tx.insert(auditLog).values({
    at: now,
    actorType: 'staff',
    actorId: actor.staffId,
    action,
    subjectType: 'resident',
    subjectId: residentId,
    residentId,
    ip: actor.ip ?? null,
    detail,
  });
}

/**
 * Everything the program holds about the resident with this mobile number, for an administrator
 * answering a request: the read is audited (`resident.data_read`) with the request's reference, in
 * the same call. "New request" records one (source staff) first. A number no resident has (or had,
 * before their data was deleted) is `resident_not_found`.
 */
export const readResidentData = writeService('readResidentData');
export { readResidentDataInPlace };

async function readResidentDataInPlace(
  ctx: ServiceContext,
  input: StaffActor & { phone: string; request: RequestChoice },
): Promise<{ reference: string; held: ResidentDataHeld }> {
  const phone = requireKrMobile(input.phone);
  const now = ctx.clock.now();
  return ctx.database.write(async (tx) => {
    const [resident] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.phoneE164, phone))
      .limit(1);
    if (!resident) throw new DomainError('resident_not_found');
    const request =
      'reference' in input.request
        ? await requestOf(tx, input.request.reference, resident.id)
        : await insertRequest(
            ctx,
            tx,
            {
              residentId: resident.id,
              kind: input.request.kind,
              source: 'staff',
              note: input.request.note?.trim() || null,
            },
            now,
          );
    if (!('reference' in input.request)) {
      await staffAudit(tx, input, now, 'data_request.created', resident.id, {
        reference: request.reference,
        kind: request.kind,
      });
    }
    await staffAudit(tx, input, now, 'resident.data_read', resident.id, {
      reference: request.reference,
    });
    const held = await loadHeld(tx, resident.id, now);
    if (!held) throw new DomainError('resident_not_found');
    return { reference: request.reference, held };
  });
}

/**
 * Corrects a resident's name and/or phone number under a request. The number stays unique: one
 * another resident has is `phone_taken`, and nothing changes. The names on live registrations
 * follow a corrected name. Audited as `resident.data_corrected` with the reference and which
 * fields changed (never the values).
 */
export const correctResidentData = writeService('correctResidentData');
export { correctResidentDataInPlace };

async function correctResidentDataInPlace(
  ctx: ServiceContext,
  input: StaffActor & {
    residentId: string;
    reference: string;
    name?: string | null;
    phone?: string | null;
  },
): Promise<{ reference: string; fields: ('name' | 'phone')[] }> {
  const now = ctx.clock.now();
  let name: string | null = null;
  if (input.name?.trim()) {
    const parsed = normalizeName(input.name);
    if (!parsed.ok) throw new DomainError('invalid_name');
    name = parsed.name;
  }
  const phone = input.phone?.trim() ? requireKrMobile(input.phone) : null;
  if (name === null && phone === null) throw new DomainError('correction_empty');
  return ctx.database.write(async (tx) => {
    const [resident] = await tx
      .select()
      .from(residents)
      .where(eq(residents.id, input.residentId))
      .limit(1);
    if (!resident || resident.anonymizedAt) throw new DomainError('resident_not_found');
    const request = await requestOf(tx, input.reference, resident.id);
    if (request.status !== 'open') throw new DomainError('data_request_closed');
    const fields: ('name' | 'phone')[] = [];
    const set: Partial<typeof residents.$inferInsert> = { updatedAt: now };
    if (name !== null && name !== resident.name) {
      fields.push('name');
      set.name = name;
    }
    if (phone !== null && phone !== resident.phoneE164) {
      const [clash] = await tx
        .select({ id: residents.id })
        .from(residents)
        .where(eq(residents.phoneE164, phone))
        .limit(1);
      if (clash) throw new DomainError('phone_taken');
      fields.push('phone');
      set.phoneE164 = phone;
    }
    if (fields.length === 0) throw new DomainError('correction_empty');
    await tx.update(residents).set(set).where(eq(residents.id, resident.id));
    if (set.name !== undefined) {
      await tx
        .update(enrolments)
        .set({ name: set.name, updatedAt: now })
        .where(and(eq(enrolments.residentId, resident.id), ne(enrolments.status, 'cancelled')));
    }
    await staffAudit(tx, input, now, 'resident.data_corrected', resident.id, {
      reference: request.reference,
      fields,
    });
    return { reference: request.reference, fields };
  });
}

/**
 * Deletes a resident's personal data under a request (anonymises: name and number destroyed, the
 * rows statistics count kept). Refused with `resident_has_ongoing_places` while the resident holds
 * a place in a term that has not ended: staff cancel those places first, or answer the request.
 */
export const deleteResidentData = writeService('deleteResidentData');
export { deleteResidentDataInPlace };

async function deleteResidentDataInPlace(
  ctx: ServiceContext,
  input: StaffActor & { residentId: string; reference: string },
): Promise<{ reference: string; counts: AnonymizedCounts }> {
  const now = ctx.clock.now();
  return ctx.database.write(async (tx) => {
    const [resident] = await tx
      .select()
      .from(residents)
      .where(eq(residents.id, input.residentId))
      .limit(1);
    if (!resident || resident.anonymizedAt) throw new DomainError('resident_not_found');
    const request = await requestOf(tx, input.reference, resident.id);
    if (request.status !== 'open') throw new DomainError('data_request_closed');
    const ongoing = await countOngoingPlaces(tx, resident.id, now);
    if (ongoing > 0) throw new DomainError('resident_has_ongoing_places', { count: ongoing });
    const counts = await anonymizeResidentInTx(tx, resident.id, now);
    await staffAudit(tx, input, now, 'resident.data_deleted', resident.id, {
      reference: request.reference,
      counts,
    });
    return { reference: request.reference, counts };
  });
}

/** Answers a request: done, or refused. Either way with a sentence saying what was done or why. */
export const resolveDataRequest = writeService('resolveDataRequest');
export { resolveDataRequestInPlace };

async function resolveDataRequestInPlace(
  ctx: ServiceContext,
  input: StaffActor & { reference: string; status: 'done' | 'refused'; resolution: string },
): Promise<DataRequestSummary> {
  const resolution = input.resolution.trim();
  if (!resolution) throw new DomainError('resolution_required');
  const now = ctx.clock.now();
  return ctx.database.write(async (tx) => {
    const request = await requestOf(tx, input.reference, null);
    if (request.status !== 'open') throw new DomainError('data_request_closed');
    await tx
      .update(dataRequests)
      .set({ status: input.status, resolution, resolvedAt: now, resolvedBy: input.staffId })
      .where(eq(dataRequests.id, request.id));
    await staffAudit(tx, input, now, 'data_request.resolved', request.residentId, {
      reference: request.reference,
      status: input.status,
      reason: resolution,
    });
    const [resident] = await tx
      .select()
      .from(residents)
      .where(eq(residents.id, request.residentId));
    return summaryOf(
      { ...request, status: input.status, resolution, resolvedAt: now, resolvedBy: input.staffId },
      resident ?? null,
    );
  });
}

/** The requests staff work on: open ones first, then the newest. */
export async function listDataRequests(
  ctx: ServiceContext,
  input: { limit?: number } = {},
): Promise<DataRequestSummary[]> {
  const rows = await ctx.database.db
    .select({ request: dataRequests, resident: residents })
    .from(dataRequests)
    .leftJoin(residents, eq(residents.id, dataRequests.residentId))
    .orderBy(
      sql`case when ${dataRequests.status} = 'open' then 0 else 1 end`,
      desc(dataRequests.createdAt),
    )
    .limit(Math.min(input.limit ?? 100, 200));
  return rows.map((row) => summaryOf(row.request, row.resident));
}

/**
 * The signed-in resident's own data (name, number, consent, registrations with attendance, texts
 * sent), for "download my data". Audited as `resident.data_export` by the resident.
 */
export const exportMyData = writeService('exportMyData');
export { exportMyDataInPlace };

async function exportMyDataInPlace(
  ctx: ServiceContext,
  input: { residentId: string; ip?: string | null; format: 'json' | 'page' },
): Promise<ResidentData & { exportedAt: string; ongoingPlaces: number }> {
  const now = ctx.clock.now();
  return ctx.database.write(async (tx) => {
    const data = await loadResidentData(tx, input.residentId);
    if (!data || data.anonymizedAt) throw new DomainError('resident_not_found');
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'resident.data_export',
      subjectType: 'resident',
      subjectId: input.residentId,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: { format: input.format },
    });
    return {
      ...data,
      exportedAt: now.toISOString(),
      ongoingPlaces: await countOngoingPlaces(tx, input.residentId, now),
    };
  });
}

/** The resident's open deletion request, if any: shown on `/my/data`. */
export async function getMyOpenDeletionRequest(
  ctx: ServiceContext,
  input: { residentId: string },
): Promise<{ reference: string; createdAt: string } | null> {
  const [row] = await ctx.database.db
    .select()
    .from(dataRequests)
    .where(
      and(
        eq(dataRequests.residentId, input.residentId),
        eq(dataRequests.kind, 'deletion'),
        eq(dataRequests.status, 'open'),
      ),
    )
    .limit(1);
  return row ? { reference: row.reference, createdAt: row.createdAt.toISOString() } : null;
}

/**
 * A resident asks for their data to be deleted: one open deletion request at a time (a second is
 * `deletion_request_open`, naming the first's reference). Staff answer it at `/admin/privacy`.
 */
export const requestMyDeletion = writeService('requestMyDeletion');
export { requestMyDeletionInPlace };

async function requestMyDeletionInPlace(
  ctx: ServiceContext,
  input: { residentId: string; note?: string | null; ip?: string | null },
): Promise<{ reference: string; createdAt: string }> {
  const now = ctx.clock.now();
  const note = input.note?.trim().slice(0, 1000) || null;
  return ctx.database.write(async (tx) => {
    const [resident] = await tx
      .select({ anonymizedAt: residents.anonymizedAt })
      .from(residents)
      .where(eq(residents.id, input.residentId));
    if (!resident || resident.anonymizedAt) throw new DomainError('resident_not_found');
    const [open] = await tx
      .select({ reference: dataRequests.reference })
      .from(dataRequests)
      .where(
        and(
          eq(dataRequests.residentId, input.residentId),
          eq(dataRequests.kind, 'deletion'),
          eq(dataRequests.status, 'open'),
        ),
      )
      .limit(1);
    if (open) throw new DomainError('deletion_request_open', { reference: open.reference });
    const request = await insertRequest(
      ctx,
      tx,
      { residentId: input.residentId, kind: 'deletion', source: 'resident', note },
      now,
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: input.residentId,
      action: 'data_request.created',
      subjectType: 'resident',
      subjectId: input.residentId,
      residentId: input.residentId,
      ip: input.ip ?? null,
      detail: { reference: request.reference, kind: 'deletion' },
    });
    return { reference: request.reference, createdAt: now.toISOString() };
  });
}
