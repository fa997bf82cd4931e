import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { attendance, historyCourses, historyImports, instructors, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { readTermFigures } from './term-figures';
import { readCumulativeFigures } from './cumulative';
import { buildStatisticsWorkbook } from './statistics-workbook';

const NOW = new Date('2026-03-20T00:00:00Z');
const clock: Clock = { now: () => NOW };
const OPENS = new Date('2026-02-16T01:00:00Z'); // 10:00 KST
const at = (ms: number) => new Date(OPENS.getTime() + ms);
const SEC = 1000;
const MIN = 60 * SEC;

async function checkIn(database: Database, enrolmentId: string, meetingId: string) {
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: randomUUID(),
      enrolmentId,
      meetingId,
      checkedInAt: NOW,
      method: 'keypad',
    }),
  );
}

async function instructor(database: Database, displayName: string, residentId?: string) {
  const id = randomUUID();
  await database.write((tx) =>
    tx.insert(instructors).values({ id, displayName, residentId, createdAt: NOW }),
  );
  return id;
}

/**
 * The hand-made program: an earlier term A (2025), the term B under study (spring 2026), a later
 * term C (autumn 2026) and an earlier draft term D. Answers in the tests are counted by hand.
 */
async function setup() {
  const { database } = await testDatabase();
  const { roomId } = await makeRoom(database);
  const termA = await makeTerm(database, {
    startsOn: '2025-09-01',
    endsOn: '2025-11-30',
    registrationOpensAt: new Date('2025-08-20T01:00:00Z'),
    registrationClosesAt: new Date('2025-08-28T09:00:00Z'),
  });
  const termB = await makeTerm(database, {
    startsOn: '2026-03-02',
    endsOn: '2026-05-31',
    registrationOpensAt: OPENS,
    registrationClosesAt: new Date('2026-02-18T09:00:00Z'), // 18:00 KST on the 18th
  });
  const termC = await makeTerm(database, {
    startsOn: '2026-09-01',
    endsOn: '2026-11-30',
    registrationOpensAt: new Date('2026-08-17T01:00:00Z'),
    registrationClosesAt: new Date('2026-08-25T09:00:00Z'),
  });
  const termD = await makeTerm(database, {
    status: 'draft',
    startsOn: '2025-03-02',
    endsOn: '2025-05-31',
    registrationOpensAt: new Date('2025-02-16T01:00:00Z'),
    registrationClosesAt: new Date('2025-02-18T09:00:00Z'),
  });
  const r = [];
  for (let i = 0; i < 10; i += 1) r.push(await makeResident(database));
  const [r1, r2, r3, r4, r5, r6, r7, r8, r9] = r as [
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
    (typeof r)[number],
  ];

  // Term B.
  const c1 = await makeCourse(
    database,
    { termId: termB.id, roomId },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy', capacity: 4, sortOrder: 1 },
  );
  await database.write((tx) =>
    tx
      .update(instructors)
      .set({ displayName: '강사X' })
      .where(eq(instructors.id, c1.instructorId!)),
  );
  const c2 = await makeCourse(
    database,
    { termId: termB.id, roomId },
    { titleKo: '요가', titleEn: 'Yoga', capacity: 10, sortOrder: 2 },
  );
  await database.write((tx) =>
    tx
      .update(instructors)
      .set({ displayName: '강사Y' })
      .where(eq(instructors.id, c2.instructorId!)),
  );
  const c3 = await makeCourse(
    database,
    { termId: termB.id, roomId },
    { titleKo: '폐강된 강좌', titleEn: 'Cancelled', status: 'cancelled', sortOrder: 3 },
  );
  await makeCourse(
    database,
    { termId: termB.id, roomId },
    { titleKo: '초안', titleEn: 'Draft', draft: true, sortOrder: 4 },
  );
  const enrol = (
    courseId: string,
    residentId: string,
    createdAt: Date,
    status: 'confirmed' | 'waitlisted' | 'cancelled' = 'confirmed',
  ) => makeEnrolment(database, { courseId, residentId }, { createdAt, status });
  const e1 = await enrol(c1.id, r1.id, at(30 * SEC)); // minute 0
  const e2 = await enrol(c1.id, r2.id, at(MIN + 10 * SEC)); // minute 1
  const e3 = await enrol(c1.id, r3.id, at(MIN + 50 * SEC)); // minute 1
  const e4 = await enrol(c1.id, r4.id, at(59 * MIN + 59 * SEC)); // minute 59
  await enrol(c1.id, r5.id, at(120 * MIN), 'waitlisted'); // day 1, after the hour
  const e6 = await enrol(c1.id, r6.id, at(5 * MIN), 'cancelled'); // minute 5
  const e21 = await enrol(c2.id, r1.id, new Date('2026-02-17T01:00:00Z')); // day 2
  const e27 = await enrol(c2.id, r7.id, new Date('2026-02-18T08:59:00Z')); // day 3
  await enrol(c2.id, r8.id, new Date('2026-02-19T02:00:00Z')); // after closing
  await enrol(c3.id, r9.id, at(3 * MIN), 'cancelled'); // minute 3

  const m1 = await makeMeeting(
    database,
    { courseId: c1.id, roomId },
    new Date('2026-03-03T05:00:00Z'),
  );
  const m2 = await makeMeeting(
    database,
    { courseId: c1.id, roomId },
    new Date('2026-03-10T05:00:00Z'),
  );
  const m3 = await makeMeeting(
    database,
    { courseId: c1.id, roomId },
    new Date('2026-03-17T05:00:00Z'),
    120,
    { status: 'cancelled' },
  );
  await makeMeeting(database, { courseId: c1.id, roomId }, new Date('2026-03-24T05:00:00Z'));
  const m5 = await makeMeeting(
    database,
    { courseId: c2.id, roomId },
    new Date('2026-03-04T05:00:00Z'),
  );
  for (const e of [e1, e2, e3, e6]) await checkIn(database, e.id, m1.id);
  for (const e of [e1, e4]) await checkIn(database, e.id, m2.id);
  await checkIn(database, e1.id, m3.id);
  for (const e of [e21, e27]) await checkIn(database, e.id, m5.id);

  // Term A: r1 confirmed (returning later); r2 cancelled, r7 waitlisted, r3 in a cancelled course.
  const a1 = await makeCourse(database, { termId: termA.id, roomId }, { titleKo: '목공' });
  await database.write((tx) =>
    tx
      .update(instructors)
      .set({ displayName: '강사A1' })
      .where(eq(instructors.id, a1.instructorId!)),
  );
  const a2 = await makeCourse(database, { termId: termA.id, roomId }, { status: 'cancelled' });
  await enrol(a1.id, r1.id, new Date('2025-08-20T01:00:00Z'));
  await enrol(a1.id, r2.id, new Date('2025-08-20T01:00:00Z'), 'cancelled');
  await enrol(a1.id, r7.id, new Date('2025-08-20T01:00:00Z'), 'waitlisted');
  await enrol(a2.id, r3.id, new Date('2025-08-20T01:00:00Z'));
  // Draft term D: r4 confirmed there does not make r4 returning.
  const d1 = await makeCourse(database, { termId: termD.id, roomId });
  await enrol(d1.id, r4.id, new Date('2025-02-16T01:00:00Z'));

  // Teaching: r2 teaches in C (counts); r3 taught in A (earlier); r4's later course is cancelled.
  const i2 = await instructor(database, '이수강', r2.id);
  const i3 = await instructor(database, '삼수강', r3.id);
  const i4 = await instructor(database, '사수강', r4.id);
  await makeCourse(
    database,
    { termId: termC.id, roomId },
    { instructorId: i2, titleKo: '붓글씨 기초', titleEn: 'Brush basics' },
  );
  await makeCourse(database, { termId: termA.id, roomId }, { instructorId: i3, draft: false });
  await makeCourse(
    database,
    { termId: termC.id, roomId },
    { instructorId: i4, status: 'cancelled' },
  );

  const ctx = createServiceContext(database, { clock });
  return { database, ctx, termA, termB, termC, c1, c2, roomId };
}

