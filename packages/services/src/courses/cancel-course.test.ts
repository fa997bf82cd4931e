import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import {
  auditLog,
  courses,
  enrolments,
  lotteryDraws,
  meetingReminders,
  meetings,
  outbox,
  type Database,
} from '@seoro/db';
import {
  makeCourse,
  makeEnrolment,
  makeMeeting,
  makeResident,
  makeRoom,
  makeTerm,
} from '@seoro/db/test';
import { DomainError, type Clock } from '@seoro/domain';
import { getCourse } from '../catalogue/get-course';
import { getCurrentCatalogue } from '../catalogue/get-current-catalogue';
import { checkInWithCode } from '../checkin/check-in-with-code';
import { getTodayAtRoom } from '../checkin/today-at-room';
import { createServiceContext } from '../context';
import { drawCourseLottery, drawDueLotteries } from '../lottery/draw-course-lottery';
import { renderNotification } from '../notifications';
import { registerForCourse } from '../registration/register-for-course';
import { queueMeetingReminders } from '../reminders/queue-meeting-reminders';
import { cancelCourse, REMINDER_WITHDRAWN_ERROR } from './cancel-course';
import { flagCoursesBelowMinimum } from './flag-courses-below-minimum';
import { testDatabase } from '@seoro/db/test/vitest';

const NOW = new Date('2026-01-08T05:10:00Z'); // Thu 14:10 KST, ten minutes into today's class
const clock: Clock = { now: () => NOW };
const STAFF = 'staff-1';

async function setup() {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
    registrationClosesAt: new Date('2026-01-15T09:00:00Z'),
  });
  const ctx = createServiceContext(t.database, { clock });
  return { ...t, ctx, roomId, term };
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

/** Every row the cancellation could touch, to show a refusal changed nothing. */
async function snapshot(database: Database) {
  const db = database.db;
  return {
    courses: await db.select().from(courses),
    meetings: await db.select().from(meetings),
    enrolments: await db.select().from(enrolments),
    outbox: await db.select().from(outbox),
    audit: await db.select().from(auditLog),
    reminders: await db.select().from(meetingReminders),
  };
}

