import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { attendance, auditLog, classMessages, instructors, outbox, type Database } from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, kstInstant, type Clock } from '@seoro/domain';
import { readAttendanceGrid } from '../attendance/read-attendance-grid';
import { anonymizeResidentInTx } from '../privacy/anonymize-resident';
import { checkInWithCode } from '../checkin/check-in-with-code';
import { createServiceContext } from '../context';
import { listInstructorCourses } from './list-instructor-courses';
import { markAttendanceAsInstructor } from './mark-attendance';
import { readInstructorCourse } from './read-instructor-course';
import { sendClassMessage } from './send-class-message';

/** Thursday 2026-01-29: the fourth of six weekly meetings (14:00–16:00 KST) is today. */
const DATES = ['2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29', '2026-02-05', '2026-02-12'];
const at = (date: string, time: string): Clock => ({ now: () => kstInstant(date, time) });
const TODAY_START = at('2026-01-29', '14:00');

async function setup(database: Database) {
  const { roomId } = await makeRoom(database);
  const term = await makeTerm(database, { completionPercent: 80 });
  const course = await makeCourse(
    database,
    { termId: term.id, roomId },
    { titleKo: '캘리그라피', titleEn: 'Calligraphy' },
  );
  const other = await makeCourse(database, { termId: term.id, roomId }, { titleKo: '비폭력대화' });
  const meetings = [];
  for (const [i, date] of DATES.entries()) {
    meetings.push(
      await makeMeeting(database, { courseId: course.id, roomId }, kstInstant(date, '14:00'), 120, {
        seq: i + 1,
      }),
    );
  }
  const otherMeeting = await makeMeeting(
    database,
    { courseId: other.id, roomId },
    kstInstant('2026-01-29', '17:00'),
  );
  const teacher = await makeResident(database, { name: '정미경' });
  await database.write((tx) =>
    tx
      .update(instructors)
      .set({ residentId: teacher.id, displayName: '정미경' })
      .where(eq(instructors.id, course.instructorId!)),
  );
  const learners = [];
  for (const name of ['이영희', '김민수', '박철수']) {
    const resident = await makeResident(database, { name });
    learners.push(await makeEnrolment(database, { courseId: course.id, residentId: resident.id }));
  }
  const waiting = await makeResident(database, { name: '최대기' });
  await makeEnrolment(
    database,
    { courseId: course.id, residentId: waiting.id },
    { status: 'waitlisted' },
  );
  const stranger = await makeResident(database, { name: '남의강' });
  const otherLearner = await makeEnrolment(database, {
    courseId: other.id,
    residentId: stranger.id,
  });
  return { course, other, meetings, otherMeeting, teacher, learners, otherLearner };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the instructor’s own courses', () => {
  it('lists only the courses the resident teaches, with the next meeting', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners } = await setup(database);
    const ctx = createServiceContext(database, { clock: at('2026-01-29', '09:00') });
    const home = await listInstructorCourses(ctx, { residentId: teacher.id });
    expect(home.isInstructor).toBe(true);
    expect(home.maskedName).toBe('정*경');
    expect(home.current.map((c) => c.id)).toEqual([course.id]);
    expect(home.current[0]).toMatchObject({
      meetsToday: true,
      confirmed: 3,
      waitlisted: 1,
      meetings: { total: 6, held: 3 },
      nextMeeting: { seq: 4, date: '2026-01-29', startTime: '14:00' },
    });
    const learner = await listInstructorCourses(ctx, { residentId: learners[0]!.residentId });
    expect(learner).toEqual({ isInstructor: false, maskedName: null, current: [], past: [] });
  });

  it('answers "not found" for every course that is not theirs, and changes nothing', async () => {
    const { database } = await testDatabase();
    const { other, otherMeeting, otherLearner, teacher, learners, course, meetings } =
      await setup(database);
    const ctx = createServiceContext(database, { clock: at('2026-01-29', '17:00') });
    const calls: (() => Promise<unknown>)[] = [
      () => readInstructorCourse(ctx, { residentId: teacher.id, courseId: other.id }),
      () => readInstructorCourse(ctx, { residentId: teacher.id, courseId: 'no-such-course' }),
      () =>
        markAttendanceAsInstructor(ctx, {
          residentId: teacher.id,
          courseId: other.id,
          meetingId: otherMeeting.id,
          enrolmentId: otherLearner.id,
          mark: 'present',
        }),
      () =>
        sendClassMessage(ctx, { residentId: teacher.id, courseId: other.id, body: '안녕하세요' }),
      // A learner of the course is not its instructor.
      () => readInstructorCourse(ctx, { residentId: learners[0]!.residentId, courseId: course.id }),
      () =>
        markAttendanceAsInstructor(ctx, {
          residentId: learners[0]!.residentId,
          courseId: course.id,
          meetingId: meetings[3]!.id,
          enrolmentId: learners[0]!.id,
          mark: 'present',
        }),
    ];
    for (const call of calls) expect((await refusal(call())).code).toBe('course_not_found');
    // A learner of another course through the instructor's own course id: not theirs either.
    const crossed = await refusal(
      markAttendanceAsInstructor(ctx, {
        residentId: teacher.id,
        courseId: course.id,
        meetingId: meetings[3]!.id,
        enrolmentId: otherLearner.id,
        mark: 'present',
      }),
    );
    expect(crossed.code).toBe('enrolment_not_found');
    expect(await database.db.select().from(attendance)).toEqual([]);
    expect(await database.db.select().from(outbox)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });
});

