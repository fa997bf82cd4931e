import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendance, auditLog } from '@seoro/db';
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
import { listTermCourses } from './list-term-courses';
import { readCourseRoster } from './read-course-roster';
import { revealResidentPhone } from './reveal-resident-phone';
import { registerForCourse } from '../registration/register-for-course';

const NOW = new Date('2026-01-08T05:10:00Z');
const clock: Clock = { now: () => NOW };
const STAFF = 'staff-1';

async function setup() {
  const { database } = await testDatabase();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, {
    registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
    registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
  });
  const course = await makeCourse(database, { termId: term.id, roomId }, { capacity: 2 });
  const kim = await makeResident(database, { name: '김민수', phoneE164: '+821012345678' });
  const lee = await makeResident(database, { name: '이영희', phoneE164: '+821022223333' });
  const park = await makeResident(database, { name: '박철수', phoneE164: '+821044445555' });
  const gone = await makeResident(database, { name: '최지우', phoneE164: '+821066667777' });
  const kimE = await makeEnrolment(database, { courseId: course.id, residentId: kim.id });
  await makeEnrolment(database, { courseId: course.id, residentId: lee.id }, { channel: 'kiosk' });
  const parkE = await makeEnrolment(
    database,
    { courseId: course.id, residentId: park.id },
    { status: 'waitlisted', channel: 'staff' },
  );
  await makeEnrolment(
    database,
    { courseId: course.id, residentId: gone.id },
    { status: 'cancelled' },
  );
  const meeting = await makeMeeting(database, { courseId: course.id, roomId }, NOW);
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: 'a-1',
      enrolmentId: kimE.id,
      meetingId: meeting.id,
      checkedInAt: NOW,
      method: 'keypad',
    }),
  );
  const ctx = createServiceContext(database, { clock });
  return { database, ctx, term, course, kimE, parkE };
}

const auditRows = (database: Awaited<ReturnType<typeof setup>>['database'], action: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('readCourseRoster', () => {
  it('lists live enrolments masked, numbered per list, with attendance, and writes one audit row', async () => {
    const { database, ctx, course } = await setup();
    const roster = await readCourseRoster(ctx, {
      courseId: course.id,
      staffId: STAFF,
      ip: '10.0.0.9',
    });
    expect(roster.course).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 1 });
    expect(
      roster.entries.map((e) => [e.status, e.number, e.name, e.phone, e.channel, e.attended]),
    ).toEqual([
      ['confirmed', 1, '김민수', '010-****-5678', 'web', 1],
      ['confirmed', 2, '이영희', '010-****-3333', 'kiosk', 0],
      ['waitlisted', 1, '박철수', '010-****-5555', 'staff', 0],
    ]);
    const rows = await auditRows(database, 'roster.read');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      at: NOW,
      actorType: 'staff',
      actorId: STAFF,
      subjectType: 'course',
      subjectId: course.id,
      ip: '10.0.0.9',
      detail: { residents: 3, q: null, status: 'live' },
    });
  });

  it('searches by name or the last four digits and filters by status, keeping the numbers', async () => {
    const { database, ctx, course } = await setup();
    const byName = await readCourseRoster(ctx, { courseId: course.id, staffId: STAFF, q: '영희' });
    expect(byName.entries.map((e) => [e.name, e.number])).toEqual([['이영희', 2]]);
    const byDigits = await readCourseRoster(ctx, {
      courseId: course.id,
      staffId: STAFF,
      q: '5555',
    });
    expect(byDigits.entries.map((e) => e.name)).toEqual(['박철수']);
    const cancelled = await readCourseRoster(ctx, {
      courseId: course.id,
      staffId: STAFF,
      status: 'cancelled',
    });
    expect(cancelled.entries.map((e) => [e.name, e.number])).toEqual([['최지우', null]]);
    const rows = await auditRows(database, 'roster.read');
    expect(rows.map((r) => r.detail?.residents)).toEqual([1, 1, 1]);
  });

  it('refuses an unknown course and writes nothing', async () => {
    const { database, ctx } = await setup();
    await expect(readCourseRoster(ctx, { courseId: 'missing', staffId: STAFF })).rejects.toThrow(
      DomainError,
    );
    expect(await auditRows(database, 'roster.read')).toHaveLength(0);
  });
});

describe('revealResidentPhone', () => {
  it('requires a reason and writes nothing without one', async () => {
    const { database, ctx, parkE } = await setup();
    await expect(
      revealResidentPhone(ctx, { enrolmentId: parkE.id, reason: '   ', staffId: STAFF }),
    ).rejects.toMatchObject({ code: 'reason_required' });
    expect(await auditRows(database, 'resident.phone_reveal')).toHaveLength(0);
  });

  it('returns the whole number and records the reason and the resident', async () => {
    const { database, ctx, parkE, course } = await setup();
    const revealed = await revealResidentPhone(ctx, {
      enrolmentId: parkE.id,
      reason: ' 대기 순번 안내 전화 ',
      staffId: STAFF,
      ip: '10.0.0.9',
    });
    expect(revealed).toEqual({ enrolmentId: parkE.id, phone: '010-4444-5555' });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'resident.phone_reveal'), eq(auditLog.subjectId, parkE.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: STAFF,
      residentId: parkE.residentId,
      ip: '10.0.0.9',
      detail: { reason: '대기 순번 안내 전화', courseId: course.id },
    });
  });
});

describe('listTermCourses', () => {
  it('lists the current term with counts, every term for the chooser, and refuses an unknown term', async () => {
    const { ctx, term, course } = await setup();
    const listed = await listTermCourses(ctx);
    expect(listed.term?.id).toBe(term.id);
    expect(listed.terms.map((t) => t.id)).toContain(term.id);
    expect(listed.courses.find((c) => c.id === course.id)).toMatchObject({
      confirmedCount: 2,
      waitlistCount: 1,
    });
    expect((await listTermCourses(ctx, { termId: term.id })).courses).toHaveLength(1);
    await expect(listTermCourses(ctx, { termId: 'missing' })).rejects.toMatchObject({
      code: 'term_not_found',
    });
  });
});

describe('registering a resident on their behalf', () => {
  it('names the staff member in the audit row, and a resident registering online stays the actor', async () => {
    const t = await setup();
    const byStaff = await registerForCourse(t.ctx, {
      courseId: t.course.id,
      name: '정하나',
      phone: '010-5555-1212',
      consent: true,
      channel: 'staff',
      locale: 'ko',
      staffId: STAFF,
    });
    const online = await registerForCourse(t.ctx, {
      courseId: t.course.id,
      name: '한두리',
      phone: '010-5555-3434',
      consent: true,
      channel: 'web',
      locale: 'ko',
    });
    const rows = await auditRows(t.database, 'enrolment.create');
    const rowOf = (enrolmentId: string) => rows.find((r) => r.subjectId === enrolmentId);
    expect(rowOf(byStaff.enrolmentId)).toMatchObject({ actorType: 'staff', actorId: STAFF });
    expect(rowOf(online.enrolmentId)).toMatchObject({ actorType: 'resident' });
    expect(rowOf(online.enrolmentId)?.actorId).toBe(rowOf(online.enrolmentId)?.residentId);
  });
});
