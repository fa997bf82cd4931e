import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  attendance,
  auditLog,
  courses as coursesTable,
  instructors,
  outbox,
  programSettings,
  residentSignInCodes,
  residents,
  retentionRuns,
  staffUsers,
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
import { DomainError, kstInstant, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { readAttendanceGrid } from '../attendance/read-attendance-grid';
import { getTodayAtRoom } from '../checkin/today-at-room';
import { findCheckInByPhone } from '../checkin/check-in-by-phone';
import { listMyRegistrations } from '../registration/list-my-registrations';
import { requestResidentCode } from '../resident-auth/request-resident-code';
import { readCourseRoster } from '../staff-rosters/read-course-roster';
import { listTermCourses } from '../staff-rosters/list-term-courses';
import { readCumulativeFigures } from '../statistics/cumulative';
import { readTermFigures } from '../statistics/term-figures';
import { anonymizedPhone } from './anonymize-resident';
import {
  DEFAULT_RETENTION_POLICY,
  getRetentionPolicy,
  updateRetentionPolicy,
} from './retention-policy';
import {
  listRetentionRuns,
  RETENTION_BATCH,
  RETENTION_LISTED,
  runDailyRetention,
  runRetention,
} from './retention-run';

const NOW = kstInstant('2026-12-03', '10:00');

function movableClock(at: Date): Clock & { set(d: Date): void } {
  let now = at;
  return { now: () => now, set: (d) => (now = d) };
}

async function makeAdmin(t: Awaited<ReturnType<typeof testDatabase>>) {
  const id = 'admin-1';
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id,
      email: 'admin@example.kr',
      name: '관리자',
      passwordHash: 'x',
      role: 'admin',
      createdAt: NOW,
    }),
  );
  return id;
}

/**
 * kim: only a term that ended 2025-06-30 (due 2026-07-01). lee: the same old term and the current
 * one (ongoing: protected). park: a term ended 2026-06-30 (due 2027-07-01). choi: never
 * registered, recorded 2025-01-01 (due). jung: never registered, recorded 2026-11-01 (not due).
 * oh: already anonymised.
 */
async function scenario() {
  const t = await testDatabase();
  const clock = movableClock(NOW);
  const ctx = createServiceContext(t.database, { clock });
  const adminId = await makeAdmin(t);
  const { roomId } = await makeRoom(t.database);
  const old = await makeTerm(t.database, {
    nameKo: '2025년 1기',
    nameEn: '2025 Term 1',
    startsOn: '2025-03-01',
    endsOn: '2025-06-30',
  });
  const mid = await makeTerm(t.database, { startsOn: '2026-03-01', endsOn: '2026-06-30' });
  const current = await makeTerm(t.database, { startsOn: '2026-09-01', endsOn: '2026-12-31' });
  const oldCourse = await makeCourse(t.database, { termId: old.id, roomId });
  const midCourse = await makeCourse(t.database, { termId: mid.id, roomId });
  const currentCourse = await makeCourse(t.database, { termId: current.id, roomId });
  const recorded = kstInstant('2025-01-01', '09:00');
  const kim = await makeResident(t.database, {
    name: '김민지',
    phoneE164: '+821011112222',
    createdAt: recorded,
  });
  const lee = await makeResident(t.database, {
    name: '이서준',
    phoneE164: '+821033334444',
    createdAt: recorded,
  });
  const park = await makeResident(t.database, { name: '박지훈', createdAt: recorded });
  const choi = await makeResident(t.database, { name: '최유나', createdAt: recorded });
  const jung = await makeResident(t.database, {
    name: '정하늘',
    createdAt: kstInstant('2026-11-01', '09:00'),
  });
  const oh = await makeResident(t.database, {
    name: '',
    phoneE164: 'anonymized:oh',
    anonymizedAt: recorded,
    createdAt: recorded,
  });
  const kimOld = await makeEnrolment(t.database, { courseId: oldCourse.id, residentId: kim.id });
  const leeOld = await makeEnrolment(t.database, { courseId: oldCourse.id, residentId: lee.id });
  await makeEnrolment(t.database, { courseId: oldCourse.id, residentId: oh.id });
  await makeEnrolment(t.database, { courseId: currentCourse.id, residentId: lee.id });
  await makeEnrolment(t.database, { courseId: midCourse.id, residentId: park.id });
  const oldMeeting = await makeMeeting(
    t.database,
    { courseId: oldCourse.id, roomId },
    kstInstant('2025-03-05', '14:00'),
  );
  // Today's class, for the dashboard's figures.
  const todayMeeting = await makeMeeting(
    t.database,
    { courseId: currentCourse.id, roomId },
    kstInstant('2026-12-03', '09:00'),
  );
  await t.database.write(async (tx) => {
    for (const [id, enrolmentId, meetingId] of [
      ['a1', kimOld.id, oldMeeting.id],
      ['a2', leeOld.id, oldMeeting.id],
    ] as const) {
      await tx.insert(attendance).values({
        id,
        enrolmentId,
        meetingId,
        checkedInAt: oldMeeting.startsAt,
        method: 'keypad',
      });
    }
    const message = (id: string, recipient: string, sentAt: Date) =>
      tx.insert(outbox).values({
        id,
        template: 'registration_confirmed',
        channel: 'sms',
        recipient,
        locale: 'ko',
        payload: { name: 'x' },
        status: 'sent',
        sentAt,
        nextAttemptAt: sentAt,
        createdAt: sentAt,
      });
    await message('to-kim', kim.phoneE164, kstInstant('2025-03-01', '09:00'));
    await message('park-old', park.phoneE164, kstInstant('2026-05-01', '09:00'));
    await message('park-new', park.phoneE164, kstInstant('2026-11-01', '09:00'));
  });
  return {
    t,
    ctx,
    clock,
    adminId,
    roomId,
    terms: { old, mid, current },
    courses: { oldCourse, midCourse, currentCourse },
    people: { kim, lee, park, choi, jung, oh },
    todayMeeting,
  };
}

