import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
import { createTestDatabase } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, kstInstant, meetingsToComplete, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import type { HookHandlers } from '../hooks';
import { correctAttendance } from './correct-attendance';
import { printAttendanceSheet } from './print-attendance-sheet';
import { readAttendanceGrid } from './read-attendance-grid';

/** Thursday 2026-01-29, 15:00 KST: four of six weekly meetings held, one cancelled among them. */
const NOW = kstInstant('2026-01-29', '15:00');
const clock: Clock = { now: () => NOW };
const STAFF = 'staff-1';
const DATES = ['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05', '2026-02-12'];

async function setup(database: Database, completionPercent = 80) {
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { completionPercent, nameKo: '2026년 1기' });
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy' },
  );
  const ms = [];
  for (const [i, date] of DATES.entries()) {
    ms.push(
      await makeMeeting(database, { courseId: course.id, roomId }, kstInstant(date, '14:00'), 120, {
        seq: i + 1,
        // The second meeting was called off.
        status: i === 1 ? 'cancelled' : 'scheduled',
      }),
    );
  }
  const people = [];
  for (const name of ['이영희', '김민수', '박철수']) {
    const resident = await makeResident(database, { name });
    people.push(await makeEnrolment(database, { courseId: course.id, residentId: resident.id }));
  }
  const waiting = await makeResident(database, { name: '최대기' });
  const waitlisted = await makeEnrolment(
    database,
    { courseId: course.id, residentId: waiting.id },
    { status: 'waitlisted' },
  );
  return { term, course, meetings: ms, people, waitlisted };
}

async function checkIn(
  database: Database,
  enrolmentId: string,
  meetingId: string,
  opts: { late?: boolean; method?: 'qr' | 'keypad' } = {},
) {
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: `${enrolmentId}-${meetingId}`,
      enrolmentId,
      meetingId,
      checkedInAt: NOW,
      method: opts.method ?? 'qr',
      late: opts.late ?? false,
    }),
  );
}

const auditRows = (database: Database, action: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('readAttendanceGrid', () => {
  it('marks each meeting, counts rates over held meetings and judges completion; audited', async () => {
    const { database } = await testDatabase();
    const { course, meetings: ms, people } = await setup(database);
    const [lee, kim] = people as [(typeof people)[0], (typeof people)[0]];
    // Held and scheduled: meetings 1, 3, 4 (2 cancelled; 5 and 6 to come).
    for (const m of [ms[0]!, ms[2]!, ms[3]!]) await checkIn(database, kim.id, m.id);
    await checkIn(database, lee.id, ms[0]!.id, { late: true });
    await checkIn(database, lee.id, ms[2]!.id);
    const ctx = createServiceContext(database, { clock });

    const grid = await readAttendanceGrid(ctx, {
      courseId: course.id,
      staffId: STAFF,
      ip: '10.0.0.7',
    });

    expect(grid.course).toMatchObject({
      title: { ko: '캘리그라피', en: 'Calligraphy' },
      termName: { ko: '2026년 1기' },
      completionPercent: 80,
      firstDate: '2026-01-08',
      lastDate: '2026-02-12',
    });
    expect(grid.meetings.map((m) => [m.seq, m.status, m.held, m.correctable])).toEqual([
      [1, 'scheduled', true, true],
      [2, 'cancelled', false, false],
      [3, 'scheduled', true, true],
      [4, 'scheduled', true, true],
      [5, 'scheduled', false, false],
      [6, 'scheduled', false, false],
    ]);
    // 가나다 order: 김민수, 박철수, 이영희; the waitlisted learner is not on the sheet.
    expect(
      grid.learners.map((l) => [l.number, l.name, l.cells.map((c) => c.state).join(' ')]),
    ).toEqual([
      [1, '김민수', 'present cancelled present present future future'],
      [2, '박철수', 'absent cancelled absent absent future future'],
      [3, '이영희', 'late cancelled present absent future future'],
    ]);
    // Five meetings count (one cancelled); 80% of 5 is 4.
    expect(grid.learners.map((l) => [l.attended, l.rate, l.completion])).toEqual([
      [3, 1, 'on_track'],
      [0, 0, 'not_met'],
      [2, 2 / 3, 'on_track'],
    ]);
    expect(grid.meetings.map((m) => [m.present, m.late, m.absent])).toEqual([
      [1, 1, 1],
      [0, 0, 0],
      [2, 0, 1],
      [1, 0, 2],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(grid.totals).toEqual({ meetings: 5, held: 3, completed: 0, onTrack: 2, notMet: 1 });
    expect(grid.learners[0]!.cells[0]).toMatchObject({
      method: 'qr',
      checkedInAt: NOW.toISOString(),
    });

    const rows = await auditRows(database, 'attendance.read');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'staff',
      actorId: STAFF,
      subjectType: 'course',
      subjectId: course.id,
      ip: '10.0.0.7',
      detail: { residents: 3, meetings: 6 },
    });
  });

  it('refuses an unknown course and audits nothing', async () => {
    const { database } = await testDatabase();
    const ctx = createServiceContext(database, { clock });
    await expect(readAttendanceGrid(ctx, { courseId: 'missing', staffId: STAFF })).rejects.toThrow(
      DomainError,
    );
    expect(await auditRows(database, 'attendance.read')).toHaveLength(0);
  });

  it('agrees with the count of check-ins at any completion percentage (property)', async () => {
    const { database, cleanup } = await createTestDatabase();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 50, max: 100 }),
          fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
          fc.integer({ min: 0, max: 6 }),
          async (percent, pattern, heldCount) => {
            const { course, meetings: ms, people } = await setup(database, percent);
            const learner = people[0]!;
            const scheduled = ms.filter((m) => m.status === 'scheduled');
            for (const [i, m] of scheduled.entries()) {
              if (pattern[i]) await checkIn(database, learner.id, m.id);
            }
            // The clock stands just after the start of the `heldCount`-th scheduled meeting.
            const at =
              heldCount === 0
                ? kstInstant('2026-01-01', '09:00')
                : new Date(
                    scheduled[Math.min(heldCount, scheduled.length) - 1]!.startsAt.getTime() +
                      60_000,
                  );
            const ctx = createServiceContext(database, { clock: { now: () => at } });
            const grid = await readAttendanceGrid(ctx, { courseId: course.id, staffId: STAFF });
            const row = grid.learners.find((l) => l.enrolmentId === learner.id)!;
            const held = grid.meetings.filter((m) => m.held);
            const attended = held.filter((m) =>
              ['present', 'late'].includes(row.cells.find((c) => c.meetingId === m.id)!.state),
            ).length;
            expect(row.attended).toBe(attended);
            expect(row.rate).toBe(held.length === 0 ? null : attended / held.length);
            const total = scheduled.length;
            const needed = meetingsToComplete(total, percent);
            const expected =
              attended >= needed
                ? 'completed'
                : attended + (total - held.length) >= needed
                  ? 'on_track'
                  : 'not_met';
            expect(row.completion).toBe(expected);
            if (held.length === total) {
              expect(row.completion === 'completed').toBe((row.rate ?? 0) * 100 >= percent - 1e-9);
            }
          },
        ),
        { numRuns: 25 },
      );
    } finally {
      await cleanup();
    }
  }, 60_000);
});

