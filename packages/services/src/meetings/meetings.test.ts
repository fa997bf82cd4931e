import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendance, auditLog, meetings, outbox } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { kstInstant, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications';
import { addMeeting } from './add-meeting';
import { cancelMeeting } from './cancel-meeting';
import { generateMeetings } from './generate-meetings';
import { listCourseMeetings } from './list-course-meetings';
import { previewMeetingSchedule } from './preview-meeting-schedule';
import { restoreMeeting } from './restore-meeting';
import { updateMeeting } from './update-meeting';
import { readRoomTimetable } from '../rooms/room-timetable';
import { listRooms } from '../rooms/list-rooms';

const NOW = new Date('2027-08-20T01:00:00Z');
const clock: Clock = { now: () => NOW };
const STAFF = 'staff-1';

async function setup() {
  const { database } = await testDatabase();
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { startsOn: '2027-09-01', endsOn: '2027-12-31' });
  const photo = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '스마트폰 사진 교실', titleEn: 'Smartphone Photography' },
  );
  const fresh = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '우리 동네 역사 산책', titleEn: 'Local History Walks' },
  );
  // The photo class meets on Thursday 2 September 2027, 10:00–12:00, in the same room.
  const photoMeeting = await makeMeeting(
    database,
    { courseId: photo.id, roomId },
    kstInstant('2027-09-02', '10:00'),
    120,
    { seq: 1 },
  );
  const ctx = createServiceContext(database, { clock });
  return { database, ctx, roomId, term, photo, fresh, photoMeeting };
}

const pattern = (courseId: string) => ({
  courseId,
  weekdays: [3],
  startTime: '14:00',
  endTime: '16:00',
  first: '2027-09-01',
  count: 4,
  holidayRule: 'skip_extend' as const,
});

describe('generating meetings from a weekly pattern', () => {
  it('skips Chuseok (2027-09-15), keeps the count, and says why in the preview', async () => {
    const { database, ctx, fresh } = await setup();
    const preview = await previewMeetingSchedule(ctx, pattern(fresh.id));
    expect(preview.slots.map((s) => s.date)).toEqual([
      '2027-09-01',
      '2027-09-08',
      '2027-09-22',
      '2027-09-29',
    ]);
    expect(preview.skipped).toEqual([{ date: '2027-09-15', names: ['추석'] }]);
    expect(preview.clashes).toEqual([]);
    expect(preview.replaceable).toBe(true);

    const result = await generateMeetings(ctx, { ...pattern(fresh.id), staffId: STAFF });
    expect(result).toMatchObject({
      created: 4,
      replaced: 0,
      first: '2027-09-01',
      last: '2027-09-29',
    });
    const rows = await database.db.select().from(meetings).where(eq(meetings.courseId, fresh.id));
    expect(rows.map((m) => [m.seq, m.date, m.startTime]).sort()).toEqual([
      [1, '2027-09-01', '14:00'],
      [2, '2027-09-08', '14:00'],
      [3, '2027-09-22', '14:00'],
      [4, '2027-09-29', '14:00'],
    ]);
    expect(rows[0]?.startsAt).toEqual(kstInstant(rows[0]?.date ?? '', '14:00'));
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'meetings.generate'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: STAFF, subjectId: fresh.id });
    expect(audit[0]?.detail?.skipped).toEqual(['2027-09-15 추석']);
  });

  it('shortens the course instead when staff choose so, and replaces the old schedule', async () => {
    const { database, ctx, fresh } = await setup();
    await generateMeetings(ctx, { ...pattern(fresh.id), staffId: STAFF });
    const result = await generateMeetings(ctx, {
      ...pattern(fresh.id),
      holidayRule: 'skip',
      staffId: STAFF,
    });
    expect(result).toMatchObject({ created: 3, replaced: 4 });
    const rows = await database.db.select().from(meetings).where(eq(meetings.courseId, fresh.id));
    expect(rows).toHaveLength(3);
  });

  it('refuses a clash, naming the room, the time and the course, and writes nothing', async () => {
    const { database, ctx, fresh } = await setup();
    const clashing = { ...pattern(fresh.id), weekdays: [4], startTime: '11:00', endTime: '13:00' };
    const preview = await previewMeetingSchedule(ctx, clashing);
    expect(preview.clashes.map((c) => [c.date, c.course.ko])).toEqual([
      ['2027-09-02', '스마트폰 사진 교실'],
    ]);
    const refusal = generateMeetings(ctx, { ...clashing, staffId: STAFF });
    await expect(refusal).rejects.toMatchObject({
      code: 'room_double_booked',
      params: {
        roomKo: '제1강의실',
        courseKo: '스마트폰 사진 교실',
        date: '2027-09-02',
        time: '10:00–12:00',
        count: 1,
      },
    });
    expect(
      await database.db.select().from(meetings).where(eq(meetings.courseId, fresh.id)),
    ).toHaveLength(0);
    expect(await database.db.select().from(auditLog)).toHaveLength(0);
  });

  it('lets a slot start when the other ends, and ignores cancelled meetings', async () => {
    const { ctx, fresh, photo, roomId } = await setup();
    await addMeeting(ctx, {
      courseId: fresh.id,
      date: '2027-09-02',
      startTime: '12:00',
      endTime: '13:00',
      roomId,
      staffId: STAFF,
    });
    const { meetings: photoMeetings } = await listCourseMeetings(ctx, { courseId: photo.id });
    await cancelMeeting(ctx, {
      meetingId: photoMeetings[0]?.id ?? '',
      reason: '강사 사정',
      staffId: STAFF,
    });
    const added = await addMeeting(ctx, {
      courseId: fresh.id,
      date: '2027-09-02',
      startTime: '10:00',
      endTime: '11:00',
      roomId,
      staffId: STAFF,
    });
    expect(added.seq).toBe(1);
  });

  it('refuses to replace a schedule once learners have checked in', async () => {
    const { database, ctx, photo, photoMeeting } = await setup();
    const resident = await makeResident(database);
    const enrolment = await makeEnrolment(database, {
      courseId: photo.id,
      residentId: resident.id,
    });
    await database.write((tx) =>
      tx.insert(attendance).values({
        id: 'a-1',
        enrolmentId: enrolment.id,
        meetingId: photoMeeting.id,
        checkedInAt: NOW,
        method: 'staff',
      }),
    );
    await expect(
      generateMeetings(ctx, { ...pattern(photo.id), staffId: STAFF }),
    ).rejects.toMatchObject({ code: 'schedule_has_attendance' });
    await expect(
      cancelMeeting(ctx, { meetingId: photoMeeting.id, reason: '정전', staffId: STAFF }),
    ).rejects.toMatchObject({ code: 'meeting_has_attendance' });
    expect((await previewMeetingSchedule(ctx, pattern(photo.id))).replaceable).toBe(false);
  });
});

