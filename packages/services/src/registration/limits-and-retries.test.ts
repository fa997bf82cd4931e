import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendance, auditLog, enrolments, outbox } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { DomainError } from '@seoro/domain';
import { createServiceContext } from '../context';
import { getRegistrationByCode } from './get-registration-by-code';
import { cancelEnrolment } from './cancel-enrolment';
import { moveWaitlistEntry } from './move-waitlist-entry';
import { registerForCourse, type RegisterInput } from './register-for-course';
import { testDatabase } from '@seoro/db/test/vitest';

async function setup(termOverrides: Parameters<typeof makeTerm>[1] = {}) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    startsOn: '2026-07-01',
    endsOn: '2026-08-31',
    ...termOverrides,
  });
  const course = await makeCourse(t.database, { termId: term.id, roomId }, { capacity: 1 });
  return { ...t, ctx: createServiceContext(t.database), term, course, roomId };
}

const input = (courseId: string, over: Partial<RegisterInput> = {}): RegisterInput => ({
  courseId,
  name: '김서로',
  phone: '010-4444-0001',
  consent: true,
  channel: 'web',
  locale: 'ko',
  ...over,
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('idempotency keys', () => {
  it('answers a retry with the first answer and creates nothing new', async () => {
    const { ctx, course, database } = await setup();
    const first = await registerForCourse(ctx, input(course.id, { idempotencyKey: 'key-0001' }));
    const again = await registerForCourse(
      ctx,
      input(course.id, { idempotencyKey: 'key-0001', phone: '01044440001' }),
    );
    expect(again).toEqual({ ...first, replayed: true });
    expect(await database.db.select().from(enrolments)).toHaveLength(1);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
  });

  it('refuses the same key with a different body', async () => {
    const { ctx, course, database } = await setup();
    await registerForCourse(ctx, input(course.id, { idempotencyKey: 'key-0002' }));
    expect(
      await refusal(
        registerForCourse(
          ctx,
          input(course.id, { idempotencyKey: 'key-0002', phone: '010-4444-0002' }),
        ),
      ),
    ).toBe('idempotency_conflict');
    expect(await database.db.select().from(enrolments)).toHaveLength(1);
  });
});

describe('per-term limit', () => {
  it('stops a resident at the term’s limit, counting waitlisted places, until one is cancelled', async () => {
    const { ctx, course, database, term, roomId } = await setup({ perResidentLimit: 2 });
    const second = await makeCourse(database, { termId: term.id, roomId });
    const third = await makeCourse(database, { termId: term.id, roomId });
    await registerForCourse(ctx, input(course.id, { phone: '010-4444-0009' })); // fills the one seat
    const waiting = await registerForCourse(ctx, input(course.id)); // waitlisted counts too
    await registerForCourse(ctx, input(second.id));
    expect(await refusal(registerForCourse(ctx, input(third.id)))).toBe('term_limit_reached');
    await cancelEnrolment(ctx, {
      enrolmentId: waiting.enrolmentId,
      actor: { type: 'resident', id: 'r' },
    });
    expect((await registerForCourse(ctx, input(third.id))).status).toBe('confirmed');
  });
});

describe('no-show bar', () => {
  it('bars a learner who missed half of last term’s meetings, and nobody else', async () => {
    const { ctx, database, roomId, term } = await setup({ noShowBarPercent: 50 });
    const past = await makeTerm(database, {
      startsOn: '2026-01-08',
      endsOn: '2026-02-12',
      registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
      registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
      status: 'archived',
    });
    const pastCourse = await makeCourse(database, { termId: past.id, roomId });
    const held: Awaited<ReturnType<typeof makeMeeting>>[] = [];
    for (let w = 0; w < 4; w++) {
      held.push(
        await makeMeeting(
          database,
          { courseId: pastCourse.id, roomId },
          new Date(Date.UTC(2026, 0, 8 + 7 * w, 5)),
          90,
          {
            seq: w + 1,
          },
        ),
      );
    }
    const absent = await makeResident(database, { name: '결석자', phoneE164: '+821044440001' });
    const present = await makeResident(database, { name: '출석자', phoneE164: '+821044440002' });
    const a = await makeEnrolment(database, { courseId: pastCourse.id, residentId: absent.id });
    const p = await makeEnrolment(database, { courseId: pastCourse.id, residentId: present.id });
    await database.write(async (tx) => {
      // absent: 2 of 4 attended (50% absent); present: 3 of 4.
      for (const [i, meeting] of held.entries()) {
        if (i < 2)
          await tx.insert(attendance).values({
            id: `a${i}`,
            enrolmentId: a.id,
            meetingId: meeting.id!,
            checkedInAt: meeting.startsAt!,
            method: 'qr',
          });
        if (i < 3)
          await tx.insert(attendance).values({
            id: `p${i}`,
            enrolmentId: p.id,
            meetingId: meeting.id!,
            checkedInAt: meeting.startsAt!,
            method: 'qr',
          });
      }
    });
    const course = (await makeCourse(database, { termId: term.id, roomId })).id;
    expect(await refusal(registerForCourse(ctx, input(course, { phone: '010-4444-0001' })))).toBe(
      'barred_no_show',
    );
    expect(await refusal(registerForCourse(ctx, input(course, { phone: '010-4444-0002' })))).toBe(
      'ok',
    );
    expect(
      await refusal(
        registerForCourse(ctx, input(course, { phone: '010-4444-0003', name: '새주민' })),
      ),
    ).toBe('ok');
  });
});

describe('waitlist moves by staff', () => {
  it('need a reason, reorder the waitlist and are audited', async () => {
    const { ctx, course, database } = await setup();
    await registerForCourse(ctx, input(course.id, { phone: '010-4444-0010' }));
    const w: Awaited<ReturnType<typeof registerForCourse>>[] = [];
    for (let i = 1; i <= 3; i++)
      w.push(await registerForCourse(ctx, input(course.id, { phone: `010-4444-001${i}` })));
    expect(
      await refusal(
        moveWaitlistEntry(ctx, {
          enrolmentId: w[2]!.enrolmentId,
          toPosition: 1,
          reason: ' ',
          staffId: 's',
        }),
      ),
    ).toBe('reason_required');
    expect(
      await moveWaitlistEntry(ctx, {
        enrolmentId: w[2]!.enrolmentId,
        toPosition: 1,
        reason: '장애인 우선 배려',
        staffId: 's',
      }),
    ).toEqual({ from: 3, to: 1 });
    const positions = await Promise.all(w.map((x) => getRegistrationByCode(ctx, x.code)));
    expect(positions.map((p) => p.waitlistPosition)).toEqual([2, 3, 1]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'waitlist.move'), eq(auditLog.subjectId, w[2]!.enrolmentId)));
    expect(audit?.detail).toMatchObject({ from: 3, to: 1, reason: '장애인 우선 배려' });
  });
});