describe('readInstructorCourse', () => {
  it('shows the roster masked, attendance so far, who is heading below the line, the waitlist', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners, meetings } = await setup(database);
    const [lee, kim] = learners as [(typeof learners)[0], (typeof learners)[0]];
    // Five of six meetings complete (80%). 이영희 came to all three held; 김민수 to two (one
    // absence: all three left are needed); 박철수 to none (five needed, three left).
    for (const m of meetings.slice(0, 3)) {
      await database.write((tx) =>
        tx.insert(attendance).values({
          id: `${lee.id}-${m.id}`,
          enrolmentId: lee.id,
          meetingId: m.id,
          checkedInAt: m.startsAt,
          method: 'qr',
          late: false,
        }),
      );
    }
    for (const m of meetings.slice(0, 2)) {
      await database.write((tx) =>
        tx.insert(attendance).values({
          id: `${kim.id}-${m.id}`,
          enrolmentId: kim.id,
          meetingId: m.id,
          checkedInAt: m.startsAt,
          method: 'qr',
          late: false,
        }),
      );
    }
    const ctx = createServiceContext(database, { clock: at('2026-01-29', '13:00') });
    const view = await readInstructorCourse(ctx, { residentId: teacher.id, courseId: course.id });
    expect(view.learners.map((l) => [l.maskedName, l.attended, l.held, l.outlook.state])).toEqual([
      ['김*수', 2, 3, 'at_risk'],
      ['박*수', 0, 3, 'not_met'],
      ['이*희', 3, 3, 'safe'],
    ]);
    expect(view.learners[0]!.outlook).toMatchObject({ absences: 1, remaining: 3, needed: 3 });
    for (const l of view.learners) expect(l.maskedPhone).toMatch(/^010-\*{4}-\d{4}$/);
    expect(JSON.stringify(view)).not.toMatch(/이영희|김민수|박철수|최대기|\+8210/);
    expect(view.waitlist).toEqual([
      { position: 1, maskedName: '최*기', maskedPhone: expect.stringMatching(/^010-\*{4}-\d{4}$/) },
    ]);
    // Attendance opens at 13:30, 30 minutes before the 14:00 start.
    expect(view.attendance).toMatchObject({
      state: 'not_open',
      opensAt: kstInstant('2026-01-29', '13:30').toISOString(),
      meeting: { seq: 4 },
    });
    expect(view.learners.every((l) => l.mark === null)).toBe(true);
  });
});