async function addHistory(database: Database) {
  const importId = randomUUID();
  await database.write(async (tx) => {
    await tx.insert(historyImports).values({
      id: importId,
      fileName: 'history.xlsx',
      fileSha256: 'a'.repeat(64),
      importedAt: NOW,
      rowsAdded: 3,
      rowsUnchanged: 0,
    });
    const row = (
      termKey: string,
      title: string,
      instructorName: string,
      learners: number,
      attendances: number | null,
    ) => ({
      id: randomUUID(),
      termKey,
      year: Number(termKey.slice(0, 4)),
      session: Number(termKey.slice(5)),
      title,
      instructorName,
      learners,
      attendances,
      importId,
      createdAt: NOW,
    });
    await tx
      .insert(historyCourses)
      .values([
        row('2015-1', '가', '김강사', 10, 80),
        row('2016-2', '나', '이강사', 5, null),
        row('2024-1', '다', '강사X', 7, 50),
      ]);
  });
}

describe('term figures', () => {
  it('counts registrations per minute in the first hour and per KST day to the close', async () => {
    const { ctx, termB } = await setup();
    const { registrations } = await readTermFigures(ctx, { termId: termB.id });
    expect(registrations.firstHour).toHaveLength(60);
    const nonZero = registrations.firstHour.filter((b) => b.count > 0);
    expect(nonZero).toEqual([
      { minute: 0, count: 1 },
      { minute: 1, count: 2 },
      { minute: 3, count: 1 },
      { minute: 5, count: 1 },
      { minute: 59, count: 1 },
    ]);
    expect(registrations.firstHourTotal).toBe(6);
    expect(registrations.days).toEqual([
      { date: '2026-02-16', count: 7 },
      { date: '2026-02-17', count: 1 },
      { date: '2026-02-18', count: 1 },
    ]);
    expect(registrations.windowTotal).toBe(9);
  });

  it('gives fill rate and waitlist for published, non-cancelled courses only', async () => {
    const { ctx, termB } = await setup();
    const { fill } = await readTermFigures(ctx, { termId: termB.id });
    expect(
      fill.map((c) => [c.title.ko, c.capacity, c.confirmed, c.waitlisted, c.fillRate]),
    ).toEqual([
      ['캘리그라피', 4, 4, 1, 1],
      ['요가', 10, 3, 0, 0.3],
    ]);
  });

  it('measures attendance over meetings held, ignoring cancelled meetings and enrolments', async () => {
    const { ctx, termB, c1, c2 } = await setup();
    const figures = await readTermFigures(ctx, { termId: termB.id });
    expect(figures.meetings.map((x) => [x.courseId, x.checkedIn, x.confirmed, x.rate])).toEqual([
      [c1.id, 3, 4, 0.75],
      [c2.id, 2, 3, 2 / 3],
      [c1.id, 2, 4, 0.5],
    ]);
    expect(
      figures.courseAttendance.map((c) => [c.courseId, c.meetingsHeld, c.checkIns, c.rate]),
    ).toEqual([
      [c1.id, 2, 5, 0.625],
      [c2.id, 1, 2, 2 / 3],
    ]);
    expect(figures.noShow).toEqual({ learnerMeetings: 11, noShows: 4, rate: 4 / 11 });
  });

  it('tells new from returning learners and finds those who went on to teach', async () => {
    const { ctx, termB, termA } = await setup();
    const figures = await readTermFigures(ctx, { termId: termB.id });
    expect(figures.mix).toEqual({ learners: 6, newcomers: 5, returning: 1, returningShare: 1 / 6 });
    expect(figures.taught.count).toBe(1);
    expect(figures.taught.courses).toEqual([
      {
        instructorName: '이수강',
        title: { ko: '붓글씨 기초', en: 'Brush basics' },
        term: { ko: '테스트 기수', en: 'Test term' },
      },
    ]);
    // Term A's learners: r1 (came back in B), and nobody of A teaches later except r2? r2 was
    // cancelled in A, so no one of A's confirmed learners teaches later.
    const a = await readTermFigures(ctx, { termId: termA.id });
    expect(a.mix).toEqual({ learners: 1, newcomers: 1, returning: 0, returningShare: 0 });
    expect(a.taught.count).toBe(0);
    expect(a.noShow.rate).toBeNull();
  });

  it('gives empty figures for a term with no courses and refuses an unknown term', async () => {
    const { ctx, database } = await setup();
    const empty = await makeTerm(database, {
      startsOn: '2026-04-01',
      endsOn: '2026-04-30',
      registrationOpensAt: new Date('2026-03-01T01:00:00Z'),
      registrationClosesAt: new Date('2026-03-02T01:00:00Z'),
    });
    const figures = await readTermFigures(ctx, { termId: empty.id });
    expect(figures.registrations.firstHourTotal).toBe(0);
    expect(figures.registrations.days).toEqual([
      { date: '2026-03-01', count: 0 },
      { date: '2026-03-02', count: 0 },
    ]);
    expect(figures.fill).toEqual([]);
    expect(figures.meetings).toEqual([]);
    expect(figures.noShow).toEqual({ learnerMeetings: 0, noShows: 0, rate: null });
    expect(figures.mix).toEqual({ learners: 0, newcomers: 0, returning: 0, returningShare: null });
    await expect(readTermFigures(ctx, { termId: 'nope' })).rejects.toBeInstanceOf(DomainError);
  });

  it('gives no attendance rate to a course with no meeting held yet', async () => {
    const { ctx, database, termB, roomId } = await setup();
    const later = await makeCourse(database, { termId: termB.id, roomId }, { sortOrder: 9 });
    const someone = await makeResident(database);
    await makeEnrolment(database, { courseId: later.id, residentId: someone.id });
    await makeMeeting(database, { courseId: later.id, roomId }, new Date('2026-04-01T05:00:00Z'));
    const figures = await readTermFigures(ctx, { termId: termB.id });
    const row = figures.courseAttendance.find((c) => c.courseId === later.id);
    expect(row).toMatchObject({ meetingsHeld: 0, confirmed: 1, checkIns: 0, rate: null });
    expect(figures.noShow.learnerMeetings).toBe(11);
  });
});