describe('changing one meeting', () => {
  async function withLearners() {
    const base = await setup();
    const kim = await makeResident(base.database, { name: '김민수', phoneE164: '+821012345678' });
    const lee = await makeResident(base.database, { name: '이영희', phoneE164: '+821022223333' });
    const park = await makeResident(base.database, { name: '박철수', phoneE164: '+821044445555' });
    await makeEnrolment(base.database, { courseId: base.photo.id, residentId: kim.id });
    await makeEnrolment(base.database, { courseId: base.photo.id, residentId: lee.id });
    await makeEnrolment(
      base.database,
      { courseId: base.photo.id, residentId: park.id },
      { status: 'waitlisted' },
    );
    return base;
  }

  const outboxOf = (database: Awaited<ReturnType<typeof setup>>['database'], template: string) =>
    database.db.select().from(outbox).where(eq(outbox.template, template));

  it('moves a meeting: confirmed learners get the old and new time, and the change is audited', async () => {
    const { database, ctx, photoMeeting, roomId } = await withLearners();
    const result = await updateMeeting(ctx, {
      meetingId: photoMeeting.id,
      date: '2027-09-03',
      startTime: '14:00',
      endTime: '16:00',
      roomId,
      reason: '강사 일정 변경',
      staffId: STAFF,
    });
    expect(result).toMatchObject({ changed: true, notified: 2 });
    const texts = await outboxOf(database, 'meeting_moved');
    expect(texts.map((t) => t.recipient).sort()).toEqual(['+821012345678', '+821022223333']);
    const rendered = renderNotification({
      template: 'meeting_moved',
      locale: 'ko',
      payload: texts[0]?.payload,
    });
    expect(rendered.text).toContain(
      '9월 2일(목) 오전 10:00~오후 12:00 → 9월 3일(금) 오후 2:00~4:00',
    );
    expect(rendered.text).toContain('스마트폰 사진 교실');
    const [moved] = await database.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, photoMeeting.id));
    expect(moved).toMatchObject({ date: '2027-09-03', startTime: '14:00', endTime: '16:00' });
    expect(moved?.startsAt).toEqual(kstInstant('2027-09-03', '14:00'));
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'meeting.update'), eq(auditLog.subjectId, photoMeeting.id)));
    expect(audit).toMatchObject({
      actorId: STAFF,
      detail: {
        reason: '강사 일정 변경',
        before: { date: '2027-09-02', startTime: '10:00', endTime: '12:00' },
        after: { date: '2027-09-03', startTime: '14:00', endTime: '16:00' },
        notified: 2,
      },
    });
  });

  it('refuses a move into another meeting, naming it, and writes nothing', async () => {
    const { database, ctx, photoMeeting, fresh, roomId } = await withLearners();
    await addMeeting(ctx, {
      courseId: fresh.id,
      date: '2027-09-09',
      startTime: '10:00',
      endTime: '12:00',
      roomId,
      staffId: STAFF,
    });
    const before = await database.db.select().from(auditLog);
    await expect(
      updateMeeting(ctx, {
        meetingId: photoMeeting.id,
        date: '2027-09-09',
        startTime: '11:30',
        endTime: '13:00',
        roomId,
        staffId: STAFF,
      }),
    ).rejects.toMatchObject({
      code: 'room_double_booked',
      params: { courseKo: '우리 동네 역사 산책', date: '2027-09-09', time: '10:00–12:00' },
    });
    expect(await outboxOf(database, 'meeting_moved')).toHaveLength(0);
    expect(await database.db.select().from(auditLog)).toHaveLength(before.length);
    const [same] = await database.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, photoMeeting.id));
    expect(same?.date).toBe('2027-09-02');
  });

  it('cancels with a reason: learners told, reminder withdrawn, audited; restores when free', async () => {
    const { database, ctx, photoMeeting, fresh, roomId } = await withLearners();
    await expect(
      cancelMeeting(ctx, { meetingId: photoMeeting.id, reason: '  ', staffId: STAFF }),
    ).rejects.toMatchObject({ code: 'reason_required' });
    const cancelled = await cancelMeeting(ctx, {
      meetingId: photoMeeting.id,
      reason: '강사 병가',
      staffId: STAFF,
    });
    expect(cancelled.notified).toBe(2);
    const texts = await outboxOf(database, 'meeting_cancelled');
    expect(texts).toHaveLength(2);
    expect(
      renderNotification({
        template: 'meeting_cancelled',
        locale: 'en',
        payload: texts[0]?.payload,
      }).text,
    ).toContain('“Smartphone Photography” on Thu 2 Sep, 10:00 AM–12:00 PM is cancelled');
    const listed = await listCourseMeetings(ctx, { courseId: photoMeeting.courseId });
    expect(listed.meetings[0]).toMatchObject({ status: 'cancelled', cancelReason: '강사 병가' });
    await expect(
      cancelMeeting(ctx, { meetingId: photoMeeting.id, reason: '다시', staffId: STAFF }),
    ).rejects.toMatchObject({ code: 'meeting_already_cancelled' });

    // Another course takes the freed slot: restoring is refused, naming it.
    const taken = await addMeeting(ctx, {
      courseId: fresh.id,
      date: '2027-09-02',
      startTime: '10:00',
      endTime: '12:00',
      roomId,
      staffId: STAFF,
    });
    await expect(
      restoreMeeting(ctx, { meetingId: photoMeeting.id, staffId: STAFF }),
    ).rejects.toMatchObject({
      code: 'room_double_booked',
      params: { courseKo: '우리 동네 역사 산책' },
    });
    await cancelMeeting(ctx, { meetingId: taken.meetingId, reason: '일정 정리', staffId: STAFF });
    const restored = await restoreMeeting(ctx, { meetingId: photoMeeting.id, staffId: STAFF });
    expect(restored.notified).toBe(2);
    expect(await outboxOf(database, 'meeting_restored')).toHaveLength(2);
    const actions = (await database.db.select().from(auditLog)).map((a) => a.action);
    expect(actions.filter((a) => a === 'meeting.cancel')).toHaveLength(2);
    expect(actions).toContain('meeting.restore');
  });
});

