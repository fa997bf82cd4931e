import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
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
import { kstInstant } from '@seoro/domain';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type StaffIdentity, type TrpcContext } from '@seoro/trpc';
import { appRouter } from './router';

const NOW = kstInstant('2026-01-22', '16:00');

async function setup() {
  const { database } = await testDatabase();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database);
  const course = await makeCourse(database, { termId: term.id, roomId });
  const meeting = await makeMeeting(
    database,
    { courseId: course.id, roomId },
    kstInstant('2026-01-15', '14:00'),
  );
  const resident = await makeResident(database, { name: '김민수', phoneE164: '+821012345678' });
  const enrolment = await makeEnrolment(database, { courseId: course.id, residentId: resident.id });
  const services = createServiceContext(database, { clock: { now: () => NOW } });
  const as = (role: StaffIdentity['role']) =>
    appRouter.createCaller({
      services,
      rateLimiter: createRateLimiter(),
      locale: 'ko',
      ip: '127.0.0.1',
      requestId: 'test',
      staff: { id: `${role}-1`, role, email: `${role}@seoroseoro.example`, name: role },
      kiosk: null,
      resident: null,
    } satisfies TrpcContext);
  return { database, course, meeting, enrolment, as };
}

describe('staff.attendance', () => {
  it('lets a viewer read the grid but not correct a mark', async () => {
    const { database, course, meeting, enrolment, as } = await setup();
    const grid = await as('viewer').staff.attendance.grid({ courseId: course.id });
    expect(grid.learners.map((l) => l.cells[0]?.state)).toEqual(['absent']);
    const correction = {
      enrolmentId: enrolment.id,
      meetingId: meeting.id,
      mark: 'present' as const,
      reason: '강사 확인',
    };
    await expect(as('viewer').staff.attendance.correct(correction)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await database.db.select().from(attendance)).toHaveLength(0);

    const done = await as('staff').staff.attendance.correct(correction);
    expect(done).toMatchObject({ changed: true, after: { mark: 'present', method: 'staff' } });
    const actions = (await database.db.select().from(auditLog)).map((r) => [r.action, r.actorId]);
    expect(actions).toEqual([
      ['attendance.read', 'viewer-1'],
      ['attendance.correct', 'staff-1'],
    ]);
  });

  it('refuses a blank reason as bad input', async () => {
    const { meeting, enrolment, as } = await setup();
    const error = await as('staff')
      .staff.attendance.correct({
        enrolmentId: enrolment.id,
        meetingId: meeting.id,
        mark: 'absent',
        reason: '  ',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});

describe('staff.exports.file', () => {
  it('masks phone numbers for a viewer and not for staff, and audits each with its purpose', async () => {
    const { database, course, as } = await setup();
    const request = {
      kind: 'course-roster' as const,
      courseId: course.id,
      format: 'csv' as const,
      purpose: '구청 보고',
    };
    const viewer = await as('viewer').staff.exports.file(request);
    const staff = await as('staff').staff.exports.file(request);
    const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
    expect(viewer).toMatchObject({
      rows: 1,
      phones: 'masked',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(text(viewer.base64)).toContain('010-****-5678');
    expect(text(staff.base64)).toContain('010-1234-5678');
    expect(staff.filename).toMatch(/_수강생 명단_20260122\.csv$/);
    const rows = (await database.db.select().from(auditLog)).filter(
      (r) => r.action === 'export.create',
    );
    expect(rows.map((r) => [r.actorId, r.detail?.purpose, r.detail?.phones])).toEqual([
      ['viewer-1', '구청 보고', 'masked'],
      ['staff-1', '구청 보고', 'full'],
    ]);
  });
});
