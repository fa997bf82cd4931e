import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendance, auditLog, enrolments, outbox, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { DomainError, type Clock } from '@seoro/domain';
import { randomUUID } from 'node:crypto';
import { createServiceContext } from '../context';
import { drawCourseLottery } from '../lottery/draw-course-lottery';
import { cancelEnrolment } from './cancel-enrolment';
import { cancelMyEnrolment } from './cancel-my-enrolment';
import { listMyRegistrations, type MyRegistration } from './list-my-registrations';
import { testDatabase } from '@seoro/db/test/vitest';

// 2026-01-20 12:00 KST, a Tuesday in the middle of the term.
const NOW = new Date('2026-01-20T03:00:00Z');
const clock: Clock = { now: () => NOW };
/** A KST wall-clock instant. */
const kst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);

async function setup() {
  const t = await testDatabase();
  const ctx = createServiceContext(t.database, { clock });
  const { roomId } = await makeRoom(t.database);
  const me = await makeResident(t.database, { name: '홍길동', phoneE164: '+821055501234' });
  const other = await makeResident(t.database, { name: '김영희' });
  const third = await makeResident(t.database, { name: '이철수' });
  return { ...t, ctx, roomId, me, other, third };
}

async function checkIn(database: Database, enrolmentId: string, meetingId: string, at: Date) {
  await database.write((tx) =>
    tx.insert(attendance).values({
      id: randomUUID(),
      enrolmentId,
      meetingId,
      checkedInAt: at,
      method: 'qr',
    }),
  );
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'no error';
}

const byTitle = (list: MyRegistration[], title: string) => {
  const found = list.find((r) => r.course.title.ko === title);
  if (!found) throw new Error(`no registration for ${title}`);
  return found;
};