describe('the room timetable', () => {
  it('shows a week and a month of the busiest room, cancelled meetings marked', async () => {
    const { ctx, fresh, roomId } = await setup();
    await generateMeetings(ctx, { ...pattern(fresh.id), staffId: STAFF });
    const rooms = await listRooms(ctx);
    expect(rooms[0]).toMatchObject({ id: roomId, upcomingMeetings: 5 });
    const week = await readRoomTimetable(ctx, { date: '2027-09-02' });
    expect(week).toMatchObject({
      view: 'week',
      from: '2027-08-30',
      to: '2027-09-05',
      previous: '2027-08-23',
      next: '2027-09-06',
    });
    expect(week.entries.map((e) => [e.date, e.course.ko])).toEqual([
      ['2027-09-01', '우리 동네 역사 산책'],
      ['2027-09-02', '스마트폰 사진 교실'],
    ]);
    const month = await readRoomTimetable(ctx, { roomId, view: 'month', date: '2027-09-15' });
    expect(month).toMatchObject({
      from: '2027-08-30',
      to: '2027-10-03',
      previous: '2027-08-01',
      next: '2027-10-01',
    });
    expect(month.entries).toHaveLength(5);
    expect(month.holidays['2027-09-15']).toEqual(['추석']);
    await expect(readRoomTimetable(ctx, { roomId: 'missing' })).rejects.toMatchObject({
      code: 'room_not_found',
    });
  });
});
