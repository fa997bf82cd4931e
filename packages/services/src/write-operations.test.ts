// A service's own file is imported first: the map must be whole whichever module loads first.
import { cancelEnrolment, cancelEnrolmentInPlace } from './registration/cancel-enrolment';
import { describe, expect, it } from 'vitest';
import {
  createServiceContext,
  writeService,
  type RemoteWriter,
  type ServiceContext,
} from './context';
import type { CancelResult } from './registration/cancel-enrolment';
import {
  registerForCourse,
  registerForCourseInPlace,
  type RegisterInput,
} from './registration/register-for-course';
import { testDatabase } from '@seoro/db/test/vitest';
import { WRITE_OPERATIONS, writeOperations, type WriteService } from './write-operations';

describe('writeOperations', () => {
  it('holds a function for every write service, the one its service runs in place', () => {
    expect(WRITE_OPERATIONS.length).toBeGreaterThan(0);
    for (const operation of WRITE_OPERATIONS) {
      expect(typeof writeOperations[operation], operation).toBe('function');
    }
    expect(writeOperations.registerForCourse).toBe(registerForCourseInPlace);
    expect(writeOperations.cancelEnrolment).toBe(cancelEnrolmentInPlace);
  });

  it('a service hands its own name and input to the remote writer when there is one', async () => {
    const { database } = await testDatabase();
    const calls: Array<{ operation: string; input: unknown }> = [];
    const remote: RemoteWriter = {
      call(operation, input) {
        calls.push({ operation, input });
        return Promise.reject(new Error('not here'));
      },
    };
    const ctx = createServiceContext(database, { remote });
    const input = { enrolmentId: 'e1', actor: { type: 'system' as const, id: null } };
    await expect(cancelEnrolment(ctx, input)).rejects.toThrow('not here');
    expect(calls).toEqual([{ operation: 'cancelEnrolment', input }]);
  });

  it('pairs each name with its own service, checked by the compiler', () => {
    // Never run: `tsc` (the package's check) fails if any line below compiles.
    const mistakes = (ctx: ServiceContext, remote: RemoteWriter, registration: RegisterInput) => {
      // @ts-expect-error there is no write service of that name
      writeService('registerForCourses');
      const swapped: typeof writeOperations = {
        ...writeOperations,
        // @ts-expect-error registerForCourse's name with cancelEnrolment's function
        registerForCourse: cancelEnrolmentInPlace,
      };
      // @ts-expect-error the service built from cancelEnrolment's entry takes no registration
      const misnamed: typeof registerForCourse = writeService('cancelEnrolment');
      // @ts-expect-error a registration is no input for cancelEnrolment
      const wrongInput: WriteService<'cancelEnrolment'> = registerForCourseInPlace;
      const cancellation = { enrolmentId: 'e1', actor: { type: 'system' as const, id: null } };
      // @ts-expect-error the remote writer is called with a name and another service's input
      void remote.call('registerForCourse', cancellation);
      // @ts-expect-error its answer is registerForCourse's result, not cancelEnrolment's
      const answer: Promise<CancelResult> = remote.call('registerForCourse', registration);
      void ctx;
      return [swapped, misnamed, wrongInput, answer];
    };
    expect(typeof mistakes).toBe('function');
  });
});
