import { afterEach, describe, expect, it } from 'vitest';
import { Database, enrolments } from '@seoro/db';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { DomainError } from '@seoro/domain';
import { createServiceContext, type RemoteWriter } from './context';
import { WRITE_OPERATIONS } from './write-operations';
import * as services from './index';
import { testDatabase } from '@seoro/db/test/vitest';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A process whose writes happen elsewhere: a read-only handle and a recording remote. */
async function readerWithRemote(answer: (operation: string, input: unknown) => Promise<unknown>) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId });
  const reader = await Database.open({ url: t.url, writes: false });
  cleanups.push(() => reader.close());
  const calls: Array<{ operation: string; input: unknown }> = [];
  const remote: RemoteWriter = {
    call(operation, input) {
      calls.push({ operation, input });
      // The double answers whatever the test hands it, whichever operation was called.
      return answer(operation, input) as Promise<never>;
    },
  };
  return { ...t, reader, course, calls, ctx: createServiceContext(reader, { remote }) };
}

describe('writes handed to the writer', () => {
  it('a read-only handle refuses to write or migrate', async () => {
    const { reader } = await readerWithRemote(async () => null);
    await expect(reader.write(async () => 1)).rejects.toThrow(/only reads/);
    await expect(reader.migrate()).rejects.toThrow(/only reads/);
  });

  it('registration goes to the remote writer with its input, and its answer comes back', async () => {
    const answer = {
      code: 'ABCD-EFGH',
      status: 'confirmed',
      waitlistPosition: null,
      courseId: 'x',
      enrolmentId: 'e',
      replayed: false,
    };
    const { ctx, course, calls, database } = await readerWithRemote(async () => answer);
    const input = {
      courseId: course.id,
      name: '홍길동',
      phone: '010-1234-5678',
      consent: true,
      channel: 'web' as const,
      locale: 'ko' as const,
    };
    await expect(services.registerForCourse(ctx, input)).resolves.toEqual(answer);
    expect(calls).toEqual([{ operation: 'registerForCourse', input }]);
    // Nothing was written here.
    expect(await database.db.select().from(enrolments)).toEqual([]);
  });

  it('a refusal from the writer reaches the caller as the same DomainError', async () => {
    const { ctx } = await readerWithRemote(async () => {
      throw new DomainError('course_full');
    });
    await expect(
      services.checkInWithCode(ctx, { code: 'ABCD-EFGH', method: 'keypad', kioskId: null }),
    ).rejects.toMatchObject({ name: 'DomainError', code: 'course_full' });
  });

  it('every operation the writer accepts is an exported service', () => {
    for (const operation of WRITE_OPERATIONS) {
      expect(typeof (services as Record<string, unknown>)[operation]).toBe('function');
    }
  });
});
