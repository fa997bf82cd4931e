import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { auditLog, courses, outbox } from '@seoro/db';
import { makeCourse, makeEnrolment, makeResident, makeRoom, makeTerm } from '@seoro/db/test';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type StaffIdentity, type TrpcContext } from '@seoro/trpc';
import { appRouter } from './router';
import { testDatabase } from '@seoro/db/test/vitest';

async function setup() {
  const t = await testDatabase();
  const services = createServiceContext(t.database);
  const rateLimiter = createRateLimiter();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId });
  const resident = await makeResident(t.database);
  await makeEnrolment(t.database, { courseId: course.id, residentId: resident.id });
  const caller = (who: Pick<StaffIdentity, 'id' | 'role'> | null) => {
    const staff: StaffIdentity | null = who && {
      ...who,
      email: `${who.id}@seoroseoro.example`,
      name: who.id,
    };
    return appRouter.createCaller({
      services,
      rateLimiter,
      locale: 'ko',
      ip: '127.0.0.1',
      requestId: 'test',
      staff,
      kiosk: null,
      resident: null,
    } satisfies TrpcContext);
  };
  return { ...t, caller, course, resident };
}

async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe('staff.courses.cancel', () => {
  it('lets staff cancel a course in their own name', async () => {
    const { caller, course, resident, database } = await setup();
    const result = await caller({ id: 'staff-7', role: 'staff' }).staff.courses.cancel({
      courseId: course.id,
      reason: '최소 인원 미달',
    });
    expect(result).toEqual({ cancelledEnrolments: 1, notified: 1, cancelledMeetings: 0 });
    const statusOf = async () =>
      (await database.db.select().from(courses)).find((c) => c.id === course.id)?.status;
    expect(await statusOf()).toBe('cancelled');
    const [told] = await database.db.select().from(outbox);
    expect(told).toMatchObject({
      template: 'course_cancelled',
      recipient: resident.phoneE164,
      locale: 'ko',
    });
    const audit = (await database.db.select().from(auditLog)).find(
      (x) => x.action === 'course.cancel',
    );
    expect(audit).toMatchObject({ actorType: 'staff', actorId: 'staff-7' });

    const again = await trpcError(
      caller({ id: 'admin-1', role: 'admin' }).staff.courses.cancel({
        courseId: course.id,
        reason: '다시',
      }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('course_already_cancelled');
  });

  it('refuses callers who are not signed in or may only look, changing nothing', async () => {
    const { caller, course, database } = await setup();
    const anonymous = await trpcError(
      caller(null).staff.courses.cancel({ courseId: course.id, reason: '사유' }),
    );
    expect(anonymous.code).toBe('UNAUTHORIZED');
    const viewer = await trpcError(
      caller({ id: 'viewer-1', role: 'viewer' }).staff.courses.cancel({
        courseId: course.id,
        reason: '사유',
      }),
    );
    expect(viewer.code).toBe('FORBIDDEN');
    const blank = await trpcError(
      caller({ id: 'admin-1', role: 'admin' }).staff.courses.cancel({
        courseId: course.id,
        reason: '  ',
      }),
    );
    expect(blank.code).toBe('BAD_REQUEST');
    expect(blank.message).toBe('reason_required');
    const unknown = await trpcError(
      caller({ id: 'admin-1', role: 'admin' }).staff.courses.cancel({
        courseId: 'missing',
        reason: '사유',
      }),
    );
    expect(unknown.code).toBe('NOT_FOUND');

    const [row] = await database.db.select().from(courses);
    expect(row?.status).toBe('open');
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });
});