describe('listMyRegistrations', () => {
  it('lists current and recent terms with status, waitlist position and attendance', async () => {
    const { ctx, database, roomId, me, other, third } = await setup();
    const term = await makeTerm(database, {
      nameKo: '2026년 1기',
      nameEn: '2026 Term 1',
      startsOn: '2026-01-08',
      endsOn: '2026-02-12',
    });
    const recent = await makeTerm(database, {
      nameKo: '2025년 4기',
      nameEn: '2025 Term 4',
      startsOn: '2025-10-01',
      endsOn: '2025-12-20',
    });
    const old = await makeTerm(database, {
      nameKo: '2025년 1기',
      nameEn: '2025 Term 1',
      startsOn: '2025-03-01',
      endsOn: '2025-06-30',
    });
    const course = (termId: string, titleKo: string, extra: object = {}) =>
      makeCourse(database, { termId, roomId }, { titleKo, titleEn: `${titleKo} (en)`, ...extra });

    const tax = await course(term.id, '세금 꿀팁', { sortOrder: 0 });
    const m1 = await makeMeeting(
      database,
      { courseId: tax.id, roomId },
      kst('2026-01-08', '14:00'),
    );
    await makeMeeting(database, { courseId: tax.id, roomId }, kst('2026-01-15', '14:00'));
    await makeMeeting(database, { courseId: tax.id, roomId }, kst('2026-01-22', '14:00'));
    const mineTax = await makeEnrolment(database, { courseId: tax.id, residentId: me.id });
    await checkIn(database, mineTax.id, m1.id, kst('2026-01-08', '13:55'));
    const othersTax = await makeEnrolment(database, { courseId: tax.id, residentId: other.id });
    await checkIn(database, othersTax.id, m1.id, kst('2026-01-08', '13:50'));

    const calligraphy = await course(term.id, '캘리그라피', { sortOrder: 1, capacity: 1 });
    await makeMeeting(database, { courseId: calligraphy.id, roomId }, kst('2026-01-23', '10:00'));
    await makeEnrolment(database, { courseId: calligraphy.id, residentId: other.id });
    await makeEnrolment(
      database,
      { courseId: calligraphy.id, residentId: third.id },
      { status: 'waitlisted', queueNo: 1001 },
    );
    await makeEnrolment(
      database,
      { courseId: calligraphy.id, residentId: me.id },
      { status: 'waitlisted', queueNo: 1002 },
    );

    const poetry = await course(term.id, '시와 음악', { sortOrder: 2, mode: 'lottery' });
    await makeEnrolment(
      database,
      { courseId: poetry.id, residentId: me.id },
      { status: 'lottery_pending' },
    );
    const walking = await course(term.id, '걸음걸이', { sortOrder: 3 });
    await makeEnrolment(
      database,
      { courseId: walking.id, residentId: me.id },
      { status: 'cancelled', cancelledAt: NOW },
    );
    const autumn = await course(recent.id, '가을 수채화');
    await makeMeeting(database, { courseId: autumn.id, roomId }, kst('2025-12-10', '10:00'));
    await makeEnrolment(database, { courseId: autumn.id, residentId: me.id });
    const spring = await course(old.id, '봄 산책');
    await makeEnrolment(database, { courseId: spring.id, residentId: me.id });

    const view = await listMyRegistrations(ctx, { residentId: me.id });
    expect(view.maskedName).toBe('홍*동');
    expect(view.maskedPhone).toBe('010-****-1234');
    expect(view.terms.map((t) => t.term.name.ko)).toEqual(['2026년 1기', '2025년 4기']);
    const current = view.terms[0]!.registrations;
    expect(current.map((r) => [r.course.title.ko, r.state, r.waitlistPosition])).toEqual([
      ['세금 꿀팁', 'confirmed', null],
      ['캘리그라피', 'waitlisted', 2],
      ['시와 음악', 'lottery_pending', null],
      ['걸음걸이', 'cancelled', null],
    ]);

    const taxView = byTitle(current, '세금 꿀팁');
    expect(taxView).toMatchObject({
      enrolmentId: mineTax.id,
      code: mineTax.code,
      cancellable: true,
      attendance: { attended: 1, held: 2 },
      course: {
        id: tax.id,
        title: { ko: '세금 꿀팁', en: '세금 꿀팁 (en)' },
        cancelled: false,
        weekday: 4,
        startTime: '14:00',
        endTime: '16:00',
        firstDate: '2026-01-08',
        lastDate: '2026-01-22',
        meetingCount: 3,
        room: { ko: '제1강의실', en: 'Room 1' },
      },
    });
    expect(byTitle(current, '캘리그라피')).toMatchObject({ cancellable: true, attendance: null });
    expect(byTitle(current, '시와 음악').cancellable).toBe(true);
    expect(byTitle(current, '걸음걸이')).toMatchObject({
      cancellable: false,
      cancelledAt: NOW.toISOString(),
    });
    // A finished course can no longer be cancelled; its attendance still shows.
    expect(view.terms[1]!.registrations).toMatchObject([
      { state: 'confirmed', cancellable: false, attendance: { attended: 0, held: 1 } },
    ]);
    // Nobody else's registrations, and nothing from the old term.
    const all = view.terms.flatMap((t) => t.registrations);
    expect(all.map((r) => r.enrolmentId)).not.toContain(othersTax.id);
    expect(all.map((r) => r.course.title.ko)).not.toContain('봄 산책');
  });

  it('says who won a published lottery draw and where the others wait', async () => {
    const { ctx, database, roomId, me, other, third } = await setup();
    const term = await makeTerm(database, {
      registrationOpensAt: new Date(NOW.getTime() - 10 * 86_400_000),
      registrationClosesAt: new Date(NOW.getTime() - 3_600_000),
    });
    const course = await makeCourse(
      database,
      { termId: term.id, roomId },
      { capacity: 1, mode: 'lottery' },
    );
    const people = [me, other, third];
    const byResident = new Map<string, string>();
    for (const [i, person] of people.entries()) {
      const e = await makeEnrolment(
        database,
        { courseId: course.id, residentId: person.id },
        { status: 'lottery_pending', queueNo: i + 1 },
      );
      byResident.set(person.id, e.id);
    }
    const draw = await drawCourseLottery(ctx, {
      courseId: course.id,
      seed: '00112233445566778899aabbccddeeff',
    });
    expect(draw.winners).toHaveLength(1);

    for (const [i, person] of people.entries()) {
      const [mine] = (await listMyRegistrations(ctx, { residentId: person.id })).terms[0]!
        .registrations;
      const no = i + 1;
      if (draw.winners.includes(no)) {
        expect(mine).toMatchObject({ state: 'lottery_won', status: 'confirmed' });
      } else {
        expect(mine).toMatchObject({
          state: 'lottery_not_selected',
          status: 'waitlisted',
          waitlistPosition: draw.waitlist.indexOf(no) + 1,
        });
      }
      expect(mine!.enrolmentId).toBe(byResident.get(person.id));
    }
  });
});