describe('markAttendanceAsInstructor', () => {
  it('writes a check-in that counts like a kiosk one, never a second row; audited', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners, meetings } = await setup(database);
    const [lee, kim, park] = learners as [
      (typeof learners)[0],
      (typeof learners)[0],
      (typeof learners)[0],
    ];
    const today = meetings[3]!;
    // 이영희 checked in at the kiosk at 13:50.
    await checkInWithCode(createServiceContext(database, { clock: at('2026-01-29', '13:50') }), {
      code: lee.code,
      method: 'qr',
    });
    const ctx = createServiceContext(database, { clock: at('2026-01-29', '14:20') });
    const mark = (enrolmentId: string, m: 'present' | 'late' | 'absent') =>
      markAttendanceAsInstructor(ctx, {
        residentId: teacher.id,
        courseId: course.id,
        meetingId: today.id,
        enrolmentId,
        mark: m,
        ip: '10.0.0.9',
      });

    expect(await mark(kim.id, 'present')).toMatchObject({
      maskedName: '김*수',
      mark: 'present',
      method: 'instructor',
      changed: true,
    });
    expect(await mark(park.id, 'late')).toMatchObject({ mark: 'late', changed: true });
    // The kiosk's check-in is the record: no second row, nothing changed, nothing audited.
    expect(await mark(lee.id, 'late')).toMatchObject({
      mark: 'present',
      method: 'qr',
      changed: false,
    });
    expect(await mark(lee.id, 'absent')).toMatchObject({ mark: 'present', changed: false });
    // The same tap twice changes nothing the second time.
    expect(await mark(kim.id, 'present')).toMatchObject({ changed: false });

    const rows = await database.db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, today.id));
    expect(rows.map((r) => [r.enrolmentId, r.method, r.late]).sort()).toEqual(
      [
        [lee.id, 'qr', false],
        [kim.id, 'instructor', false],
        [park.id, 'instructor', true],
      ].sort(),
    );

    // The staff's grid counts them all.
    const grid = await readAttendanceGrid(ctx, { courseId: course.id, staffId: 'staff-1' });
    const todayCol = grid.meetings.find((m) => m.id === today.id)!;
    expect([todayCol.present, todayCol.late, todayCol.absent]).toEqual([2, 1, 0]);
    const kimCell = grid.learners
      .find((l) => l.enrolmentId === kim.id)!
      .cells.find((c) => c.meetingId === today.id)!;
    expect(kimCell).toMatchObject({ state: 'present', method: 'instructor' });

    // Undoing their own mark removes it.
    expect(await mark(park.id, 'absent')).toMatchObject({ mark: 'absent', changed: true });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'attendance.instructor_mark'));
    expect(audit.map((a) => [a.subjectId, a.actorType, a.actorId, a.ip])).toEqual([
      [kim.id, 'resident', teacher.id, '10.0.0.9'],
      [park.id, 'resident', teacher.id, '10.0.0.9'],
      [park.id, 'resident', teacher.id, '10.0.0.9'],
    ]);
    expect(audit[2]!.detail).toMatchObject({
      courseId: course.id,
      meetingId: today.id,
      before: { mark: 'late', method: 'instructor' },
      after: { mark: 'absent', method: null },
    });
  });

  it('is open on the meeting’s day from 30 minutes before it starts to the end of the day', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners, meetings } = await setup(database);
    const tryAt = (clock: Clock, meetingId: string) =>
      markAttendanceAsInstructor(createServiceContext(database, { clock }), {
        residentId: teacher.id,
        courseId: course.id,
        meetingId,
        enrolmentId: learners[0]!.id,
        mark: 'present',
      });
    const early = await refusal(tryAt(at('2026-01-29', '13:29'), meetings[3]!.id));
    expect(early.code).toBe('instructor_attendance_not_open');
    expect(early.params.opensAt).toBe(kstInstant('2026-01-29', '13:30').toISOString());
    // Next week's meeting is not open today either.
    const nextWeek = await refusal(tryAt(at('2026-01-29', '15:00'), meetings[4]!.id));
    expect(nextWeek.code).toBe('instructor_attendance_not_open');
    expect(nextWeek.params.opensAt).toBe(kstInstant('2026-02-05', '13:30').toISOString());
    // Last week's meeting is for staff to correct.
    expect((await refusal(tryAt(at('2026-01-29', '15:00'), meetings[2]!.id))).code).toBe(
      'no_meeting_today',
    );
    // The day after, today's meeting is closed to the instructor.
    expect((await refusal(tryAt(at('2026-01-30', '00:00'), meetings[3]!.id))).code).toBe(
      'no_meeting_today',
    );
    expect(await database.db.select().from(attendance)).toEqual([]);
    expect(await tryAt(at('2026-01-29', '13:30'), meetings[3]!.id)).toMatchObject({
      changed: true,
    });
    expect(await tryAt(at('2026-01-29', '23:59'), meetings[3]!.id)).toMatchObject({
      changed: false,
    });
  });

  it('refuses a learner on the waiting list', async () => {
    const { database } = await testDatabase();
    const { course, teacher, meetings } = await setup(database);
    const waiting = await makeResident(database, { name: '대기중' });
    const enrolment = await makeEnrolment(
      database,
      { courseId: course.id, residentId: waiting.id },
      { status: 'waitlisted' },
    );
    const error = await refusal(
      markAttendanceAsInstructor(createServiceContext(database, { clock: TODAY_START }), {
        residentId: teacher.id,
        courseId: course.id,
        meetingId: meetings[3]!.id,
        enrolmentId: enrolment.id,
        mark: 'present',
      }),
    );
    expect(error.code).toBe('enrolment_not_confirmed');
  });
});

