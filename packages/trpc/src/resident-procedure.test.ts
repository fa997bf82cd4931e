import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '@seoro/services';
import { createRateLimiter } from './rate-limit';
import {
  createCallerFactory,
  residentProcedure,
  router,
  type ResidentSessionHandle,
  type TrpcContext,
} from './trpc';

const testRouter = router({ whoAmI: residentProcedure.query(({ ctx }) => ctx.resident.id) });

function caller(
  resident: TrpcContext['resident'],
  session?: Partial<ResidentSessionHandle>,
  locale: 'ko' | 'en' = 'ko',
) {
  return createCallerFactory(testRouter)({
    services: {} as ServiceContext,
    locale,
    ip: null,
    requestId: 'test',
    rateLimiter: createRateLimiter(),
    staff: null,
    kiosk: null,
    resident,
    ...(session
      ? {
          residentSession: {
            id: null,
            expired: false,
            start: () => undefined,
            end: () => undefined,
            ...session,
          },
        }
      : {}),
  });
}

describe('residentProcedure', () => {
  it('lets a signed-in resident through with their id', async () => {
    await expect(caller({ id: 'r1' }, { id: 's1' }).whoAmI()).resolves.toBe('r1');
  });

  it('refuses a caller who never signed in with a bare 401', async () => {
    await expect(caller(null).whoAmI()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller(null, {}).whoAmI()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: undefined,
    });
  });

  it('tells a resident whose session ended why, in their language', async () => {
    const error = await caller(null, { expired: true }, 'en')
      .whoAmI()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'session_expired' },
    });
  });
});
