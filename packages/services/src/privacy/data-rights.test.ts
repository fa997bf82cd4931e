import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  attendance,
  auditLog,
  dataRequests,
  enrolments,
  instructors,
  outbox,
  residentSessions,
  residents,
  staffUsers,
  type Database,
} from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError } from '@seoro/domain';
import { createServiceContext } from '../context';
import {
  correctResidentData,
  deleteResidentData,
  exportMyData,
  listDataRequests,
  readResidentData,
  requestMyDeletion,
  resolveDataRequest,
} from './data-rights';

const NOW = new Date('2026-06-10T03:00:00Z');

async function makeAdmin(database: Database) {
  const row = {
    id: randomUUID(),
    email: `${randomUUID()}@seoroseoro.example`,
    name: '김관리',
    passwordHash: 'not-a-hash',
    role: 'admin' as const,
    createdAt: NOW,
  };
  await database.write((tx) => tx.insert(staffUsers).values(row));
  return row;
}

async function setup() {
  const { database } = await testDatabase();
  const ctx = createServiceContext(database, { clock: { now: () => NOW } });
  const admin = await makeAdmin(database);
  const { roomId } = await makeRoom(database);
  const past = await makeTerm(database, { startsOn: '2026-01-05', endsOn: '2026-03-31' });
  const current = await makeTerm(database, { startsOn: '2026-04-01', endsOn: '2026-07-31' });
  const oldCourse = await makeCourse(database, { termId: past.id, roomId });
  const course = await makeCourse(database, { termId: current.id, roomId });
  const kim = await makeResident(database, { name: '김민지', phoneE164: '+821012345678' });
  const other = await makeResident(database, { name: '이서준', phoneE164: '+821098765432' });
  const oldPlace = await makeEnrolment(database, { courseId: oldCourse.id, residentId: kim.id });
  const place = await makeEnrolment(database, { courseId: course.id, residentId: kim.id });
  const meeting = await makeMeeting(
    database,
    { courseId: oldCourse.id, roomId },
    new Date('2026-02-10T05:00:00Z'),
  );
  await database.write(async (tx) => {
    await tx.insert(attendance).values({
      id: randomUUID(),
      enrolmentId: oldPlace.id,
      meetingId: meeting.id,
      checkedInAt: new Date('2026-02-10T04:55:00Z'),
      method: 'keypad',
    });
    await tx.insert(residentSessions).values({
      id: 'session-kim',
      residentId: kim.id,
      createdAt: NOW,
      lastSeenAt: NOW,
      expiresAt: new Date(NOW.getTime() + 3_600_000),
    });
    await tx.insert(outbox).values({
      id: randomUUID(),
      template: 'registration_confirmed',
      channel: 'sms',
      recipient: '+821012345678',
      locale: 'ko',
      payload: { name: '김민지', secret: 'contents' },
      status: 'sent',
      nextAttemptAt: NOW,
      sentAt: NOW,
      createdAt: NOW,
    });
    await tx.insert(instructors).values({
      id: randomUUID(),
      residentId: kim.id,
      displayName: '김민지 강사',
      createdAt: NOW,
    });
  });
  return { database, ctx, admin, kim, other, course, place, oldPlace };
}

