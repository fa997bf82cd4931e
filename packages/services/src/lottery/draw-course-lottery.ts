import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import {
  attendance,
  auditLog,
  courses,
  enrolments,
  lotteryDraws,
  outbox,
  residents,
  terms,
  newId,
} from '@seoro/db';
import { DomainError, drawLottery, lotterySeats } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

export interface LotteryDrawView {
  courseId: string;
  seed: string;
  seats: number;
  applicants: Array<{ no: number; priority: boolean }>;
  winners: number[];
  waitlist: number[];
  drawnAt: string;
}

const toView = (row: typeof lotteryDraws.$inferSelect): LotteryDrawView => ({
  courseId: row.courseId,
  seed: row.seed,
  seats: row.seats,
  applicants: row.applicants,
  winners: row.winners,
  waitlist: row.waitlist,
  drawnAt: row.drawnAt.toISOString(),
});

/**
 * Draws a lottery course once its registration window has closed: a fresh random seed, the
 * applicants by application number (arrival order), priority for never-attended residents when the
 * course asks for it, and seats less those held for on-site signup. Winners are confirmed, the rest
 * waitlisted in draw order, everyone is notified, and the seed and list are published — all in one
 * transaction. Drawing again returns the recorded draw and changes nothing; a cancelled course is
 * not drawn (`course_cancelled`).
 */
export const drawCourseLottery = writeService('drawCourseLottery');
export { drawCourseLotteryInPlace };

async function drawCourseLotteryInPlace(
  ctx: ServiceContext,
  input: { courseId: string; seed?: string },
): Promise<LotteryDrawView> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ course: courses, term: terms })
      .from(courses)
      .innerJoin(terms, eq(terms.id, courses.termId))
      .where(eq(courses.id, input.courseId))
      .limit(1);
    if (!row || row.course.mode !== 'lottery') throw new DomainError('course_not_found');
    const [existing] = await tx
      .select()
      .from(lotteryDraws)
      .where(eq(lotteryDraws.courseId, row.course.id))
      .limit(1);
    if (existing) return toView(existing);
    if (row.course.status === 'cancelled') throw new DomainError('course_cancelled');
    if (now < row.term.registrationClosesAt) {
      throw new DomainError('lottery_not_due', {
        closesAt: row.term.registrationClosesAt.toISOString(),
      });
    }

    const pending = await tx
      .select({
        id: enrolments.id,
        no: enrolments.queueNo,
        residentId: enrolments.residentId,
        code: enrolments.code,
        phone: residents.phoneE164,
      })
      .from(enrolments)
      .innerJoin(residents, eq(residents.id, enrolments.residentId))
      .where(and(eq(enrolments.courseId, row.course.id), eq(enrolments.status, 'lottery_pending')))
      .orderBy(asc(enrolments.queueNo));
    let attendedBefore = new Set<string>();
    if (row.course.lotteryPriorityNewcomers && pending.length > 0) {
      const attended = await tx
        .selectDistinct({ residentId: enrolments.residentId })
        .from(attendance)
        .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
        .where(
          inArray(
            enrolments.residentId,
            pending.map((p) => p.residentId),
          ),
        );
      attendedBefore = new Set(attended.map((a) => a.residentId));
    }
    const applicants = pending.map((p) => ({
      no: p.no,
      priority: row.course.lotteryPriorityNewcomers && !attendedBefore.has(p.residentId),
    }));
    const [confirmed] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(enrolments)
      .where(and(eq(enrolments.courseId, row.course.id), eq(enrolments.status, 'confirmed')));
    const seats = Math.max(
      0,
      lotterySeats(row.course.capacity, row.course.onsiteSeats) - Number(confirmed?.n ?? 0),
    );
    const seed = input.seed ?? Buffer.from(ctx.random(32)).toString('hex');
    const result = drawLottery({ seed, applicants, seats });

    const byNo = new Map(pending.map((p) => [p.no, p]));
    const [last] = await tx
      .select({ n: max(enrolments.queueNo) })
      .from(enrolments)
      .where(eq(enrolments.courseId, row.course.id));
    let queueNo = last?.n ?? 0;
    // Winners first, then the waitlist: new queue numbers in draw order keep the waitlist fair.
    for (const [index, no] of [...result.winners, ...result.waitlist].entries()) {
      const person = byNo.get(no)!;
      const won = index < result.winners.length;
      queueNo += 1;
      await tx
        .update(enrolments)
        .set({ status: won ? 'confirmed' : 'waitlisted', queueNo, updatedAt: now })
        .where(eq(enrolments.id, person.id));
      await tx.insert(outbox).values({
        id: newId(),
        template: 'lottery_result',
        channel: 'sms',
        recipient: person.phone,
        locale: 'ko',
        payload: {
          code: person.code,
          courseId: row.course.id,
          courseTitleKo: row.course.titleKo,
          courseTitleEn: row.course.titleEn,
          won,
          waitlistPosition: won ? null : index - result.winners.length + 1,
        },
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    const draw = {
      id: newId(),
      courseId: row.course.id,
      seed,
      seats,
      applicants,
      entries: Object.fromEntries(pending.map((p) => [p.no, p.id])),
      winners: result.winners,
      waitlist: result.waitlist,
      drawnAt: now,
    };
    await tx.insert(lotteryDraws).values(draw);
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'system',
      action: 'lottery.draw',
      subjectType: 'course',
      subjectId: row.course.id,
      detail: { seed, seats, applicants: applicants.length, winners: result.winners.length },
    });
    return toView(draw);
  });
}

/** The published draw of a course, or null before the draw. */
export async function getCourseLottery(
  ctx: ServiceContext,
  courseId: string,
): Promise<LotteryDrawView | null> {
  const [row] = await ctx.database.db
    .select()
    .from(lotteryDraws)
    .where(eq(lotteryDraws.courseId, courseId))
    .limit(1);
  return row ? toView(row) : null;
}

/** Draws every lottery course whose window has closed and that has not been drawn yet. */
export async function drawDueLotteries(ctx: ServiceContext): Promise<LotteryDrawView[]> {
  const now = ctx.clock.now();
  const due = await ctx.database.db
    .select({ id: courses.id })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .leftJoin(lotteryDraws, eq(lotteryDraws.courseId, courses.id))
    .where(
      and(
        eq(courses.mode, 'lottery'),
        eq(courses.status, 'open'),
        sql`${terms.registrationClosesAt} <= ${now.getTime()}`,
        sql`${lotteryDraws.id} is null`,
      ),
    );
  const draws: LotteryDrawView[] = [];
  for (const course of due) draws.push(await drawCourseLottery(ctx, { courseId: course.id }));
  return draws;
}
