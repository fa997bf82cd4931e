import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { auditLog, staffUsers, type Database } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { searchAuditLog, type AuditSearchInput } from './search-audit-log';

type AuditRow = typeof auditLog.$inferInsert;

async function makeStaff(database: Database, name: string, role: 'admin' | 'staff' = 'staff') {
  const row = {
    id: randomUUID(),
    email: `${randomUUID()}@seoroseoro.example`,
    name,
    passwordHash: 'not-a-hash',
    role,
    createdAt: new Date(),
  };
  await database.write((tx) => tx.insert(staffUsers).values(row));
  return row;
}

async function writeAudit(database: Database, rows: AuditRow[]) {
  await database.write((tx) => tx.insert(auditLog).values(rows));
}

async function setup() {
  const { database } = await testDatabase();
  const ctx = createServiceContext(database);
  const kim = await makeStaff(database, '김담당', 'admin');
  const lee = await makeStaff(database, '이직원');
  const resident = await makeResident(database, { name: '김민수', phoneE164: '+821012345678' });
  const other = await makeResident(database, { name: '박서연', phoneE164: '+821098761111' });
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database);
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '도자기 빚기' },
  );
  const enrolment = await makeEnrolment(database, {
    courseId: course.id,
    residentId: resident.id,
  });
  return { database, ctx, kim, lee, resident, other, course, enrolment };
}

const at = (iso: string) => new Date(iso);