describe('retention policy', () => {
  it('has defaults, keeps what an admin sets within bounds, and audits before and after', async () => {
    const { ctx, t, adminId } = await scenario();
    expect(await getRetentionPolicy(ctx)).toEqual(DEFAULT_RETENTION_POLICY);
    expect(DEFAULT_RETENTION_POLICY.residents).toBe(12);

    for (const bad of [
      { residents: 0, messages: 6 },
      { residents: 12, messages: 61 },
      { residents: 1.5, messages: 6 },
    ]) {
      await expect(updateRetentionPolicy(ctx, { ...bad, staffId: adminId })).rejects.toBeInstanceOf(
        DomainError,
      );
    }
    expect(await t.database.db.select().from(programSettings)).toEqual([]);

    await updateRetentionPolicy(ctx, { residents: 24, messages: 3, staffId: adminId });
    expect(await getRetentionPolicy(ctx)).toEqual({ residents: 24, messages: 3 });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.retention_update'));
    expect(audit?.detail).toEqual({
      before: { residents: 12, messages: 6 },
      after: { residents: 24, messages: 3 },
    });
  });

  it('ignores a stored value out of bounds, kind by kind', async () => {
    const { ctx, t } = await scenario();
    await t.database.write((tx) =>
      tx
        .insert(programSettings)
        .values({ key: 'retention', value: '{"residents":999,"messages":2}', updatedAt: NOW }),
    );
    expect(await getRetentionPolicy(ctx)).toEqual({ residents: 12, messages: 2 });
  });
});