describe('cancelCourse', () => {
  it('cancels the course, its meetings to come and every live place, tells each learner once and audits it', async () => {
    const { ctx, database, roomId, term } = await setup();
    const course = await makeCourse(database, { termId: term.id, roomId }, { capacity: 2 });
    const other = await makeCourse(database, { termId: term.id, roomId });
    const held = await makeMeeting(
      database,
      { courseId: course.id, roomId },
      new Date('2026-01-01T05:00:00Z'),
    );
    const today = await makeMeeting(
      database,
      { courseId: course.id, roomId },
      new Date('2026-01-08T05:00:00Z'),
    );
    const tomorrow = await makeMeeting(
      database,
      { courseId: course.id, roomId },
      new Date('2026-01-09T05:00:00Z'),
    );
    const nextWeek = await makeMeeting(
      database,
      { courseId: course.id, roomId },
      new Date('2026-01-15T05:00:00Z'),
    );
    await makeMeeting(database, { courseId: other.id, roomId }, new Date('2026-01-09T08:00:00Z'));

    const [a, b, c, d, e] = await Promise.all([1, 2, 3, 4, 5].map(() => makeResident(database)));
    const earlier = new Date('2026-01-02T00:00:00Z');
    const live = [
      await makeEnrolment(database, { courseId: course.id, residentId: a!.id }),
      await makeEnrolment(database, { courseId: course.id, residentId: b!.id }),
      await makeEnrolment(
        database,
        { courseId: course.id, residentId: c!.id },
        { status: 'waitlisted' },
      ),
      await makeEnrolment(
        database,
        { courseId: course.id, residentId: d!.id },
        { status: 'lottery_pending' },
      ),
    ];
    const gone = await makeEnrolment(
      database,
      { courseId: course.id, residentId: e!.id },
      { status: 'cancelled', cancelledAt: earlier, updatedAt: earlier },
    );
    const elsewhere = await makeEnrolment(database, { courseId: other.id, residentId: a!.id });
    // Reminders for tomorrow are already queued (a and b here, a for the other course).
    expect(await queueMeetingReminders(ctx)).toBe(3);

    const result = await cancelCourse(ctx, {
      courseId: course.id,
      staffId: STAFF,
      reason: '  최소 인원 미달  ',
      locale: 'en',
    });
    expect(result).toEqual({ cancelledEnrolments: 4, notified: 4, cancelledMeetings: 2 });

    const db = database.db;
    const [after] = await db.select().from(courses).where(eq(courses.id, course.id));
    expect(after?.status).toBe('cancelled');
    const [otherAfter] = await db.select().from(courses).where(eq(courses.id, other.id));
    expect(otherAfter?.status).toBe('open');

    const meetingStatus = new Map(
      (await db.select().from(meetings)).map((m) => [m.id, m.status] as const),
    );
    expect([held, today, tomorrow, nextWeek].map((m) => meetingStatus.get(m.id))).toEqual([
      'scheduled',
      'scheduled',
      'cancelled',
      'cancelled',
    ]);

    const rows = new Map((await db.select().from(enrolments)).map((r) => [r.id, r] as const));
    for (const enrolment of live) {
      expect(rows.get(enrolment.id)).toMatchObject({ status: 'cancelled' });
      expect(rows.get(enrolment.id)?.cancelledAt?.getTime()).toBe(NOW.getTime());
      expect(rows.get(enrolment.id)?.updatedAt.getTime()).toBe(NOW.getTime());
    }
    expect(rows.get(gone.id)?.updatedAt.getTime()).toBe(earlier.getTime());
    expect(rows.get(elsewhere.id)?.status).toBe('confirmed');

    const told = await db.select().from(outbox).where(eq(outbox.template, 'course_cancelled'));
    expect(told.map((r) => r.recipient).sort()).toEqual(
      [a, b, c, d].map((r) => r!.phoneE164).sort(),
    );
    for (const row of told) {
      expect(row).toMatchObject({ channel: 'sms', locale: 'en', status: 'pending' });
      expect(row.payload).toEqual({
        courseId: course.id,
        courseTitleKo: course.titleKo,
        courseTitleEn: course.titleEn,
      });
      // Rendering validates the payload against the template's schema.
      expect(renderNotification(row).text).toContain(course.titleEn);
    }

    const reminders = await db.select().from(outbox).where(eq(outbox.template, 'meeting_reminder'));
    const withdrawn = reminders.filter((r) => r.payload.courseId === course.id);
    expect(withdrawn).toHaveLength(2);
    for (const r of withdrawn) {
      expect(r).toMatchObject({ status: 'failed', lastError: REMINDER_WITHDRAWN_ERROR });
    }
    expect(reminders.filter((r) => r.payload.courseId === other.id)).toMatchObject([
      { status: 'pending', recipient: a!.phoneE164 },
    ]);

    const audits = await db.select().from(auditLog);
    const courseAudit = audits.filter((x) => x.action === 'course.cancel');
    expect(courseAudit).toHaveLength(1);
    expect(courseAudit[0]).toMatchObject({
      actorType: 'staff',
      actorId: STAFF,
      subjectType: 'course',
      subjectId: course.id,
      detail: {
        reason: '최소 인원 미달',
        cancelledEnrolments: 4,
        notified: 4,
        withdrawnReminders: 2,
      },
    });
    expect(courseAudit[0]?.at.getTime()).toBe(NOW.getTime());
    const enrolmentAudits = audits.filter(
      (x) => x.action === 'enrolment.cancel' && x.actorId === STAFF,
    );
    expect(enrolmentAudits.map((x) => x.subjectId).sort()).toEqual(live.map((x) => x.id).sort());
    for (const x of enrolmentAudits) {
      const enrolment = live.find((l) => l.id === x.subjectId)!;
      expect(x).toMatchObject({
        actorType: 'staff',
        residentId: enrolment.residentId,
        detail: { previousStatus: enrolment.status, reason: '최소 인원 미달' },
      });
    }
  });

  it('refuses a blank reason, an unknown course and a second cancellation, changing nothing', async () => {
    const { ctx, database, roomId, term } = await setup();
    const course = await makeCourse(database, { termId: term.id, roomId });
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-09T05:00:00Z'));
    const r = await makeResident(database);
    await makeEnrolment(database, { courseId: course.id, residentId: r.id });

    const before = await snapshot(database);
    for (const reason of ['', '   ', '\n\t']) {
      expect(
        await refusal(cancelCourse(ctx, { courseId: course.id, staffId: STAFF, reason })),
      ).toBe('reason_required');
    }
    expect(
      await refusal(cancelCourse(ctx, { courseId: 'no-such-course', staffId: STAFF, reason: 'x' })),
    ).toBe('course_not_found');
    expect(await snapshot(database)).toEqual(before);

    expect(
      await cancelCourse(ctx, { courseId: course.id, staffId: STAFF, reason: '강사 사정' }),
    ).toEqual({ cancelledEnrolments: 1, notified: 1, cancelledMeetings: 1 });
    const once = await snapshot(database);
    expect(once.outbox.filter((o) => o.template === 'course_cancelled')).toHaveLength(1);
    expect(
      await refusal(
        cancelCourse(ctx, { courseId: course.id, staffId: STAFF, reason: '강사 사정' }),
      ),
    ).toBe('course_already_cancelled');
    expect(await snapshot(database)).toEqual(once);
  });

  it('cancels a course nobody registered for, telling no one', async () => {
    const { ctx, database, roomId, term } = await setup();
    const course = await makeCourse(database, { termId: term.id, roomId });
    expect(
      await cancelCourse(ctx, { courseId: course.id, staffId: STAFF, reason: '장소 사정' }),
    ).toEqual({ cancelledEnrolments: 0, notified: 0, cancelledMeetings: 0 });
    expect(await database.db.select().from(outbox)).toEqual([]);
    const audits = await database.db.select().from(auditLog);
    expect(audits.map((x) => x.action)).toEqual(['course.cancel']);
  });

  it('leaves the course closed to registration, check-in, reminders and the catalogue shows it cancelled', async () => {
    const { ctx, database, roomId, term } = await setup();
    const course = await makeCourse(database, { termId: term.id, roomId });
    // Today's class has started (it stays as held); tomorrow's is called off.
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-08T05:00:00Z'));
    await makeMeeting(database, { courseId: course.id, roomId }, new Date('2026-01-09T05:00:00Z'));
    const learner = await makeResident(database);
    const enrolment = await makeEnrolment(database, {
      courseId: course.id,
      residentId: learner.id,
    });
    expect((await getTodayAtRoom(ctx, roomId)).meetings).toHaveLength(1);

    await cancelCourse(ctx, { courseId: course.id, staffId: STAFF, reason: '최소 인원 미달' });

    expect(
      await refusal(
        registerForCourse(ctx, {
          courseId: course.id,
          name: '김철수',
          phone: '010-5555-0101',
          consent: true,
          channel: 'web',
          locale: 'ko',
        }),
      ),
    ).toBe('course_not_found');
    expect(await refusal(checkInWithCode(ctx, { code: enrolment.code, method: 'qr' }))).toBe(
      'course_cancelled',
    );
    expect((await getTodayAtRoom(ctx, roomId)).meetings).toEqual([]);
    expect(await queueMeetingReminders(ctx)).toBe(0);
    expect(await database.db.select().from(meetingReminders)).toEqual([]);

    const catalogue = await getCurrentCatalogue(ctx);
    expect(catalogue?.courses.map((c) => [c.id, c.status])).toEqual([[course.id, 'cancelled']]);
    const detail = await getCourse(ctx, course.id);
    expect(detail.status).toBe('cancelled');
    expect(detail.confirmedCount).toBe(0);
  });

  it('keeps cancelled courses out of the lottery draw and the below-minimum flags', async () => {
    const { ctx, database, roomId } = await setup();
    const closed = await makeTerm(database, {
      registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
      registrationClosesAt: new Date('2026-01-05T09:00:00Z'),
    });
    const lottery = await makeCourse(
      database,
      { termId: closed.id, roomId },
      { mode: 'lottery', minLearners: 1 },
    );
    for (let i = 0; i < 3; i++) {
      const r = await makeResident(database);
      await makeEnrolment(
        database,
        { courseId: lottery.id, residentId: r.id },
        { status: 'lottery_pending' },
      );
    }
    const thin = await makeCourse(database, { termId: closed.id, roomId }, { minLearners: 5 });
    const alsoThin = await makeCourse(database, { termId: closed.id, roomId }, { minLearners: 5 });

    await cancelCourse(ctx, { courseId: lottery.id, staffId: STAFF, reason: '강사 사정' });
    await cancelCourse(ctx, { courseId: thin.id, staffId: STAFF, reason: '최소 인원 미달' });

    expect(await refusal(drawCourseLottery(ctx, { courseId: lottery.id }))).toBe(
      'course_cancelled',
    );
    expect(await drawDueLotteries(ctx)).toEqual([]);
    expect(await database.db.select().from(lotteryDraws)).toEqual([]);
    expect(
      await database.db.select().from(outbox).where(eq(outbox.template, 'lottery_result')),
    ).toEqual([]);
    expect(await flagCoursesBelowMinimum(ctx)).toEqual([alsoThin.id]);
  });

  it('for any mix of statuses: everyone with a live place is told once and nobody stays confirmed', async () => {
    const { ctx, database, roomId, term } = await setup();
    const status = fc.constantFrom('confirmed', 'waitlisted', 'lottery_pending', 'cancelled');
    await fc.assert(
      fc.asyncProperty(fc.array(status, { maxLength: 8 }), async (statuses) => {
        const course = await makeCourse(database, { termId: term.id, roomId });
        for (const s of statuses) {
          const r = await makeResident(database);
          await makeEnrolment(database, { courseId: course.id, residentId: r.id }, { status: s });
        }
        const liveCount = statuses.filter((s) => s !== 'cancelled').length;
        const result = await cancelCourse(ctx, {
          courseId: course.id,
          staffId: STAFF,
          reason: 'property',
        });
        expect(result.cancelledEnrolments).toBe(liveCount);
        expect(result.notified).toBe(liveCount);
        const rows = await database.db
          .select()
          .from(enrolments)
          .where(eq(enrolments.courseId, course.id));
        expect(rows.every((r) => r.status === 'cancelled')).toBe(true);
        const told = await database.db
          .select()
          .from(outbox)
          .where(eq(outbox.template, 'course_cancelled'));
        const mine = told.filter((o) => o.payload.courseId === course.id);
        expect(mine).toHaveLength(liveCount);
        expect(new Set(mine.map((o) => o.recipient)).size).toBe(liveCount);
      }),
      { numRuns: 25 },
    );
  });
});