describe('sendClassMessage', () => {
  it('texts each confirmed learner in their language, at most twice a KST day; audited', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners } = await setup(database);
    // 김민수 registered in English: their last text went out in English.
    const kimPhone = (await database.db.query.residents.findFirst({
      where: (r, { eq: is }) => is(r.id, learners[1]!.residentId),
    }))!.phoneE164;
    await database.write((tx) =>
      tx.insert(outbox).values({
        id: 'earlier',
        template: 'enrolment_confirmed',
        channel: 'sms',
        recipient: kimPhone,
        locale: 'en',
        payload: {},
        status: 'sent',
        nextAttemptAt: new Date(0),
        createdAt: new Date(0),
      }),
    );
    const send = (clock: Clock, body: string) =>
      sendClassMessage(createServiceContext(database, { clock }), {
        residentId: teacher.id,
        courseId: course.id,
        body,
        ip: '10.0.0.9',
      });
    const first = await send(at('2026-01-29', '09:00'), '  다음 주에는 붓펜을 가져오세요.  ');
    expect(first).toMatchObject({ recipients: 3, sentToday: 1 });
    const texts = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'class_message'));
    expect(texts).toHaveLength(3);
    expect(texts.find((t) => t.recipient === kimPhone)!.locale).toBe('en');
    expect(texts.filter((t) => t.locale === 'ko')).toHaveLength(2);
    expect(texts[0]!.payload).toMatchObject({
      courseTitleKo: '캘리그라피',
      body: '다음 주에는 붓펜을 가져오세요.',
    });

    expect(await send(at('2026-01-29', '23:59'), '두 번째')).toMatchObject({ sentToday: 2 });
    const third = await refusal(send(at('2026-01-29', '23:59'), '세 번째'));
    expect(third.code).toBe('class_message_limit');
    expect(third.params.limit).toBe(2);
    // A new KST day (00:00 KST is 15:00 UTC the day before) starts a new count.
    expect(await send(at('2026-01-30', '00:00'), '다음 날')).toMatchObject({ sentToday: 1 });

    expect(await database.db.select().from(classMessages)).toHaveLength(3);
    expect(
      await database.db.select().from(outbox).where(eq(outbox.template, 'class_message')),
    ).toHaveLength(9);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'class_message.send'), eq(auditLog.subjectId, course.id)));
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorType: 'resident', actorId: teacher.id, ip: '10.0.0.9' });
    expect(audit[0]!.detail).toMatchObject({ recipients: 3 });
  });

  it('leaves out a learner whose data was destroyed: no text, a dash for the phone', async () => {
    const { database } = await testDatabase();
    const { course, teacher, learners } = await setup(database);
    await database.write((tx) =>
      anonymizeResidentInTx(tx, learners[0]!.residentId, TODAY_START.now()),
    );
    const ctx = createServiceContext(database, { clock: TODAY_START });
    const view = await readInstructorCourse(ctx, { residentId: teacher.id, courseId: course.id });
    expect(view.learners.map((l) => l.maskedPhone).filter((p) => p === '—')).toHaveLength(1);
    expect(
      await sendClassMessage(ctx, { residentId: teacher.id, courseId: course.id, body: '안내' }),
    ).toMatchObject({ recipients: 2 });
  });

  it('refuses a blank or too long message and sends nothing', async () => {
    const { database } = await testDatabase();
    const { course, teacher } = await setup(database);
    const ctx = createServiceContext(database, { clock: TODAY_START });
    const send = (body: string) =>
      sendClassMessage(ctx, { residentId: teacher.id, courseId: course.id, body });
    expect((await refusal(send('  \n '))).code).toBe('class_message_required');
    expect((await refusal(send('가'.repeat(501)))).code).toBe('class_message_too_long');
    expect(await send('가'.repeat(500))).toMatchObject({ recipients: 3 });
    expect(await database.db.select().from(classMessages)).toHaveLength(1);
  });
});
