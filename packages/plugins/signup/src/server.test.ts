import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrolments, kiosks, outbox } from '@seoro/db';
import { makeCourse, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { kstInstant } from '@seoro/domain';
import { createServiceContext } from '@seoro/services';
import { createCallerFactory, createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { signupRouter } from './server';

const NOW = kstInstant('2026-01-20', '14:00');

async function setup(locale: 'ko' | 'en' = 'ko') {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    startsOn: '2026-01-08',
    endsOn: '2026-02-12',
    registrationOpensAt: kstInstant('2026-01-05', '10:00'),
    registrationClosesAt: kstInstant('2026-01-15', '18:00'),
    onsiteOpensAt: kstInstant('2026-01-08', '09:00'),
    onsiteClosesAt: kstInstant('2026-01-29', '18:00'),
  });
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 1 });
  const kioskId = randomUUID();
  await t.database.write((tx) =>
    tx.insert(kiosks).values({ id: kioskId, name: '제3강의실 앞', roomId, createdAt: NOW }),
  );
  const ctx = (kiosk: TrpcContext['kiosk']): TrpcContext => ({
    services: createServiceContext(t.database, { clock: { now: () => NOW } }),
    rateLimiter: createRateLimiter(),
    locale,
    ip: '127.0.0.1',
    requestId: 'test',
    staff: null,
    kiosk,
    resident: null,
  });
  const kiosk = { id: kioskId, name: '제3강의실 앞', roomId, enabledPlugins: ['signup'] };
  const caller = createCallerFactory(signupRouter)(ctx(kiosk));
  const stranger = createCallerFactory(signupRouter)(ctx(null));
  return { ...t, caller, stranger, course, kioskId };
}

describe('signup routes', () => {
  it('lists the course, signs up at the kiosk and answers with the masked number only', async () => {
    const { caller, course, kioskId, database } = await setup('en');
    const list = await caller.courses();
    expect(list.state).toBe('open');
    expect(list.courses.map((c) => c.id)).toEqual([course.id]);

    const answer = await caller.register({
      courseId: course.id,
      name: '홍길동',
      phone: '01012345678',
      consent: true,
      idempotencyKey: 'kiosk-signup-0001',
    });
    expect(Object.keys(answer).sort()).toEqual([
      'code',
      'maskedPhone',
      'status',
      'waitlistPosition',
    ]);
    expect(answer).toMatchObject({ status: 'confirmed', maskedPhone: '010-****-5678' });
    const [row] = await database.db.select().from(enrolments);
    expect(row).toMatchObject({ name: '홍길동', channel: 'kiosk', kioskId });
    const [sms] = await database.db.select().from(outbox);
    expect(sms).toMatchObject({ locale: 'en', recipient: '+821012345678' });
    // The last seat is gone: the course leaves the list.
    expect((await caller.courses()).state).toBe('full');
  });

  it('refuses a caller that is not a paired kiosk, and a missing consent, writing nothing', async () => {
    const { caller, stranger, course, database } = await setup();
    const input = {
      courseId: course.id,
      name: '홍길동',
      phone: '010-1234-5678',
      consent: true,
      idempotencyKey: 'kiosk-signup-0002',
    };
    await expect(stranger.register(input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(stranger.courses()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const refused = await caller.register({ ...input, consent: false }).catch((e) => e);
    expect(refused.cause?.code).toBe('consent_required');
    expect(await database.db.select().from(enrolments)).toEqual([]);
  });
});