describe('searchAuditLog', () => {
  it('shows who, from where, whose data (masked) and why, newest first', async () => {
    const { database, ctx, kim, resident, course, enrolment } = await setup();
    await writeAudit(database, [
      {
        at: at('2026-01-10T01:00:00Z'),
        actorType: 'staff',
        actorId: kim.id,
        action: 'staff.sign_in',
        subjectType: 'staff_user',
        subjectId: kim.id,
        ip: '10.0.0.1',
        detail: {},
      },
      {
        at: at('2026-01-10T02:00:00Z'),
        actorType: 'staff',
        actorId: kim.id,
        action: 'enrolment.cancel',
        subjectType: 'enrolment',
        subjectId: enrolment.id,
        residentId: resident.id,
        detail: { reason: '본인 요청', previousStatus: 'confirmed' },
      },
      {
        at: at('2026-01-10T03:00:00Z'),
        actorType: 'staff',
        actorId: null,
        action: 'staff.sign_in_failed',
        subjectType: 'staff_user',
        ip: '10.0.0.9',
        detail: { email: 'who@example.com', reason: 'unknown_email' },
      },
      {
        at: at('2026-01-10T04:00:00Z'),
        actorType: 'system',
        action: 'course.below_minimum',
        subjectType: 'course',
        subjectId: course.id,
        detail: { confirmed: 2, minimum: 5 },
      },
    ]);
    const { entries, nextCursor, staffMembers } = await searchAuditLog(ctx, {});
    expect(nextCursor).toBeNull();
    expect(staffMembers.map((s) => s.name)).toEqual(['김담당', '이직원']);
    expect(entries.map((e) => e.action)).toEqual([
      'course.below_minimum',
      'staff.sign_in_failed',
      'enrolment.cancel',
      'staff.sign_in',
    ]);
    const [system, failed, cancel, signIn] = entries;
    expect(system).toMatchObject({
      actorType: 'system',
      staff: null,
      course: { ko: '도자기 빚기' },
      resident: null,
    });
    expect(failed).toMatchObject({
      staff: null,
      attemptedEmail: 'who@example.com',
      signInFailure: 'unknown_email',
      reason: null,
      ip: '10.0.0.9',
    });
    expect(cancel).toMatchObject({
      staff: { name: '김담당', role: 'admin' },
      resident: { name: '김*수', phone: '010-****-5678' },
      course: { ko: '도자기 빚기' },
      reason: '본인 요청',
    });
    expect(signIn).toMatchObject({ ip: '10.0.0.1', at: '2026-01-10T01:00:00.000Z' });
    expect(JSON.stringify(entries)).not.toContain('김민수');
    expect(JSON.stringify(entries)).not.toContain('12345678');
  });

  it('finds by staff member, by resident name or last four digits, and by action', async () => {
    const { database, ctx, kim, lee, resident, other } = await setup();
    const base = { subjectType: 'resident', ip: null, detail: {} } as const;
    await writeAudit(database, [
      {
        ...base,
        at: at('2026-01-11T00:00:00Z'),
        actorType: 'staff',
        actorId: kim.id,
        action: 'waitlist.move',
        residentId: resident.id,
      },
      {
        ...base,
        at: at('2026-01-11T01:00:00Z'),
        actorType: 'staff',
        actorId: lee.id,
        action: 'waitlist.move',
        residentId: other.id,
      },
      {
        ...base,
        at: at('2026-01-11T02:00:00Z'),
        actorType: 'resident',
        actorId: resident.id,
        action: 'resident.sign_in',
        residentId: resident.id,
      },
    ]);
    const actions = async (input: AuditSearchInput) =>
      (await searchAuditLog(ctx, input)).entries.map((e) => `${e.action}:${e.resident?.name}`);

    expect(await actions({ staffId: kim.id })).toEqual(['waitlist.move:김*수']);
    expect(await actions({ staffId: lee.id })).toEqual(['waitlist.move:박*연']);
    expect(await actions({ resident: '5678' })).toEqual([
      'resident.sign_in:김*수',
      'waitlist.move:김*수',
    ]);
    expect(await actions({ resident: '1111' })).toEqual(['waitlist.move:박*연']);
    expect(await actions({ resident: '민수' })).toEqual([
      'resident.sign_in:김*수',
      'waitlist.move:김*수',
    ]);
    expect(await actions({ resident: '0000' })).toEqual([]);
    expect(await actions({ action: 'resident.sign_in' })).toEqual(['resident.sign_in:김*수']);
    expect(await actions({ action: 'waitlist.move', resident: '5678' })).toEqual([
      'waitlist.move:김*수',
    ]);
  });

  it('takes date ranges as whole KST days', async () => {
    const { database, ctx } = await setup();
    const row = (iso: string): AuditRow => ({
      at: at(iso),
      actorType: 'system',
      action: 'lottery.draw',
      detail: { iso },
    });
    await writeAudit(database, [
      row('2026-01-14T14:59:59.999Z'), // 1월 14일 23:59 KST
      row('2026-01-14T15:00:00.000Z'), // 1월 15일 00:00 KST
      row('2026-01-15T14:59:59.999Z'), // 1월 15일 23:59 KST
      row('2026-01-15T15:00:00.000Z'), // 1월 16일 00:00 KST
    ]);
    const times = async (input: AuditSearchInput) =>
      (await searchAuditLog(ctx, input)).entries.map((e) => e.at);
    expect(await times({ from: '2026-01-15', to: '2026-01-15' })).toEqual([
      '2026-01-15T14:59:59.999Z',
      '2026-01-14T15:00:00.000Z',
    ]);
    expect(await times({ from: '2026-01-16' })).toEqual(['2026-01-15T15:00:00.000Z']);
    expect(await times({ to: '2026-01-14' })).toEqual(['2026-01-14T14:59:59.999Z']);
  });

  it('pages through any log without duplicates or gaps', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Few distinct instants, so that many rows share one and the id must break the tie.
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (minutes, limit) => {
          const { database } = await testDatabase();
          const ctx = createServiceContext(database);
          if (minutes.length > 0) {
            await writeAudit(
              database,
              minutes.map((m) => ({
                at: new Date(Date.UTC(2026, 0, 15, 0, m)),
                actorType: 'system',
                action: 'lottery.draw',
              })),
            );
          }
          const seen: number[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages <= minutes.length + 1; pages++) {
            const page = await searchAuditLog(ctx, { cursor, limit });
            expect(page.entries.length).toBeLessThanOrEqual(limit);
            seen.push(...page.entries.map((e) => e.id));
            cursor = page.nextCursor;
            if (!cursor) break;
          }
          expect(cursor).toBeNull();
          const all = (await searchAuditLog(ctx, { limit: 50 })).entries.map((e) => e.id);
          expect(seen).toEqual(all);
          expect(new Set(seen).size).toBe(minutes.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the audit table', () => {
  it('refuses to change a row once written', async () => {
    const { database } = await testDatabase();
    await writeAudit(database, [{ at: new Date(), actorType: 'system', action: 'lottery.draw' }]);
    await expect(
      database.write((tx) => tx.update(auditLog).set({ action: 'staff.sign_in' })),
    ).rejects.toThrow(/append-only/);
    await expect(database.write((tx) => tx.delete(auditLog))).rejects.toThrow(/append-only/);
    const rows = await database.db.select({ action: auditLog.action }).from(auditLog);
    expect(rows).toEqual([{ action: 'lottery.draw' }]);
  });
});