describe('correctAttendance', () => {
  it('marks a learner present by staff, records before and after with the reason', async () => {
    const { database } = await testDatabase();
    const { course, meetings: ms, people } = await setup(database);
    const fired: unknown[] = [];
    const hookHandlers: HookHandlers[] = [{ onCheckIn: (e) => void fired.push(e) }];
    const ctx = createServiceContext(database, { clock, hookHandlers });
    const learner = people[1]!;

    const result = await correctAttendance(ctx, {
      enrolmentId: learner.id,
      meetingId: ms[2]!.id,
      mark: 'present',
      reason: '  키오스크 고장으로 강사 확인  ',
      staffId: STAFF,
      ip: '10.0.0.8',
    });
    expect(result).toMatchObject({
      changed: true,
      meeting: { seq: 3, date: '2026-01-22' },
      before: { mark: 'absent', method: null },
      after: { mark: 'present', method: 'staff', checkedInAt: NOW.toISOString() },
    });
    const [row] = await database.db
      .select()
      .from(attendance)
      .where(eq(attendance.enrolmentId, learner.id));
    expect(row).toMatchObject({ meetingId: ms[2]!.id, method: 'staff', late: false });
    expect(fired).toHaveLength(1);

    const audit = await auditRows(database, 'attendance.correct');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: STAFF,
      subjectType: 'enrolment',
      subjectId: learner.id,
      residentId: learner.residentId,
      ip: '10.0.0.8',
      detail: {
        courseId: course.id,
        meetingId: ms[2]!.id,
        reason: '키오스크 고장으로 강사 확인',
        before: { mark: 'absent', method: null, checkedInAt: null },
        after: { mark: 'present', method: 'staff' },
      },
    });

    const grid = await readAttendanceGrid(ctx, { courseId: course.id, staffId: STAFF });
    const cells = grid.learners.find((l) => l.enrolmentId === learner.id)!.cells;
    expect(cells[2]).toMatchObject({ state: 'present', method: 'staff' });
  });

  it('removes a check-in (absent) and changes lateness, keeping how it was taken', async () => {
    const { database } = await testDatabase();
    const { meetings: ms, people } = await setup(database);
    const learner = people[0]!;
    await checkIn(database, learner.id, ms[0]!.id, { method: 'keypad' });
    await checkIn(database, learner.id, ms[2]!.id);
    const ctx = createServiceContext(database, { clock });

    const late = await correctAttendance(ctx, {
      enrolmentId: learner.id,
      meetingId: ms[0]!.id,
      mark: 'late',
      reason: '20분 늦게 도착',
      staffId: STAFF,
    });
    expect(late.after).toMatchObject({ mark: 'late', method: 'keypad' });
    const removed = await correctAttendance(ctx, {
      enrolmentId: learner.id,
      meetingId: ms[2]!.id,
      mark: 'absent',
      reason: '다른 사람의 코드로 잘못 체크인',
      staffId: STAFF,
    });
    expect(removed).toMatchObject({
      changed: true,
      before: { mark: 'present', method: 'qr' },
      after: { mark: 'absent', method: null },
    });
    const left = await database.db
      .select()
      .from(attendance)
      .where(eq(attendance.enrolmentId, learner.id));
    expect(left.map((a) => [a.meetingId, a.late, a.method])).toEqual([[ms[0]!.id, true, 'keypad']]);
    expect((await auditRows(database, 'attendance.correct')).map((r) => r.detail?.reason)).toEqual([
      '20분 늦게 도착',
      '다른 사람의 코드로 잘못 체크인',
    ]);

    // Asking for the mark it already has changes and audits nothing.
    const same = await correctAttendance(ctx, {
      enrolmentId: learner.id,
      meetingId: ms[2]!.id,
      mark: 'absent',
      reason: '확인',
      staffId: STAFF,
    });
    expect(same.changed).toBe(false);
    expect(await auditRows(database, 'attendance.correct')).toHaveLength(2);
  });

  it('refuses a blank reason, a future or cancelled meeting, a waiting learner, another course', async () => {
    const { database } = await testDatabase();
    const { meetings: ms, people, waitlisted } = await setup(database);
    const other = await setup(database);
    const ctx = createServiceContext(database, { clock });
    const base = {
      enrolmentId: people[0]!.id,
      meetingId: ms[0]!.id,
      mark: 'present' as const,
      reason: '사유',
      staffId: STAFF,
    };
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'done',
        (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
      );
    expect(await codeOf(correctAttendance(ctx, { ...base, reason: '   ' }))).toBe(
      'reason_required',
    );
    expect(await codeOf(correctAttendance(ctx, { ...base, meetingId: ms[4]!.id }))).toBe(
      'check_in_too_early',
    );
    expect(await codeOf(correctAttendance(ctx, { ...base, meetingId: ms[1]!.id }))).toBe(
      'no_meeting_today',
    );
    expect(await codeOf(correctAttendance(ctx, { ...base, enrolmentId: waitlisted.id }))).toBe(
      'enrolment_not_confirmed',
    );
    expect(
      await codeOf(correctAttendance(ctx, { ...base, meetingId: other.meetings[0]!.id })),
    ).toBe('course_not_found');
    expect(await codeOf(correctAttendance(ctx, { ...base, enrolmentId: 'missing' }))).toBe(
      'enrolment_not_found',
    );
    expect(await database.db.select().from(attendance)).toHaveLength(0);
    expect(await auditRows(database, 'attendance.correct')).toHaveLength(0);
  });
});

