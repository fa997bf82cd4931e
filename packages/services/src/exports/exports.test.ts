import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { attendance, auditLog, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, kstInstant, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { buildExportFile, UTF8_BOM } from './build-export-file';
import { exportTable, type ExportInput } from './export-table';

/** 2026-01-22 (Thu) 16:00 KST: two of three meetings held. */
const NOW = kstInstant('2026-01-22', '16:00');
const clock: Clock = { now: () => NOW };
const ADMIN = { id: 'admin-1', role: 'admin' as const };
const VIEWER = { id: 'viewer-1', role: 'viewer' as const };

async function setup(database: Database) {
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { nameKo: '2026년 1기', nameEn: '2026 Session 1' });
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy', sortOrder: 0 },
  );
  const other = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '비폭력대화', titleEn: 'Nonviolent Communication', sortOrder: 1 },
  );
  const ms = [];
  for (const [i, date] of ['2026-01-08', '2026-01-15', '2026-01-29'].entries()) {
    ms.push(
      await makeMeeting(database, { courseId: course.id, roomId }, kstInstant(date, '14:00'), 120, {
        seq: i + 1,
      }),
    );
  }
  const kim = await makeResident(database, { name: '김민수', phoneE164: '+821012345678' });
  const lee = await makeResident(database, { name: '이영희', phoneE164: '+821022223333' });
  const park = await makeResident(database, { name: '박철수', phoneE164: '+821044445555' });
  const kimE = await makeEnrolment(
    database,
    { courseId: course.id, residentId: kim.id },
    { createdAt: kstInstant('2026-01-02', '09:05'), queueNo: 1 },
  );
  await makeEnrolment(
    database,
    { courseId: course.id, residentId: lee.id },
    { channel: 'kiosk', createdAt: kstInstant('2026-01-02', '10:30'), queueNo: 2 },
  );
  await makeEnrolment(
    database,
    { courseId: course.id, residentId: park.id },
    { status: 'waitlisted', channel: 'staff', queueNo: 3 },
  );
  await makeEnrolment(
    database,
    { courseId: other.id, residentId: park.id },
    { status: 'cancelled', cancelledAt: kstInstant('2026-01-05', '12:00'), queueNo: 4 },
  );
  for (const m of ms.slice(0, 2)) {
    await database.write((tx) =>
      tx.insert(attendance).values({
        id: `a-${m.id}`,
        enrolmentId: kimE.id,
        meetingId: m.id,
        checkedInAt: m.startsAt,
        method: 'qr',
      }),
    );
  }
  return { term, course, other, ms };
}

const input = (over: Partial<ExportInput>): ExportInput => ({
  kind: 'course-roster',
  format: 'xlsx',
  purpose: '구청 보고',
  staff: ADMIN,
  ...over,
});

async function readWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer (an ArrayBuffer): hand it exactly the file's bytes.
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as unknown[]).slice(1);