describe('retention run', () => {
  it('a dry run reports the due residents masked and the next dates, and changes no personal data', async () => {
    const { ctx, t, adminId, people } = await scenario();
    const before = await t.database.db.select().from(residents);
    const outboxBefore = await t.database.db.select().from(outbox);
    const report = await runRetention(ctx, { dryRun: true, actor: { type: 'staff', id: adminId } });

    expect(report.counts).toEqual({ residents: 2, messages: 2 });
    expect(report.due.map((d) => d.maskedName).sort()).toEqual(['김*지', '최*나'].sort());
    const kimRow = report.due.find((d) => d.maskedName === '김*지');
    expect(kimRow?.maskedPhone).not.toContain('1111');
    expect(kimRow?.maskedPhone).toContain('2222');
    expect(kimRow?.term).toMatchObject({ nameKo: '2025년 1기', endsOn: '2025-06-30' });
    expect(report.due.find((d) => d.maskedName === '최*나')?.term).toBeNull();
    expect(JSON.stringify(report)).not.toContain('김민지');
    expect(JSON.stringify(report)).not.toContain(people.kim.phoneE164);
    // jung a year after being recorded, park and lee a year after their last terms.
    expect(report.upcoming).toEqual([
      { date: '2027-07-01', residents: 1 },
      { date: '2027-11-01', residents: 1 },
      { date: '2028-01-01', residents: 1 },
    ]);

    expect(await t.database.db.select().from(residents)).toEqual(before);
    expect(await t.database.db.select().from(outbox)).toEqual(outboxBefore);
    const runs = await listRetentionRuns(ctx);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ dryRun: true, actorType: 'staff', staffName: '관리자' });
  });

  it('a staff run needs a reason and changes nothing without one', async () => {
    const { ctx, t, adminId } = await scenario();
    await expect(
      runRetention(ctx, { dryRun: false, actor: { type: 'staff', id: adminId }, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'reason_required' });
    expect(await t.database.db.select().from(retentionRuns)).toEqual([]);
  });

  it('anonymises exactly the due residents, keeps every statistic, and a second run destroys nothing', async () => {
    const s = await scenario();
    const { ctx, t, adminId, people, courses, todayMeeting } = s;
    const statistics = async () => {
      const termCounts = await Promise.all(
        Object.values(s.terms).map(async (term) =>
          (await listTermCourses(ctx, { termId: term.id })).courses.map((c) => ({
            id: c.id,
            seats: JSON.stringify(c),
          })),
        ),
      );
      const grids = await Promise.all(
        Object.values(courses).map(async (course) => {
          const grid = await readAttendanceGrid(ctx, { courseId: course.id, staffId: adminId });
          return { meetings: grid.meetings, totals: grid.totals, learners: grid.learners.length };
        }),
      );
      const today = await getTodayAtRoom(ctx, s.roomId);
      // The statistics dashboard's own figures: every term's, and the totals since 2015.
      const figures = await Promise.all(
        Object.values(s.terms).map((term) => readTermFigures(ctx, { termId: term.id })),
      );
      const cumulative = await readCumulativeFigures(ctx);
      return { termCounts, grids, today, figures, cumulative };
    };
    const before = await statistics();
    expect(before.today.meetings.map((m) => m.meetingId)).toContain(todayMeeting.id);
    expect(before.cumulative.recorded.learners).toBeGreaterThan(0);

    const report = await runRetention(ctx, {
      dryRun: false,
      actor: { type: 'staff', id: adminId },
      reason: '보존 기간 경과',
    });
    expect(report.counts).toEqual({
      residents: 2,
      messages: 2,
      enrolmentNames: 1,
      sessions: 0,
      signInCodes: 0,
    });
    const rows = await t.database.db.select().from(residents);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(people.kim.id)).toMatchObject({ name: '', anonymizedAt: NOW });
    expect(byId.get(people.choi.id)).toMatchObject({
      name: '',
      phoneE164: anonymizedPhone(people.choi.id),
    });
    for (const kept of [people.lee, people.park, people.jung]) {
      expect(byId.get(kept.id)).toMatchObject({ name: kept.name, phoneE164: kept.phoneE164 });
    }
    const messages = new Map(
      (await t.database.db.select().from(outbox)).map((m) => [m.id, m.recipient]),
    );
    expect(messages.get('to-kim')).toBe('');
    expect(messages.get('park-old')).toBe('');
    expect(messages.get('park-new')).toBe(people.park.phoneE164);

    // The statistics are the same.
    expect(await statistics()).toEqual(before);

    // The anonymised resident cannot be found by phone any more.
    await requestResidentCode(ctx, { phone: '010-1111-2222', locale: 'ko' });
    expect(
      await t.database.db
        .select()
        .from(residentSignInCodes)
        .where(eq(residentSignInCodes.residentId, people.kim.id)),
    ).toEqual([]);
    expect(
      await t.database.db.select().from(outbox).where(eq(outbox.template, 'one_time_code')),
    ).toEqual([]);
    const roster = await readCourseRoster(ctx, {
      courseId: courses.oldCourse.id,
      staffId: adminId,
      q: '2222',
    });
    expect(roster.entries).toEqual([]);
    const leeStill = await readCourseRoster(ctx, {
      courseId: courses.oldCourse.id,
      staffId: adminId,
      q: '4444',
    });
    expect(leeStill.entries).toHaveLength(1);
    const mine = await listMyRegistrations(ctx, { residentId: people.kim.id });
    expect(JSON.stringify(mine)).not.toContain('김민지');
    expect(JSON.stringify(mine)).not.toContain('1111');
    const atKiosk = await findCheckInByPhone(ctx, {
      digits: '01011112222',
      kioskId: 'k',
      roomId: s.roomId,
    });
    expect(JSON.stringify(atKiosk)).not.toContain('김');

    // Recorded and audited, with counts and no names.
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'retention.run'));
    expect(audit?.detail).toMatchObject({ counts: report.counts, reason: '보존 기간 경과' });
    expect(JSON.stringify(audit)).not.toContain('김');

    const again = await runRetention(ctx, {
      dryRun: false,
      actor: { type: 'staff', id: adminId },
      reason: '다시',
    });
    expect(again.counts).toEqual({
      residents: 0,
      messages: 0,
      enrolmentNames: 0,
      sessions: 0,
      signInCodes: 0,
    });
    const runs = await listRetentionRuns(ctx);
    expect(runs.map((r) => r.dryRun)).toEqual([false, false]);
  });

  it('a longer period saves those not yet due under it', async () => {
    const { ctx, adminId } = await scenario();
    await updateRetentionPolicy(ctx, { residents: 24, messages: 6, staffId: adminId });
    const report = await runRetention(ctx, { dryRun: true, actor: { type: 'staff', id: adminId } });
    // kim's old term ended 2025-06-30: due 2027-07-01 under 24 months; choi due 2027-01-01.
    expect(report.counts.residents).toBe(0);
    expect(report.upcoming[0]).toEqual({ date: '2027-01-01', residents: 1 });
  });

  it('someone teaching a course of a running term is kept, and many due go in batches', async () => {
    const { ctx, t, adminId, people, courses } = await scenario();
    await t.database.write(async (tx) => {
      await tx.insert(instructors).values({
        id: 'teacher',
        residentId: people.choi.id,
        displayName: '최유나',
        createdAt: NOW,
      });
      await tx
        .update(coursesTable)
        .set({ instructorId: 'teacher' })
        .where(eq(coursesTable.id, courses.currentCourse.id));
    });
    const many = RETENTION_BATCH + 5;
    await t.database.write(async (tx) => {
      for (let i = 0; i < many; i++) {
        await tx.insert(residents).values({
          id: `bulk-${i}`,
          name: '대량',
          phoneE164: `+8210555${String(i).padStart(5, '0')}`,
          consentedAt: NOW,
          consentVersion: 'test',
          createdAt: kstInstant('2024-01-01', '09:00'),
          updatedAt: NOW,
        });
      }
    });
    const report = await runRetention(ctx, {
      dryRun: false,
      actor: { type: 'staff', id: adminId },
      reason: '정기 점검',
    });
    // kim and the bulk; choi now teaches in the running term.
    expect(report.counts.residents).toBe(many + 1);
    expect(report.due).toHaveLength(RETENTION_LISTED);
    const [choi] = await t.database.db
      .select()
      .from(residents)
      .where(eq(residents.id, people.choi.id));
    expect(choi?.name).toBe('최유나');
  });

  it('the daily job runs once per KST day, after 03:00', async () => {
    const { ctx, clock } = await scenario();
    clock.set(kstInstant('2026-12-04', '02:59'));
    expect(await runDailyRetention(ctx)).toBeNull();
    clock.set(kstInstant('2026-12-04', '03:01'));
    const first = await runDailyRetention(ctx);
    expect(first?.counts.residents).toBe(2);
    clock.set(kstInstant('2026-12-04', '23:59'));
    expect(await runDailyRetention(ctx)).toBeNull();
    clock.set(kstInstant('2026-12-05', '03:30'));
    expect((await runDailyRetention(ctx))?.counts.residents).toBe(0);
    const runs = await listRetentionRuns(ctx);
    expect(runs.map((r) => [r.actorType, r.dryRun])).toEqual([
      ['system', false],
      ['system', false],
    ]);
  });
});
