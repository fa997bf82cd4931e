import { describe, expect, it } from 'vitest';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { createServiceContext } from '@seoro/services';
import { createCallerFactory, createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { registrationRouter } from './server';
import { testDatabase } from '@seoro/db/test/vitest';

async function setup() {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 1 });
  const ctx: TrpcContext = {
    services: createServiceContext(t.database),
    rateLimiter: createRateLimiter(),
    locale: 'ko',
    ip: '127.0.0.1',
    requestId: 'test',
    staff: null,
    kiosk: null,
    resident: null,
  };
  return { caller: createCallerFactory(registrationRouter)(ctx), course };
}

describe('registration routes', () => {
  it('registers, waitlists and looks up by code without exposing internal ids', async () => {
    const { caller, course } = await setup();
    const first = await caller.register({
      courseId: course.id,
      name: '박서로',
      phone: '010-1111-2222',
      consent: true,
    });
    expect(Object.keys(first).sort()).toEqual(['code', 'courseId', 'status', 'waitlistPosition']);
    const second = await caller.register({
      courseId: course.id,
      name: '최서로',
      phone: '010-1111-3333',
      consent: true,
    });
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const view = await caller.byCode({ code: second.code });
    expect(view).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      maskedName: '최*로',
      maskedPhone: '010-****-3333',
    });
  });

  it('limits repeated attempts for one phone number', async () => {
    const { caller, course } = await setup();
    const attempt = () =>
      caller
        .register({ courseId: course.id, name: '박서로', phone: '010-1111-2222', consent: false })
        .catch((e) => e);
    const errors = [];
    for (let i = 0; i < 11; i++) errors.push(await attempt());
    expect(errors.slice(0, 10).every((e) => e.cause?.code === 'consent_required')).toBe(true);
    expect(errors[10].code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('cancellation by code and phone', () => {
  it('cancels, promotes the next person and refuses a wrong phone or a second cancel', async () => {
    const { caller, course } = await setup();
    const a = await caller.register({
      courseId: course.id,
      name: '박서로',
      phone: '010-1111-2222',
      consent: true,
    });
    const b = await caller.register({
      courseId: course.id,
      name: '최서로',
      phone: '010-1111-3333',
      consent: true,
    });
    const wrong = await caller.cancel({ code: a.code, phone: '010-1111-3333' }).catch((e) => e);
    expect(wrong.cause?.code).toBe('code_not_found');
    expect(await caller.cancel({ code: a.code, phone: '01011112222' })).toEqual({
      previousStatus: 'confirmed',
      promotedCount: 1,
    });
    expect((await caller.byCode({ code: b.code })).status).toBe('confirmed');
    expect((await caller.byCode({ code: a.code })).status).toBe('cancelled');
    const again = await caller.cancel({ code: a.code, phone: '010-1111-2222' }).catch((e) => e);
    expect(again.cause?.code).toBe('not_cancellable');
  });
});
