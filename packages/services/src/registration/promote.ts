import { and, asc, eq, sql } from 'drizzle-orm';
import { courses, enrolments, outbox, residents, type Tx, newId } from '@seoro/db';
import { lotterySeats, seatsToPromote, type Locale } from '@seoro/domain';
import { registrationQueries } from './register-queries';

/** One person moved up from the waitlist. */
export interface Promotion {
  enrolmentId: string;
  residentId: string;
}

/**
 * Gives every free seat of a first-come course to the head of its waitlist, inside the caller's
 * transaction, and queues a "you're in" message for each person promoted. Called after anything
 * that frees seats (a cancellation, a larger capacity), so promotion happens exactly when a seat
 * frees and never leaves a seat empty while someone waits.
 */
export async function promoteFromWaitlist(
  tx: Tx,
  course: typeof courses.$inferSelect,
  now: Date,
  locale: Locale = 'ko',
): Promise<Promotion[]> {
  // Lottery courses have no waitlist before their draw; after it, freed seats go down the draw's
  // waitlist like any other, keeping the seats held for on-site signup free.
  if (course.status !== 'open') return [];
  const seats =
    course.mode === 'lottery' ? lotterySeats(course.capacity, course.onsiteSeats) : course.capacity;
  if (seats < 1) return [];
  const [counts] = await tx
    .select({
      confirmed: sql<number>`coalesce(sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end), 0)`,
      waitlisted: sql<number>`coalesce(sum(case when ${enrolments.status} = 'waitlisted' then 1 else 0 end), 0)`,
    })
    .from(enrolments)
    .where(eq(enrolments.courseId, course.id));
  const n = seatsToPromote({
    capacity: seats,
    confirmed: Number(counts?.confirmed ?? 0),
    waitlisted: Number(counts?.waitlisted ?? 0),
  });
  if (n === 0) return [];
  const next = await tx
    .select({
      id: enrolments.id,
      residentId: enrolments.residentId,
      code: enrolments.code,
      phone: residents.phoneE164,
    })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(and(eq(enrolments.courseId, course.id), eq(enrolments.status, 'waitlisted')))
    .orderBy(asc(enrolments.queueNo))
    .limit(n);
  // The text names the first class still to come, as a new registration's does.
  const first =
    next.length > 0
      ? await registrationQueries(tx).firstMeeting.get({
          courseId: course.id,
          nowMs: now.getTime(),
        })
      : undefined;
  for (const person of next) {
    await tx
      .update(enrolments)
      .set({ status: 'confirmed', updatedAt: now })
      .where(eq(enrolments.id, person.id));
    await tx.insert(outbox).values({
      id: newId(),
      template: 'promoted_from_waitlist',
      channel: 'sms',
      recipient: person.phone,
      locale,
      payload: {
        code: person.code,
        courseId: course.id,
        courseTitleKo: course.titleKo,
        courseTitleEn: course.titleEn,
        firstMeeting: first ?? null,
      },
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return next.map((p) => ({ enrolmentId: p.id, residentId: p.residentId }));
}
