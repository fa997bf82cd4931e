import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { attendance, enrolments, outbox, residents } from '@seoro/db';
import { makeCourse, makeEnrolment, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { DomainError, drawLottery, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { cancelEnrolment } from '../registration/cancel-enrolment';
import { registerForCourse } from '../registration/register-for-course';
import { drawCourseLottery, drawDueLotteries, getCourseLottery } from './draw-course-lottery';
import { testDatabase } from '@seoro/db/test/vitest';

const OPEN = new Date('2026-01-10T03:00:00Z');
const CLOSED = new Date('2026-01-15T09:00:00Z'); // 18:00 KST, the close
const SEED = 'c0ffee'.repeat(8);

async function setup(over: { capacity?: number; onsiteSeats?: number; priority?: boolean } = {}) {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const term = await makeTerm(t.database, {
    registrationOpensAt: new Date('2025-12-22T01:00:00Z'),
    registrationClosesAt: CLOSED,
  });
  const course = await makeCourse(
    t.database,
    { termId: term.id, roomId },
    {
      mode: 'lottery',
      capacity: over.capacity ?? 3,
      onsiteSeats: over.onsiteSeats ?? 0,
      lotteryPriorityNewcomers: over.priority ?? false,
    },
  );
  let now = OPEN;
  const clock: Clock = { now: () => now };
  const ctx = createServiceContext(t.database, { clock });
  return { ...t, ctx, course, roomId, term, setNow: (d: Date) => (now = d) };
}

async function apply(ctx: ReturnType<typeof createServiceContext>, courseId: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await registerForCourse(ctx, {
        courseId,
        name: `응모${String.fromCharCode(0xac00 + i)}`,
        phone: `010-6000-${String(1000 + i)}`,
        consent: true,
        channel: 'web',
        locale: 'ko',
      }),
    );
  }
  return out;
}

async function statusByNo(
  database: Awaited<ReturnType<typeof setup>>['database'],
  courseId: string,
) {
  return database.db
    .select({ status: enrolments.status, phone: residents.phoneE164, queueNo: enrolments.queueNo })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(eq(enrolments.courseId, courseId))
    .orderBy(asc(enrolments.queueNo));
}

describe('lottery', () => {
  it('takes applications, draws only after the close, and anyone can re-run the draw', async () => {
    const { ctx, course, database, setNow } = await setup({ capacity: 3 });
    const applications = await apply(ctx, course.id, 8);
    expect(applications.every((a) => a.status === 'lottery_pending')).toBe(true);
    expect(await database.db.select().from(outbox)).toHaveLength(0);

    const early = await drawCourseLottery(ctx, { courseId: course.id, seed: SEED }).catch((e) => e);
    expect(early).toBeInstanceOf(DomainError);
    expect((early as DomainError).code).toBe('lottery_not_due');

    setNow(CLOSED);
    const draw = await drawCourseLottery(ctx, { courseId: course.id, seed: SEED });
    expect(draw.winners).toHaveLength(3);
    expect(draw.waitlist).toHaveLength(5);
    // The published seed and applicant list are all it takes to get the same result.
    expect(
      drawLottery({ seed: draw.seed, applicants: draw.applicants, seats: draw.seats }),
    ).toMatchObject({
      winners: draw.winners,
      waitlist: draw.waitlist,
    });

    const rows = await statusByNo(database, course.id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    // Waitlist queue order follows the draw.
    const waitlistedPhones = rows.filter((r) => r.status === 'waitlisted').map((r) => r.phone);
    const phoneOfNo = new Map(applications.map((a, i) => [i + 1, `+82106000${1000 + i}`]));
    expect(waitlistedPhones).toEqual(draw.waitlist.map((no) => phoneOfNo.get(no)));
    const results = await database.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'lottery_result'));
    expect(results).toHaveLength(8);
    expect(results.filter((r) => (r.payload as { won: boolean }).won)).toHaveLength(3);

    // Drawing again changes nothing.
    expect(await drawCourseLottery(ctx, { courseId: course.id })).toEqual(draw);
    expect(await getCourseLottery(ctx, course.id)).toEqual(draw);
    expect(await database.db.select().from(outbox)).toHaveLength(8);

    // A winner who cancels frees the seat for the first on the draw's waitlist.
    const winnerEnrolment = applications[draw.winners[0]! - 1]!.enrolmentId;
    const cancel = await cancelEnrolment(ctx, {
      enrolmentId: winnerEnrolment,
      actor: { type: 'system', id: null },
    });
    expect(cancel.promoted).toEqual([
      expect.objectContaining({ enrolmentId: applications[draw.waitlist[0]! - 1]!.enrolmentId }),
    ]);
  });

  it('holds seats back for on-site signup and draws due courses by itself', async () => {
    const { ctx, course, setNow } = await setup({ capacity: 4, onsiteSeats: 1 });
    await apply(ctx, course.id, 6);
    setNow(CLOSED);
    const [draw] = await drawDueLotteries(ctx);
    expect(draw?.seats).toBe(3);
    expect(draw?.winners).toHaveLength(3);
    expect(await drawDueLotteries(ctx)).toEqual([]);
  });

  it('puts residents who never attended before everyone else when the course asks', async () => {
    const { ctx, course, database, roomId, term, setNow } = await setup({
      capacity: 2,
      priority: true,
    });
    const applications = await apply(ctx, course.id, 6);
    // Applicants 1–4 attended an earlier course; 5 and 6 are newcomers.
    const earlier = await makeCourse(database, { termId: term.id, roomId });
    const meeting = await makeMeeting(
      database,
      { courseId: earlier.id, roomId },
      new Date('2025-11-01T05:00:00Z'),
    );
    const people = await database.db.select().from(residents).orderBy(asc(residents.phoneE164));
    for (const person of people.slice(0, 4)) {
      const e = await makeEnrolment(database, { courseId: earlier.id, residentId: person.id });
      await database.write((tx) =>
        tx.insert(attendance).values({
          id: `att-${e.id}`,
          enrolmentId: e.id,
          meetingId: meeting.id!,
          checkedInAt: meeting.startsAt!,
          method: 'qr',
        }),
      );
    }
    setNow(CLOSED);
    const draw = await drawCourseLottery(ctx, { courseId: course.id, seed: SEED });
    expect(
      draw.applicants
        .filter((a) => a.priority)
        .map((a) => a.no)
        .sort(),
    ).toEqual([5, 6]);
    expect([...draw.winners].sort()).toEqual([5, 6]);
    expect(applications).toHaveLength(6);
  });
});
