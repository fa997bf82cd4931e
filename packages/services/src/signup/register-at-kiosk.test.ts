import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrolments, kiosks, outbox, residents, type Database } from '@seoro/db';
import { makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, kstInstant, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { registerForCourse, type RegisterInput } from '../registration/register-for-course';
import { getOnsiteSignupCourses } from './onsite-signup-courses';

// A class day of the first session: online registration closed on 15 Jan, the kiosk is open.
const NOW = kstInstant('2026-01-20', '14:00');
const fixed = (d: Date): Clock => ({ now: () => d });

async function makeKiosk(database: Database, roomId: string) {
  const id = randomUUID();
  await database.write((tx) =>
    tx.insert(kiosks).values({ id, name: `키오스크 ${id.slice(0, 4)}`, roomId, createdAt: NOW }),
  );
  return id;
}

async function setup(
  opts: {
    capacity?: number;
    mode?: 'first_come' | 'lottery';
    perResidentLimit?: number | null;
    onsite?: { opensAt: Date; closesAt: Date } | null;
  } = {},
) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const onsite =
    opts.onsite === undefined
      ? { opensAt: kstInstant('2026-01-08', '09:00'), closesAt: kstInstant('2026-01-29', '18:00') }
      : opts.onsite;
  const term = await makeTerm(t.database, {
    startsOn: '2026-01-08',
    endsOn: '2026-02-12',
    registrationOpensAt: kstInstant('2026-01-05', '10:00'),
    registrationClosesAt: kstInstant('2026-01-15', '18:00'),
    onsiteOpensAt: onsite?.opensAt ?? null,
    onsiteClosesAt: onsite?.closesAt ?? null,
    perResidentLimit: opts.perResidentLimit ?? null,
  });
  const course = await makeCourse(
    t.database,
    { termId: term.id, roomId },
    { capacity: opts.capacity ?? 10, mode: opts.mode ?? 'first_come' },
  );
  const kioskId = await makeKiosk(t.database, roomId);
  const ctx = createServiceContext(t.database, { clock: fixed(NOW) });
  return { ...t, ctx, course, term, roomId, kioskId };
}