describe('cumulative figures', () => {
  it('adds imported history and this system, counting instructors once by name', async () => {
    const { ctx, database } = await setup();
    await addHistory(database);
    const all = await readCumulativeFigures(ctx);
    expect(all.fromYear).toBe(2015);
    expect(all.toYear).toBe(2026);
    expect(all.imported).toEqual({
      courses: 3,
      learners: 22,
      instructors: 3,
      attendances: 130,
      coursesWithAttendance: 2,
    });
    // A (2025): 목공 with 1 learner and 삼수강's course with none; B (2026): 캘리그라피 4 and
    // 요가 3; C has not started. Names: 강사A1, 삼수강, 강사X, 강사Y (강사X is also in history).
    expect(all.recorded).toEqual({
      courses: 4,
      learners: 8,
      instructors: 4,
      attendances: 9,
      coursesWithAttendance: 4,
    });
    expect(all.total).toEqual({
      courses: 7,
      learners: 30,
      instructors: 6,
      attendances: 139,
      coursesWithAttendance: 6,
    });
  });

  it('filters by years (in either order) and by term', async () => {
    const { ctx, database, termB } = await setup();
    await addHistory(database);
    const some = await readCumulativeFigures(ctx, { fromYear: 2025, toYear: 2016 });
    expect([some.fromYear, some.toYear]).toEqual([2016, 2025]);
    expect(some.imported).toMatchObject({
      courses: 2,
      learners: 12,
      instructors: 2,
      attendances: 50,
    });
    expect(some.recorded).toMatchObject({
      courses: 2,
      learners: 1,
      instructors: 2,
      attendances: 0,
    });
    expect(some.total).toMatchObject({ courses: 4, learners: 13, instructors: 4, attendances: 50 });
    const term = await readCumulativeFigures(ctx, { termId: termB.id });
    expect(term.imported.courses).toBe(0);
    expect(term.recorded).toMatchObject({
      courses: 2,
      learners: 7,
      instructors: 2,
      attendances: 9,
    });
  });

  it('counts history alone when the system has no term yet', async () => {
    const { database } = await testDatabase();
    await addHistory(database);
    const ctx = createServiceContext(database, { clock });
    const figures = await readCumulativeFigures(ctx);
    expect(figures.recorded).toMatchObject({ courses: 0, learners: 0, instructors: 0 });
    expect(figures.total).toMatchObject({ courses: 3, learners: 22, instructors: 3 });
  });
});

describe('statistics workbook', () => {
  it('has one sheet per figure with the figures in it', async () => {
    const { ctx, database, termB } = await setup();
    await addHistory(database);
    const file = await buildStatisticsWorkbook(ctx, { termId: termB.id, locale: 'ko' });
    expect(file.filename).toMatch(/_20260320\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const { bytes } = file;
    // exceljs types its input as its own Buffer (an ArrayBuffer): hand it exactly the file's bytes.
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '누적 실적',
      '첫 60분 신청',
      '날짜별 신청',
      '충원율과 대기',
      '회차별 출석',
      '강좌별 출석',
      '노쇼',
      '신규와 재참여',
      '강사가 된 수강생',
    ]);
    const cumulative = workbook.getWorksheet('누적 실적')!;
    expect(cumulative.getRow(4).values).toEqual([undefined, '합계', 7, 30, 6, 139]);
    const fill = workbook.getWorksheet('충원율과 대기')!;
    expect(fill.getRow(2).values).toEqual([undefined, '캘리그라피', 4, 4, 1, 1]);
  });
});
