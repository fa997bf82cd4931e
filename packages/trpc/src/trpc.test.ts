import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { DomainError, type Locale } from '@seoro/domain';
import type { ServiceContext } from '@seoro/services';
import { createRateLimiter, enforceRateLimit } from './rate-limit';
import { publicProcedure, router, staffProcedure, type TrpcContext } from './trpc';

const testRouter = router({
  refuse: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
    throw new DomainError(input.code as 'already_registered');
  }),
  tooEarly: publicProcedure.query(() => {
    throw new DomainError('check_in_too_early', { opensAt: '13:30' });
  }),
  crash: publicProcedure.query(() => {
    throw new Error('secret internals');
  }),
  strict: publicProcedure.input(z.object({ phone: z.string().min(3) })).query(() => 'ok'),
  limited: publicProcedure.query(({ ctx }) => {
    enforceRateLimit(ctx.rateLimiter, 'limited', ctx.ip, 2);
    return 'ok';
  }),
  staffOnly: staffProcedure.query(({ ctx }) => ctx.staff.role),
});

const limiter = createRateLimiter();
async function call(path: string, input: unknown, locale: Locale = 'ko') {
  const url = `http://localhost/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(url),
    router: testRouter,
    createContext: (): TrpcContext => ({
      services: {} as ServiceContext,
      locale,
      ip: '10.0.0.1',
      requestId: 'test',
      rateLimiter: limiter,
      staff: null,
      kiosk: null,
      resident: null,
    }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } },
  };
}

describe('tRPC error mapping', () => {
  it('turns domain refusals into statuses and sentences in the caller’s language', async () => {
    const ko = await call('refuse', { code: 'already_registered' });
    expect(ko.status).toBe(409);
    expect(ko.body.error.message).toBe(
      '이미 이 강좌에 신청하셨습니다. 새로 신청하지 않아도 됩니다.',
    );
    expect(ko.body.error.data).toMatchObject({ domainCode: 'already_registered', field: null });
    const en = await call('refuse', { code: 'invalid_phone' }, 'en');
    expect(en.status).toBe(400);
    expect(en.body.error.message).toBe('Please check the mobile number, e.g. 010-1234-5678.');
    expect(en.body.error.data.field).toBe('phone');
    expect((await call('refuse', { code: 'code_not_found' })).status).toBe(404);
  });

  it('fills message parameters', async () => {
    const r = await call('tooEarly', undefined);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toBe(
      '아직 출석할 수 없습니다. 오후\u00a01:30부터 출석할 수 있습니다.',
    );
  });

  it('never shows a stack or internals for unexpected errors', async () => {
    const r = await call('crash', undefined, 'en');
    expect(r.status).toBe(500);
    expect(r.body.error.message).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
    expect(JSON.stringify(r.body)).not.toContain('secret internals');
    expect(r.body.error.data.stack).toBeUndefined();
  });

  it('reports invalid input with the field at fault', async () => {
    const r = await call('strict', { phone: '1' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('입력한 내용을 확인해 주세요.');
    expect(r.body.error.data.field).toBe('phone');
  });

  it('rate-limits with 429 and a readable message', async () => {
    expect((await call('limited', undefined)).status).toBe(200);
    expect((await call('limited', undefined)).status).toBe(200);
    const third = await call('limited', undefined, 'en');
    expect(third.status).toBe(429);
    expect(third.body.error.message).toBe('Too many requests. Please try again in a moment.');
  });

  it('keeps staff procedures closed without a staff session', async () => {
    expect((await call('staffOnly', undefined)).status).toBe(401);
  });
});

describe('createRateLimiter', () => {
  it('counts per bucket and key within a window, then forgives', () => {
    const l = createRateLimiter();
    expect([1, 2, 3].map(() => l.hit('b', 'k', 2, 1000, 0))).toEqual([true, true, false]);
    expect(l.hit('b', 'other', 2, 1000, 0)).toBe(true);
    expect(l.hit('c', 'k', 2, 1000, 0)).toBe(true);
    // A hit taken back leaves room for one more in the window.
    l.forgive('b', 'k');
    l.forgive('b', 'k');
    expect(l.hit('b', 'k', 2, 1000, 0)).toBe(true);
    expect(l.hit('b', 'k', 2, 1000, 0)).toBe(false);
    expect(l.hit('b', 'k', 2, 1000, 1000)).toBe(true);
  });
});
