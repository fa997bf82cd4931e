import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendance, auditLog, rooms } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { checkInWithCode } from './check-in-with-code';
import { getTodayAtRoom } from './today-at-room';
import { testDatabase } from '@seoro/db/test/vitest';

const START = new Date('2026-01-08T05:00:00Z'); // Thu 14:00 KST
const at = (minutes: number): Clock => ({
  now: () => new Date(START.getTime() + minutes * 60_000),
});

async function setup() {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database);
  const course = await makeCourse(t.database, { termId: term.id, roomId });
  const meeting = await makeMeeting(t.database, { courseId: course.id, roomId }, START, 90);
  const resident = await makeResident(t.database, { name: '홍길동' });
  const enrolment = await makeEnrolment(t.database, {
    courseId: course.id,
    residentId: resident.id,
  });
  const events: unknown[] = [];
  const ctx = (clock: Clock) =>
    createServiceContext(t.database, {
      clock,
      hookHandlers: [{ onCheckIn: (e) => void events.push(e) }],
    });
  return { ...t, ctx, course, meeting, enrolment, resident, roomId, events, term };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, params: e.params };
    throw e;
  }
  return { code: 'no error' };
}

describe('checkInWithCode', () => {
  it('checks in once; a second time says when the first was and writes nothing', async () => {
    const { ctx, enrolment, database, events } = await setup();
    const first = await checkInWithCode(ctx(at(-5)), { code: enrolment.code, method: 'keypad' });
    expect(first.status).toBe('checked_in');
    expect(first.maskedName).toBe('홍*동');
    expect(first.late).toBe(false);
    expect(first.meeting).toMatchObject({
      date: '2026-01-08',
      startTime: '14:00',
      endTime: '15:30',
    });
    const second = await checkInWithCode(ctx(at(20)), {
      code: enrolment.code.toLowerCase(),
      method: 'qr',
    });
    expect(second.status).toBe('already_checked_in');
    expect(second.firstCheckedInAt).toBe(first.checkedInAt);
    expect(await database.db.select().from(attendance)).toHaveLength(1);
    expect(await database.db.select().from(auditLog)).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('flags late arrivals and keeps the window from 30 minutes before to the end', async () => {
    const { ctx, enrolment } = await setup();
    expect(
      await refusal(checkInWithCode(ctx(at(-31)), { code: enrolment.code, method: 'qr' })),
    ).toEqual({
      code: 'check_in_too_early',
      params: { opensAt: '13:30' },
    });
    const late = await checkInWithCode(ctx(at(15)), { code: enrolment.code, method: 'qr' });
    expect(late.late).toBe(true);
  });

  it('refuses after the meeting ended', async () => {
    const { ctx, enrolment } = await setup();
    expect(
      (await refusal(checkInWithCode(ctx(at(90)), { code: enrolment.code, method: 'qr' }))).code,
    ).toBe('check_in_closed');
  });

  it('explains wrong, unknown, waitlisted codes and days without class', async () => {
    const { ctx, database, course, enrolment } = await setup();
    expect(
      (await refusal(checkInWithCode(ctx(at(0)), { code: 'ABC', method: 'keypad' }))).code,
    ).toBe('code_invalid');
    expect(
      (await refusal(checkInWithCode(ctx(at(0)), { code: 'ZZZZ-ZZZZ', method: 'keypad' }))).code,
    ).toBe('code_not_found');
    const other = await makeResident(database);
    const waiting = await makeEnrolment(
      database,
      { courseId: course.id, residentId: other.id },
      { status: 'waitlisted' },
    );
    expect(
      await refusal(checkInWithCode(ctx(at(0)), { code: waiting.code, method: 'qr' })),
    ).toEqual({ code: 'enrolment_waitlisted', params: { position: 1 } });
    expect(
      await refusal(checkInWithCode(ctx(at(24 * 60)), { code: enrolment.code, method: 'qr' })),
    ).toEqual({ code: 'course_ended', params: { lastDate: '2026-01-08' } });
    expect(await database.db.select().from(attendance)).toHaveLength(0);
  });

  it('says a cancelled registration was cancelled, not that its code is unknown', async () => {
    const { ctx, database, course } = await setup();
    const other = await makeResident(database);
    const gone = await makeEnrolment(
      database,
      { courseId: course.id, residentId: other.id },
      { status: 'cancelled', cancelledAt: new Date(START.getTime() - 86_400_000) },
    );
    expect(
      await refusal(checkInWithCode(ctx(at(0)), { code: gone.code, method: 'keypad' })),
    ).toEqual({ code: 'enrolment_cancelled', params: {} });
    expect(await database.db.select().from(attendance)).toHaveLength(0);
    expect(await database.db.select().from(auditLog)).toHaveLength(0);
  });

  it('on a day without class, names the next meeting’s date, time and room', async () => {
    const { ctx, database, course, enrolment } = await setup();
    const { roomId: otherRoom } = await makeRoom(database);
    await database.write((tx) =>
      tx
        .update(rooms)
        .set({ nameKo: '제5강의실', nameEn: 'Lecture Room 5' })
        .where(eq(rooms.id, otherRoom)),
    );
    // A week later, then a cancelled one in between that is not the next class.
    await makeMeeting(
      database,
      { courseId: course.id, roomId: otherRoom },
      new Date(START.getTime() + 7 * 86_400_000 + 30 * 60_000),
      120,
      { seq: 3 },
    );
    await makeMeeting(
      database,
      { courseId: course.id, roomId: otherRoom },
      new Date(START.getTime() + 3 * 86_400_000),
      90,
      { seq: 2, status: 'cancelled' },
    );
    expect(
      await refusal(checkInWithCode(ctx(at(24 * 60)), { code: enrolment.code, method: 'qr' })),
    ).toEqual({
      code: 'no_meeting_today_next',
      params: {
        date: '2026-01-15',
        time: '14:30–16:30',
        roomKo: '제5강의실',
        roomEn: 'Lecture Room 5',
      },
    });
    // The day before the first class: the first class is the next.
    expect(
      (await refusal(checkInWithCode(ctx(at(-24 * 60)), { code: enrolment.code, method: 'qr' })))
        .params,
    ).toMatchObject({ date: '2026-01-08', time: '14:00–15:30' });
    expect(await database.db.select().from(attendance)).toHaveLength(0);
  });

  it('accepts a scanned confirmation URL', async () => {
    const { ctx, enrolment } = await setup();
    const r = await checkInWithCode(ctx(at(0)), {
      code: `http://localhost:3000/registrations/${enrolment.code}`,
      method: 'qr',
    });
    expect(r.status).toBe('checked_in');
  });

  it('lists today’s meetings in the room with counts and state', async () => {
    const { ctx, enrolment } = await setup();
    await checkInWithCode(ctx(at(0)), { code: enrolment.code, method: 'qr' });
    const before = await getTodayAtRoom(ctx(at(-60)));
    expect(before.meetings).toHaveLength(1);
    expect(before.meetings[0]).toMatchObject({
      state: 'upcoming',
      enrolled: 1,
      checkedIn: 1,
      startTime: '14:00',
    });
    // A minute before the start, check-in is open but the class has not begun.
    expect((await getTodayAtRoom(ctx(at(-1)))).meetings[0]?.state).toBe('upcoming');
    expect((await getTodayAtRoom(ctx(at(0)))).meetings[0]?.state).toBe('open');
    expect((await getTodayAtRoom(ctx(at(10)))).meetings[0]?.state).toBe('open');
    expect((await getTodayAtRoom(ctx(at(90)))).meetings[0]?.state).toBe('ended');
    expect((await getTodayAtRoom(ctx(at(100)))).meetings[0]?.state).toBe('ended');
    expect((await getTodayAtRoom(ctx(at(24 * 60)))).meetings).toHaveLength(0);
  });
});