async function auditRows(database: Database, action: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('residents’ data rights', () => {
  it('shows an admin everything held, auditing the read with the request reference', async () => {
    const { database, ctx, admin, kim } = await setup();
    const result = await readResidentData(ctx, {
      phone: '010-1234-5678',
      request: { kind: 'access', note: '전화로 요청' },
      staffId: admin.id,
      ip: '10.0.0.1',
    });
    expect(result.reference).toMatch(/^DR-2026-[0-9A-Z]{6}$/);
    const held = result.held;
    expect(held).toMatchObject({
      residentId: kim.id,
      name: '김민지',
      phone: '010-1234-5678',
      consent: { version: 'test' },
      anonymizedAt: null,
      sessions: { count: 1 },
      instructor: { displayName: '김민지 강사' },
      ongoingPlaces: 1,
    });
    expect(held.enrolments).toHaveLength(2);
    expect(held.enrolments.flatMap((e) => e.attendance)).toHaveLength(1);
    expect(held.messages).toEqual([
      expect.objectContaining({ template: 'registration_confirmed', status: 'sent' }),
    ]);
    expect(JSON.stringify(held.messages)).not.toContain('contents');
    expect(held.requests.map((r) => r.reference)).toEqual([result.reference]);
    expect(held.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['resident.data_read', 'data_request.created']),
    );
    const [read] = await auditRows(database, 'resident.data_read');
    expect(read).toMatchObject({
      actorType: 'staff',
      actorId: admin.id,
      residentId: kim.id,
      detail: { reference: result.reference },
    });

    // The same request again, by reference: no new request, another audited read.
    await readResidentData(ctx, {
      phone: '01012345678',
      request: { reference: result.reference.toLowerCase() },
      staffId: admin.id,
    });
    expect(await database.db.select().from(dataRequests)).toHaveLength(1);
    expect(await auditRows(database, 'resident.data_read')).toHaveLength(2);
  });

  it('refuses an unknown number or a reference of another resident, writing nothing', async () => {
    const { database, ctx, admin, other } = await setup();
    expect(
      await refusal(
        readResidentData(ctx, {
          phone: '010-5555-0000',
          request: { kind: 'access' },
          staffId: admin.id,
        }),
      ),
    ).toBe('resident_not_found');
    const { reference } = await requestMyDeletion(ctx, { residentId: other.id });
    expect(
      await refusal(
        readResidentData(ctx, {
          phone: '010-1234-5678',
          request: { reference },
          staffId: admin.id,
        }),
      ),
    ).toBe('data_request_not_found');
    expect(await auditRows(database, 'resident.data_read')).toHaveLength(0);
  });

  it('corrects name and phone; a clashing phone is refused and nothing changes', async () => {
    const { database, ctx, admin, kim, place, oldPlace } = await setup();
    const { reference } = await readResidentData(ctx, {
      phone: '010-1234-5678',
      request: { kind: 'correction' },
      staffId: admin.id,
    });
    expect(
      await refusal(
        correctResidentData(ctx, {
          residentId: kim.id,
          reference,
          name: '김민재',
          phone: '010-9876-5432',
          staffId: admin.id,
        }),
      ),
    ).toBe('phone_taken');
    const [unchanged] = await database.db.select().from(residents).where(eq(residents.id, kim.id));
    expect(unchanged).toMatchObject({ name: '김민지', phoneE164: '+821012345678' });
    expect(await auditRows(database, 'resident.data_corrected')).toHaveLength(0);

    await database.write((tx) =>
      tx.update(enrolments).set({ status: 'cancelled' }).where(eq(enrolments.id, oldPlace.id)),
    );
    const done = await correctResidentData(ctx, {
      residentId: kim.id,
      reference,
      name: '김민재',
      phone: '010-2222-3333',
      staffId: admin.id,
    });
    expect(done.fields).toEqual(['name', 'phone']);
    const [after] = await database.db.select().from(residents).where(eq(residents.id, kim.id));
    expect(after).toMatchObject({ name: '김민재', phoneE164: '+821022223333' });
    const names = await database.db.select().from(enrolments);
    expect(names.find((e) => e.id === place.id)?.name).toBe('김민재');
    expect(names.find((e) => e.id === oldPlace.id)?.name).toBe('김민지');
    const [row] = await auditRows(database, 'resident.data_corrected');
    expect(row?.detail).toEqual({ reference, fields: ['name', 'phone'] });
  });

  it('refuses deletion during a term not yet ended, allows it after; the number finds no one', async () => {
    const { database, ctx, admin, kim, place } = await setup();
    const { reference } = await requestMyDeletion(ctx, { residentId: kim.id });
    expect(
      await refusal(deleteResidentData(ctx, { residentId: kim.id, reference, staffId: admin.id })),
    ).toBe('resident_has_ongoing_places');
    const [still] = await database.db.select().from(residents).where(eq(residents.id, kim.id));
    expect(still?.anonymizedAt).toBeNull();

    await database.write((tx) =>
      tx.update(enrolments).set({ status: 'cancelled' }).where(eq(enrolments.id, place.id)),
    );
    const deleted = await deleteResidentData(ctx, {
      residentId: kim.id,
      reference,
      staffId: admin.id,
    });
    expect(deleted.counts.residents).toBe(1);
    const [row] = await auditRows(database, 'resident.data_deleted');
    expect(row).toMatchObject({ residentId: kim.id, detail: { reference } });
    expect(
      await refusal(
        readResidentData(ctx, {
          phone: '010-1234-5678',
          request: { reference },
          staffId: admin.id,
        }),
      ),
    ).toBe('resident_not_found');

    expect(
      await refusal(
        resolveDataRequest(ctx, { reference, status: 'done', resolution: ' ', staffId: admin.id }),
      ),
    ).toBe('resolution_required');
    const resolved = await resolveDataRequest(ctx, {
      reference,
      status: 'done',
      resolution: '삭제함',
      staffId: admin.id,
    });
    expect(resolved).toMatchObject({ status: 'done', resident: null });
    expect(
      await refusal(
        resolveDataRequest(ctx, { reference, status: 'done', resolution: 'x', staffId: admin.id }),
      ),
    ).toBe('data_request_closed');
    const [resolvedRow] = await auditRows(database, 'data_request.resolved');
    expect(resolvedRow?.detail).toMatchObject({ reference, status: 'done' });
  });

  it('gives the resident their own data and audits the export', async () => {
    const { database, ctx, kim } = await setup();
    const data = await exportMyData(ctx, { residentId: kim.id, format: 'json' });
    expect(data).toMatchObject({ name: '김민지', phone: '010-1234-5678', ongoingPlaces: 1 });
    expect(data.enrolments).toHaveLength(2);
    expect(data.messages.map((m) => m.template)).toEqual(['registration_confirmed']);
    expect(data).not.toHaveProperty('audit');
    const [row] = await auditRows(database, 'resident.data_export');
    expect(row).toMatchObject({ actorType: 'resident', actorId: kim.id, residentId: kim.id });
  });

  it('allows one open deletion request at a time', async () => {
    const { database, ctx, kim, admin } = await setup();
    const first = await requestMyDeletion(ctx, { residentId: kim.id, note: '탈퇴합니다' });
    const error = await requestMyDeletion(ctx, { residentId: kim.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('deletion_request_open');
    expect((error as DomainError).params.reference).toBe(first.reference);
    expect(await database.db.select().from(dataRequests)).toHaveLength(1);
    const list = await listDataRequests(ctx);
    expect(list[0]).toMatchObject({
      reference: first.reference,
      kind: 'deletion',
      source: 'resident',
      status: 'open',
      resident: { name: '김*지', phone: '010-****-5678' },
    });
    await resolveDataRequest(ctx, {
      reference: first.reference,
      status: 'refused',
      resolution: '수강 중',
      staffId: admin.id,
    });
    const second = await requestMyDeletion(ctx, { residentId: kim.id });
    expect(second.reference).not.toBe(first.reference);
  });
});
