import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attendance, auditLog, kiosks, rooms, venues } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { checkInCandidate, findCheckInByPhone } from './check-in-by-phone';
import { checkInWithCode } from './check-in-with-code';

const START = new Date('2026-01-08T05:00:00Z'); // Thu 14:00 KST
const at = (minutes: number): Clock => ({
  now: () => new Date(START.getTime() + minutes * 60_000),
});

/**
 * A kiosk in room 1, where pottery meets today; calligraphy meets today in the art hall's
 * Lecture Room 2; walking meets tomorrow in room 1. Four residents share the last digits 5678.
 */
async function setup() {
  const t = await testDatabase();
  const db = t.database;
  const { roomId } = await makeRoom(db);
  const hallId = randomUUID();
  const room2Id = randomUUID();
  await db.write(async (tx) => {
    await tx
      .insert(venues)
      .values({ id: hallId, nameKo: '용산아트홀', nameEn: 'Yongsan Art Hall', createdAt: START });
    await tx.insert(rooms).values({
      id: room2Id,
      venueId: hallId,
      nameKo: '제2강의실',
      nameEn: 'Lecture Room 2',
      // Set up after room 1, which stays the room of a kiosk without one.
      createdAt: new Date(Date.now() + 60_000),
    });
  });
  const kioskId = randomUUID();
  const otherKioskId = randomUUID();
  await db.write((tx) =>
    tx.insert(kiosks).values([
      { id: kioskId, name: '1실 앞', roomId, createdAt: START },
      { id: otherKioskId, name: '2실 앞', roomId: room2Id, createdAt: START },
    ]),
  );
  const term = await makeTerm(db);
  const pottery = await makeCourse(
    db,
    { termId: term.id, roomId },
    { titleKo: '도자기', titleEn: 'Pottery' },
  );
  const calligraphy = await makeCourse(
    db,
    { termId: term.id, roomId: room2Id },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy' },
  );
  const walking = await makeCourse(
    db,
    { termId: term.id, roomId },
    { titleKo: '산책', titleEn: 'Walks' },
  );
  await makeMeeting(db, { courseId: pottery.id, roomId }, START, 90);
  await makeMeeting(db, { courseId: calligraphy.id, roomId: room2Id }, START, 90);
  await makeMeeting(
    db,
    { courseId: walking.id, roomId },
    new Date(START.getTime() + 86_400_000),
    90,
  );

  const kim = await makeResident(db, { name: '김서로', phoneE164: '+821011115678' });
  const lee = await makeResident(db, { name: '이웃집', phoneE164: '+821022225678' });
  const park = await makeResident(db, { name: '박대기', phoneE164: '+821033335678' });
  const choi = await makeResident(db, { name: '최이층', phoneE164: '+821044445678' });
  const han = await makeResident(db, { name: '한다른', phoneE164: '+821055551234' });
  const kimPottery = await makeEnrolment(db, { courseId: pottery.id, residentId: kim.id });
  const leePottery = await makeEnrolment(db, { courseId: pottery.id, residentId: lee.id });
  await makeEnrolment(db, { courseId: pottery.id, residentId: han.id });
  const parkWaiting = await makeEnrolment(
    db,
    { courseId: pottery.id, residentId: park.id },
    { status: 'waitlisted' },
  );
  const choiCalligraphy = await makeEnrolment(db, {
    courseId: calligraphy.id,
    residentId: choi.id,
  });
  await makeEnrolment(db, { courseId: walking.id, residentId: kim.id });

  const ctx = (clock: Clock) => createServiceContext(db, { clock });
  const here = { kioskId, roomId };
  return {
    ...t,
    ctx,
    here,
    otherKioskId,
    roomId,
    room2Id,
    pottery,
    calligraphy,
    kim,
    kimPottery,
    leePottery,
    parkWaiting,
    choiCalligraphy,
  };
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

describe('findCheckInByPhone', () => {
  it('offers only today’s confirmed learners in this room, masked, with opaque ids', async () => {
    const { ctx, here, kimPottery, leePottery } = await setup();
    const found = await findCheckInByPhone(ctx(at(0)), { digits: '5678', ...here });
    expect(found.match).toBe('last4');
    expect(found.candidates.map((c) => c.maskedName).sort()).toEqual(['김*로', '이*집']);
    expect(found.candidates[0]).toMatchObject({
      course: { title: { ko: '도자기', en: 'Pottery' } },
      meeting: { startTime: '14:00', endTime: '15:30' },
      checkedIn: false,
    });
    // Nothing the kiosk gets names a registration or a number.
    const text = JSON.stringify(found);
    for (const secret of [kimPottery.id, leePottery.id, kimPottery.code, '01011115678', '1111']) {
      expect(text).not.toContain(secret);
    }
    // Waitlisted: told the place, not offered.
    expect(found.waitlisted).toEqual([
      { maskedName: '박*기', course: { title: { ko: '도자기', en: 'Pottery' } }, position: 1 },
    ]);
    // A class elsewhere today: told where, not offered.
    expect(found.elsewhere).toEqual([
      {
        maskedName: '최*층',
        course: { title: { ko: '캘리그라피', en: 'Calligraphy' } },
        room: { ko: '제2강의실', en: 'Lecture Room 2' },
        venue: { ko: '용산아트홀', en: 'Yongsan Art Hall' },
        meeting: { startTime: '14:00', endTime: '15:30' },
      },
    ]);
  });

  it('finds nobody on a day without class, or for digits nobody has', async () => {
    const { ctx, here } = await setup();
    const tomorrow = await findCheckInByPhone(ctx(at(24 * 60)), { digits: '5678', ...here });
    // Kim's walk tomorrow is in this room: only Kim.
    expect(tomorrow.candidates.map((c) => c.maskedName)).toEqual(['김*로']);
    const none = await findCheckInByPhone(ctx(at(0)), { digits: '0000', ...here });
    expect(none).toEqual({ match: 'last4', candidates: [], waitlisted: [], elsewhere: [] });
    expect((await refusal(findCheckInByPhone(ctx(at(0)), { digits: '567', ...here }))).code).toBe(
      'invalid_phone',
    );
  });

  it('a whole number finds only that resident', async () => {
    const { ctx, here } = await setup();
    const found = await findCheckInByPhone(ctx(at(0)), { digits: '01011115678', ...here });
    expect(found.match).toBe('full');
    expect(found.candidates.map((c) => c.maskedName)).toEqual(['김*로']);
    expect(found.waitlisted).toEqual([]);
  });

  it('a whole number with two classes here today offers the choice of course', async () => {
    const { ctx, here, database, roomId, kim } = await setup();
    const term = await makeTerm(database);
    const evening = await makeCourse(
      database,
      { termId: term.id, roomId },
      { titleKo: '저녁 요가' },
    );
    await makeMeeting(
      database,
      { courseId: evening.id, roomId },
      new Date(START.getTime() + 4 * 3_600_000),
      60,
    );
    await makeEnrolment(database, { courseId: evening.id, residentId: kim.id });
    const found = await findCheckInByPhone(ctx(at(0)), { digits: '01011115678', ...here });
    expect(found.candidates.map((c) => [c.course.title.ko, c.meeting.startTime])).toEqual([
      ['도자기', '14:00'],
      ['저녁 요가', '18:00'],
    ]);
  });
});

describe('checkInCandidate', () => {
  it('checks the tapped learner in by phone at this kiosk, once, and audits it', async () => {
    const { ctx, here, database, kimPottery } = await setup();
    const found = await findCheckInByPhone(ctx(at(-5)), { digits: '5678', ...here });
    const kim = found.candidates.find((c) => c.maskedName === '김*로')!;
    const first = await checkInCandidate(ctx(at(-4)), { candidateId: kim.candidateId, ...here });
    expect(first).toMatchObject({ status: 'checked_in', maskedName: '김*로', late: false });
    const rows = await database.db.select().from(attendance);
    expect(rows).toEqual([
      expect.objectContaining({
        enrolmentId: kimPottery.id,
        method: 'phone',
        kioskId: here.kioskId,
      }),
    ]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'attendance.check_in'));
    expect(audit).toMatchObject({ actorType: 'kiosk', actorId: here.kioskId });
    expect(audit?.detail).toMatchObject({ method: 'phone' });

    // Again, through a new lookup: the list shows it done, and tapping says when the first was.
    const later = await findCheckInByPhone(ctx(at(20)), { digits: '5678', ...here });
    const done = later.candidates.find((c) => c.maskedName === '김*로')!;
    expect(done.checkedIn).toBe(true);
    const again = await checkInCandidate(ctx(at(21)), { candidateId: done.candidateId, ...here });
    expect(again).toMatchObject({
      status: 'already_checked_in',
      firstCheckedInAt: first.checkedInAt,
    });
    expect(await database.db.select().from(attendance)).toHaveLength(1);
  });

  it('flags a late arrival', async () => {
    const { ctx, here } = await setup();
    const found = await findCheckInByPhone(ctx(at(15)), { digits: '01022225678', ...here });
    const r = await checkInCandidate(ctx(at(15)), {
      candidateId: found.candidates[0]!.candidateId,
      ...here,
    });
    expect(r).toMatchObject({ status: 'checked_in', maskedName: '이*집', late: true });
  });

  it('refuses ids of another kiosk, altered, made up or expired, and writes nothing', async () => {
    const { ctx, here, otherKioskId, room2Id, database } = await setup();
    const found = await findCheckInByPhone(ctx(at(0)), { digits: '5678', ...here });
    const id = found.candidates[0]!.candidateId;
    const expired = 'check_in_choice_expired';
    expect(
      (
        await refusal(
          checkInCandidate(ctx(at(0)), { candidateId: id, kioskId: otherKioskId, roomId: room2Id }),
        )
      ).code,
    ).toBe(expired);
    const altered = `${id.slice(0, -2)}${id.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await refusal(checkInCandidate(ctx(at(0)), { candidateId: altered, ...here }))).code,
    ).toBe(expired);
    expect(
      (await refusal(checkInCandidate(ctx(at(0)), { candidateId: randomUUID(), ...here }))).code,
    ).toBe(expired);
    expect((await refusal(checkInCandidate(ctx(at(30)), { candidateId: id, ...here }))).code).toBe(
      expired,
    );
    expect(await database.db.select().from(attendance)).toHaveLength(0);
  });
});

describe('the room rule', () => {
  it('refuses a code for a class in another room, naming the room and venue', async () => {
    const { ctx, here, choiCalligraphy, otherKioskId, room2Id, database } = await setup();
    expect(
      await refusal(
        checkInWithCode(ctx(at(0)), { code: choiCalligraphy.code, method: 'keypad', ...here }),
      ),
    ).toEqual({
      code: 'class_in_other_room',
      params: {
        roomKo: '제2강의실',
        roomEn: 'Lecture Room 2',
        venueKo: '용산아트홀',
        venueEn: 'Yongsan Art Hall',
      },
    });
    expect(await database.db.select().from(attendance)).toHaveLength(0);
    // At the kiosk of that room it goes through.
    const there = await checkInWithCode(ctx(at(0)), {
      code: choiCalligraphy.code,
      method: 'keypad',
      kioskId: otherKioskId,
      roomId: room2Id,
    });
    expect(there.status).toBe('checked_in');
  });

  it('a kiosk without a room stands in the first room set up', async () => {
    const { ctx, choiCalligraphy, kimPottery } = await setup();
    const noRoom = { kioskId: null, roomId: null };
    expect(
      (
        await refusal(
          checkInWithCode(ctx(at(0)), { code: choiCalligraphy.code, method: 'qr', ...noRoom }),
        )
      ).code,
    ).toBe('class_in_other_room');
    const r = await checkInWithCode(ctx(at(0)), { code: kimPottery.code, method: 'qr', ...noRoom });
    expect(r.status).toBe('checked_in');
  });

  it('tells a waitlisted code its place and changes nothing', async () => {
    const { ctx, here, parkWaiting, database } = await setup();
    expect(
      await refusal(checkInWithCode(ctx(at(0)), { code: parkWaiting.code, method: 'qr', ...here })),
    ).toEqual({ code: 'enrolment_waitlisted', params: { position: 1 } });
    expect(await database.db.select().from(attendance)).toHaveLength(0);
  });
});