describe('exportTable and buildExportFile', () => {
  it('builds a course roster workbook with Korean headers, KST dates and whole phones for staff', async () => {
    const { database } = await testDatabase();
    const { course } = await setup(database);
    const ctx = createServiceContext(database, { clock });
    const table = await exportTable(ctx, input({ courseId: course.id, ip: '10.0.0.5' }));
    const file = await buildExportFile(table, 'xlsx');

    expect(file.filename).toBe('2026년 1기_캘리그라피_수강생 명단_20260122.xlsx');
    expect(file.contentType).toContain('spreadsheetml');
    const sheet = await readWorkbook(file.bytes);
    expect(sheet.name).toBe('캘리그라피 수강생 명단');
    expect(rowValues(sheet, 1)).toEqual([
      '번호',
      '이름',
      '휴대전화',
      '상태',
      '신청 경로',
      '신청 일시 (KST)',
      '대기 순번',
      '출석 횟수',
      '출석률',
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      1,
      '김민수',
      '010-1234-5678',
      '확정',
      '온라인',
      '2026-01-02 09:05',
      undefined,
      2,
      1,
    ]);
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0%');
    expect(rowValues(sheet, 3).slice(0, 6)).toEqual([
      2,
      '이영희',
      '010-2222-3333',
      '확정',
      '키오스크',
      '2026-01-02 10:30',
    ]);
    expect(rowValues(sheet, 4).slice(1, 7)).toEqual([
      '박철수',
      '010-4444-5555',
      '대기',
      '직원 접수',
      expect.any(String),
      1,
    ]);
    expect(sheet.rowCount).toBe(4);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.create'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: 'staff',
      actorId: ADMIN.id,
      subjectType: 'course',
      subjectId: course.id,
      ip: '10.0.0.5',
      detail: {
        kind: 'course-roster',
        format: 'xlsx',
        rows: 3,
        purpose: '구청 보고',
        phones: 'full',
      },
    });
  });

  it('writes the attendance grid with a column per meeting, rate and completion', async () => {
    const { database } = await testDatabase();
    const { course } = await setup(database);
    const ctx = createServiceContext(database, { clock });
    const table = await exportTable(ctx, input({ kind: 'course-attendance', courseId: course.id }));
    const sheet = await readWorkbook((await buildExportFile(table, 'xlsx')).bytes);
    expect(rowValues(sheet, 1)).toEqual([
      '번호',
      '이름',
      '휴대전화',
      '1회 (01/08)',
      '2회 (01/15)',
      '3회 (01/29)',
      '출석 횟수',
      '출석률',
      '수료 여부',
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      1,
      '김민수',
      '010-1234-5678',
      '출석',
      '출석',
      '예정',
      2,
      1,
      '수료 예정 가능',
    ]);
    expect(rowValues(sheet, 3)).toEqual([
      2,
      '이영희',
      '010-2222-3333',
      '결석',
      '결석',
      '예정',
      0,
      0,
      '미달',
    ]);
  });

  it('gives viewers masked phone numbers, in a CSV file Excel reads as UTF-8', async () => {
    const { database } = await testDatabase();
    const { term } = await setup(database);
    const ctx = createServiceContext(database, { clock });
    const table = await exportTable(
      ctx,
      input({ kind: 'term-enrolments', termId: term.id, format: 'csv', staff: VIEWER }),
    );
    const file = await buildExportFile(table, 'csv');
    expect(file.filename).toBe('2026년 1기_신청 내역_20260122.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '강좌,이름,휴대전화,상태,신청 경로,신청 일시 (KST),대기 순번,취소 일시 (KST),출석 횟수,출석률,수료 여부',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      '캘리그라피,김민수,010-****-5678,확정,온라인,2026-01-02 09:05,,,2,100%,수료 예정 가능',
    );
    expect(lines[4]).toMatch(
      /^비폭력대화,박철수,010-\*\*\*\*-5555,취소,온라인,.*,,2026-01-05 12:00,,,$/,
    );
    expect(text).not.toContain('1234-5678');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export.create'));
    expect(audit).toMatchObject({
      subjectType: 'term',
      subjectId: term.id,
      detail: { kind: 'term-enrolments', format: 'csv', rows: 4, phones: 'masked' },
    });
  });

  it('refuses a blank purpose and an unknown course or term, writing no audit row', async () => {
    const { database } = await testDatabase();
    const { course } = await setup(database);
    const ctx = createServiceContext(database, { clock });
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'done',
        (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
      );
    expect(await codeOf(exportTable(ctx, input({ courseId: course.id, purpose: '  ' })))).toBe(
      'reason_required',
    );
    expect(await codeOf(exportTable(ctx, input({ courseId: 'missing' })))).toBe('course_not_found');
    expect(await codeOf(exportTable(ctx, input({ kind: 'term-enrolments', termId: 'x' })))).toBe(
      'term_not_found',
    );
    expect(
      await database.db.select().from(auditLog).where(eq(auditLog.action, 'export.create')),
    ).toHaveLength(0);
  });
});