describe('cancelMyEnrolment', () => {
  async function fullCourse() {
    const env = await setup();
    const term = await makeTerm(env.database);
    const course = await makeCourse(
      env.database,
      { termId: term.id, roomId: env.roomId },
      { capacity: 1 },
    );
    const mine = await makeEnrolment(env.database, { courseId: course.id, residentId: env.me.id });
    const waiting = await makeEnrolment(
      env.database,
      { courseId: course.id, residentId: env.other.id },
      { status: 'waitlisted' },
    );
    return { ...env, course, mine, waiting };
  }
  const statusOf = async (database: Database, id: string) =>
    (await database.db.select().from(enrolments).where(eq(enrolments.id, id)))[0]!.status;

  it('cancels the resident’s own place and promotes the next person in line', async () => {
    const { ctx, database, me, other, mine, waiting, course, roomId } = await fullCourse();
    // Its first class, 4 March 2030 at 10:00 KST: the promoted person's text names it.
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2030-03-04T01:00:00Z'));
    const result = await cancelMyEnrolment(ctx, {
      residentId: me.id,
      enrolmentId: mine.id,
      locale: 'en',
    });
    expect(result).toEqual({
      enrolmentId: mine.id,
      previousStatus: 'confirmed',
      promoted: [{ enrolmentId: waiting.id, residentId: other.id }],
    });
    expect(await statusOf(database, mine.id)).toBe('cancelled');
    expect(await statusOf(database, waiting.id)).toBe('confirmed');
    const messages = await database.db.select().from(outbox);
    expect(messages.map((m) => [m.template, m.recipient]).sort()).toEqual(
      [
        ['enrolment_cancelled', me.phoneE164],
        ['promoted_from_waitlist', other.phoneE164],
      ].sort(),
    );
    const promotedText = messages.find((m) => m.template === 'promoted_from_waitlist')!;
    expect(promotedText.payload).toMatchObject({
      code: waiting.code,
      firstMeeting: { date: '2030-03-04', startTime: '10:00' },
    });
    expect(await database.db.select().from(auditLog)).toMatchObject([
      {
        action: 'enrolment.cancel',
        actorType: 'resident',
        actorId: me.id,
        subjectId: mine.id,
        residentId: me.id,
      },
    ]);

    const [listed] = (await listMyRegistrations(ctx, { residentId: me.id })).terms[0]!
      .registrations;
    expect(listed).toMatchObject({ state: 'cancelled', cancellable: false });
    expect(
      await refusal(
        cancelMyEnrolment(ctx, { residentId: me.id, enrolmentId: mine.id, locale: 'ko' }),
      ),
    ).toBe('not_cancellable');
  });

  it('treats someone else’s enrolment as not found and changes nothing', async () => {
    const { ctx, database, me, other, mine, waiting } = await fullCourse();
    expect(
      await refusal(
        cancelMyEnrolment(ctx, { residentId: other.id, enrolmentId: mine.id, locale: 'ko' }),
      ),
    ).toBe('enrolment_not_found');
    expect(
      await refusal(
        cancelMyEnrolment(ctx, { residentId: me.id, enrolmentId: randomUUID(), locale: 'ko' }),
      ),
    ).toBe('enrolment_not_found');
    expect(await statusOf(database, mine.id)).toBe('confirmed');
    expect(await statusOf(database, waiting.id)).toBe('waitlisted');
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  it('refuses a resident’s cancellation once the course ended or was called off; staff still can', async () => {
    const { ctx, database, roomId, me } = await setup();
    const term = await makeTerm(database, { startsOn: '2025-10-01', endsOn: '2026-02-12' });
    const ended = await makeCourse(database, { termId: term.id, roomId }, { titleKo: '끝난 강좌' });
    await makeMeeting(database, { courseId: ended.id, roomId }, kst('2026-01-13', '10:00'), 120);
    const calledOff = await makeCourse(
      database,
      { termId: term.id, roomId },
      { titleKo: '폐강 강좌', status: 'cancelled' },
    );
    await makeMeeting(
      database,
      { courseId: calledOff.id, roomId },
      kst('2026-01-27', '10:00'),
      120,
    );
    const a = await makeEnrolment(database, { courseId: ended.id, residentId: me.id });
    const b = await makeEnrolment(database, { courseId: calledOff.id, residentId: me.id });
    for (const enrolmentId of [a.id, b.id]) {
      expect(
        await refusal(cancelMyEnrolment(ctx, { residentId: me.id, enrolmentId, locale: 'ko' })),
      ).toBe('cancel_too_late');
      expect(await statusOf(database, enrolmentId)).toBe('confirmed');
    }
    expect(await database.db.select().from(outbox)).toEqual([]);
    const byStaff = await cancelEnrolment(ctx, {
      enrolmentId: a.id,
      actor: { type: 'staff', id: 'staff-1' },
      reason: '수강생 요청',
    });
    expect(byStaff.previousStatus).toBe('confirmed');
  });

  it('lets a waiting resident leave the waitlist, moving the others up', async () => {
    const { ctx, database, roomId, me, other, third } = await setup();
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId }, { capacity: 1 });
    await makeEnrolment(database, { courseId: course.id, residentId: third.id });
    const mine = await makeEnrolment(
      database,
      { courseId: course.id, residentId: me.id },
      { status: 'waitlisted', queueNo: 2001 },
    );
    await makeEnrolment(
      database,
      { courseId: course.id, residentId: other.id },
      { status: 'waitlisted', queueNo: 2002 },
    );
    const before = await listMyRegistrations(ctx, { residentId: other.id });
    expect(before.terms[0]!.registrations[0]!.waitlistPosition).toBe(2);
    const result = await cancelMyEnrolment(ctx, {
      residentId: me.id,
      enrolmentId: mine.id,
      locale: 'ko',
    });
    expect(result).toMatchObject({ previousStatus: 'waitlisted', promoted: [] });
    const after = await listMyRegistrations(ctx, { residentId: other.id });
    expect(after.terms[0]!.registrations[0]!.waitlistPosition).toBe(1);
    const [audit] = await database.db.select().from(auditLog);
    expect(audit).toMatchObject({ action: 'waitlist.leave', actorId: me.id });
  });
});