describe('printAttendanceSheet', () => {
  it('numbers the learners by name for the course or one meeting, and audits the print', async () => {
    const { database } = await testDatabase();
    const { course, meetings: ms } = await setup(database);
    const ctx = createServiceContext(database, { clock });

    const whole = await printAttendanceSheet(ctx, { courseId: course.id, staffId: STAFF });
    expect(whole.single).toBe(false);
    expect(whole.meetings.map((m) => [m.seq, m.status])).toEqual([
      [1, 'scheduled'],
      [2, 'cancelled'],
      [3, 'scheduled'],
      [4, 'scheduled'],
      [5, 'scheduled'],
      [6, 'scheduled'],
    ]);
    expect(whole.learners).toEqual([
      { number: 1, name: '김민수' },
      { number: 2, name: '박철수' },
      { number: 3, name: '이영희' },
    ]);
    const one = await printAttendanceSheet(ctx, {
      courseId: course.id,
      meetingId: ms[3]!.id,
      staffId: STAFF,
    });
    expect(one.single).toBe(true);
    expect(one.meetings.map((m) => m.date)).toEqual(['2026-01-29']);

    await expect(
      printAttendanceSheet(ctx, { courseId: course.id, meetingId: 'missing', staffId: STAFF }),
    ).rejects.toThrow(DomainError);
    const rows = await auditRows(database, 'attendance.print');
    expect(rows.map((r) => [r.subjectType, r.detail?.residents, r.detail?.meetingId])).toEqual([
      ['course', 3, null],
      ['meeting', 3, ms[3]!.id],
    ]);
  });
});