const atKiosk = (i: number, courseId: string, kioskId: string): RegisterInput => ({
  courseId,
  name: `주민${String.fromCharCode(0xac00 + i)}`,
  phone: `010-3${String(i).padStart(3, '0')}-${String(2000 + i).slice(-4)}`,
  consent: true,
  channel: 'kiosk',
  kioskId,
  locale: 'en',
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('registering at the kiosk', () => {
  it('stores the channel and the kiosk, and queues the SMS in the kiosk language', async () => {
    const { ctx, course, kioskId, database } = await setup();
    const r = await registerForCourse(ctx, {
      ...atKiosk(1, course.id, kioskId),
      name: '홍길동',
      phone: '010-1234-5678',
    });
    expect(r.status).toBe('confirmed');
    const [row] = await database.db.select().from(enrolments);
    expect(row).toMatchObject({ name: '홍길동', channel: 'kiosk', kioskId, code: r.code });
    const [sms] = await database.db.select().from(outbox);
    expect(sms).toMatchObject({
      template: 'enrolment_confirmed',
      recipient: '+821012345678',
      locale: 'en',
    });
    expect(sms?.payload).toMatchObject({ code: r.code });
  });

  it('a web registration never records a kiosk', async () => {
    const { ctx, course, kioskId, database } = await setup({ onsite: null });
    await registerForCourse(ctx, { ...atKiosk(1, course.id, kioskId), channel: 'web' }).catch(
      () => null,
    );
    // The online window closed on 15 Jan: refused, and nothing written.
    expect(await database.db.select().from(enrolments)).toEqual([]);
    const open = createServiceContext(database, {
      clock: fixed(kstInstant('2026-01-10', '12:00')),
    });
    await registerForCourse(open, { ...atKiosk(2, course.id, kioskId), channel: 'web' });
    const [row] = await database.db.select().from(enrolments);
    expect(row).toMatchObject({ channel: 'web', kioskId: null });
  });

  it('is judged by the on-site window, not the online one', async () => {
    const { ctx, course, kioskId, database } = await setup();
    // Online closed on 15 Jan, on-site open until 29 Jan.
    expect(
      await refusal(registerForCourse(ctx, { ...atKiosk(1, course.id, kioskId), channel: 'web' })),
    ).toBe('registration_closed');
    expect((await registerForCourse(ctx, atKiosk(2, course.id, kioskId))).status).toBe('confirmed');

    const before = createServiceContext(database, {
      clock: fixed(kstInstant('2026-01-07', '12:00')),
    });
    const early = await registerForCourse(before, atKiosk(3, course.id, kioskId)).catch((e) => e);
    expect(early).toBeInstanceOf(DomainError);
    expect(early.code).toBe('onsite_not_open');
    expect(early.params.opensAt).toBe(kstInstant('2026-01-08', '09:00').toISOString());

    const after = createServiceContext(database, {
      clock: fixed(kstInstant('2026-01-29', '18:00')),
    });
    expect(await refusal(registerForCourse(after, atKiosk(4, course.id, kioskId)))).toBe(
      'onsite_closed',
    );
    expect(await database.db.select().from(enrolments)).toHaveLength(1);
    expect(await database.db.select().from(residents)).toHaveLength(1);
  });

  it('follows the online window when the term sets no on-site one', async () => {
    const { course, kioskId, database } = await setup({ onsite: null });
    const during = createServiceContext(database, {
      clock: fixed(kstInstant('2026-01-10', '12:00')),
    });
    expect((await registerForCourse(during, atKiosk(1, course.id, kioskId))).status).toBe(
      'confirmed',
    );
    const after = createServiceContext(database, { clock: fixed(NOW) });
    expect(await refusal(registerForCourse(after, atKiosk(2, course.id, kioskId)))).toBe(
      'onsite_closed',
    );
  });

  it('keeps the capacity a hard cap: confirmed, then waitlisted with positions', async () => {
    const { ctx, course, kioskId } = await setup({ capacity: 2 });
    const results = [];
    for (let i = 1; i <= 4; i++)
      results.push(await registerForCourse(ctx, atKiosk(i, course.id, kioskId)));
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
  });

  it('gives a lottery course its seats first-come at the kiosk', async () => {
    const { ctx, course, kioskId, database } = await setup({ capacity: 1, mode: 'lottery' });
    const a = await registerForCourse(ctx, atKiosk(1, course.id, kioskId));
    const b = await registerForCourse(ctx, atKiosk(2, course.id, kioskId));
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
    expect((await database.db.select().from(outbox)).map((o) => o.template).sort()).toEqual([
      'enrolment_confirmed',
      'waitlist_joined',
    ]);
  });

  it('applies the per-term limit and one place per course, writing nothing when refused', async () => {
    const { ctx, course, kioskId, database, term, roomId } = await setup({ perResidentLimit: 1 });
    const other = await makeCourse(database, { termId: term.id, roomId });
    await registerForCourse(ctx, atKiosk(1, course.id, kioskId));
    expect(await refusal(registerForCourse(ctx, atKiosk(1, course.id, kioskId)))).toBe(
      'already_registered',
    );
    expect(await refusal(registerForCourse(ctx, atKiosk(1, other.id, kioskId)))).toBe(
      'term_limit_reached',
    );
    expect(await database.db.select().from(enrolments)).toHaveLength(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
  });

  it('answers a retried signup with the first answer and writes it once', async () => {
    const { ctx, course, kioskId, database } = await setup();
    const input = { ...atKiosk(1, course.id, kioskId), idempotencyKey: randomUUID() };
    const first = await registerForCourse(ctx, input);
    const again = await registerForCourse(ctx, input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await database.db.select().from(enrolments)).toHaveLength(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
    expect(await refusal(registerForCourse(ctx, { ...input, name: '다른이름' }))).toBe(
      'idempotency_conflict',
    );
  });
});

describe('courses offered at the kiosk', () => {
  it('lists the courses with free seats and their next meeting while the window is open', async () => {
    const { ctx, course, kioskId, database, term, roomId } = await setup({ capacity: 1 });
    const roomy = await makeCourse(database, { termId: term.id, roomId }, { capacity: 5 });
    await makeMeeting(database, { courseId: roomy.id, roomId }, kstInstant('2026-01-15', '10:00'));
    const next = await makeMeeting(
      database,
      { courseId: roomy.id, roomId },
      kstInstant('2026-01-22', '10:00'),
    );
    const ended = await makeCourse(database, { termId: term.id, roomId });
    await makeMeeting(database, { courseId: ended.id, roomId }, kstInstant('2026-01-12', '10:00'));
    await registerForCourse(ctx, atKiosk(1, course.id, kioskId));

    const list = await getOnsiteSignupCourses(ctx);
    expect(list.state).toBe('open');
    // The full course and the one whose meetings are over are left out.
    expect(list.courses.map((c) => c.id)).toEqual([roomy.id]);
    expect(list.courses[0]).toMatchObject({
      seatsLeft: 5,
      capacity: 5,
      nextMeeting: { date: '2026-01-22', startTime: '10:00', seq: next.seq },
      firstDate: '2026-01-15',
    });
  });

  it('says why there is nothing: full, not open yet (and when), closed, no term', async () => {
    const { ctx, course, kioskId, database } = await setup({ capacity: 1 });
    await registerForCourse(ctx, atKiosk(1, course.id, kioskId));
    expect((await getOnsiteSignupCourses(ctx)).state).toBe('full');

    const early = createServiceContext(database, {
      clock: fixed(kstInstant('2026-01-07', '12:00')),
    });
    expect(await getOnsiteSignupCourses(early)).toEqual({
      state: 'not_open',
      term: { ko: '테스트 기수', en: 'Test term' },
      opensAt: kstInstant('2026-01-08', '09:00').toISOString(),
      courses: [],
    });
    const late = createServiceContext(database, {
      clock: fixed(kstInstant('2026-02-01', '12:00')),
    });
    expect((await getOnsiteSignupCourses(late)).state).toBe('closed');

    const empty = await testDatabase();
    expect(await getOnsiteSignupCourses(createServiceContext(empty.database))).toEqual({
      state: 'no_term',
      courses: [],
    });
  });
});
