import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { instructors } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { appRouter } from './router';

const instructorPaths = Object.keys(appRouter._def.procedures).filter((p) =>
  p.startsWith('instructor.'),
);

/** Two courses of one term: the caller teaches the first; the second is someone else's. */
async function setup() {
  const { database } = await testDatabase();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database);
  const teacher = await makeResident(database, { name: '정강사' });
  const instructorId = randomUUID();
  await database.write((tx) =>
    tx.insert(instructors).values({
      id: instructorId,
      residentId: teacher.id,
      displayName: '정강사',
      createdAt: new Date(),
    }),
  );
  const mine = await makeCourse(database, { termId: term.id, roomId }, { instructorId });
  const theirs = await makeCourse(database, { termId: term.id, roomId });
  const meeting = await makeMeeting(database, { courseId: theirs.id, roomId }, new Date());
  const learner = await makeResident(database, { name: '남의반' });
  const enrolment = await makeEnrolment(database, { courseId: theirs.id, residentId: learner.id });
  const base: TrpcContext = {
    services: createServiceContext(database),
    rateLimiter: createRateLimiter(),
    locale: 'ko',
    ip: '127.0.0.1',
    requestId: 'test',
    staff: null,
    kiosk: null,
    resident: null,
  };
  return {
    mine,
    anonymous: base,
    teacher: { ...base, resident: { id: teacher.id } },
    /** A valid input for each procedure, aimed at the other instructor's course. */
    inputs: {
      'instructor.courses': undefined,
      'instructor.course': { courseId: theirs.id },
      'instructor.mark': {
        courseId: theirs.id,
        meetingId: meeting.id,
        enrolmentId: enrolment.id,
        mark: 'present',
      },
      'instructor.message': { courseId: theirs.id, body: '안녕하세요' },
    } as Record<string, unknown>,
  };
}

async function call(ctx: TrpcContext, path: string, input: unknown): Promise<unknown> {
  let target: unknown = appRouter.createCaller(ctx);
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe('the instructor router', () => {
  it('has an input here for every procedure', async () => {
    const { inputs } = await setup();
    expect(instructorPaths.sort()).toEqual(Object.keys(inputs).sort());
  });

  it.each(instructorPaths)('%s needs a signed-in resident', async (path) => {
    const t = await setup();
    expect(await codeOf(call(t.anonymous, path, t.inputs[path]))).toBe('UNAUTHORIZED');
  });

  it.each(instructorPaths.filter((p) => p !== 'instructor.courses'))(
    '%s answers "not found" for a course the caller does not teach',
    async (path) => {
      const t = await setup();
      expect(await codeOf(call(t.teacher, path, t.inputs[path]))).toBe('NOT_FOUND');
    },
  );

  it('lists only the caller’s own courses', async () => {
    const t = await setup();
    const home = (await call(t.teacher, 'instructor.courses', undefined)) as {
      current: { id: string }[];
      past: { id: string }[];
    };
    expect([...home.current, ...home.past].map((c) => c.id)).toEqual([t.mine.id]);
  });
});
