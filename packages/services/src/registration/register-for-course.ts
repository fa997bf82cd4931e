import { and, eq, max, ne, sql } from 'drizzle-orm';
import { auditLog, courses, enrolments, outbox, residents, terms } from '@seoro/db';
import {
  DomainError,
  decideEnrolment,
  generateConfirmationCode,
  kstDateOf,
  normalizeKrMobile,
  normalizeName,
  registrationWindowState,
  type Channel,
  type Locale,
} from '@seoro/domain';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';

/** The version of the privacy notice residents agree to on the registration form. */
export const CONSENT_VERSION = '2026-01';
/** Personal data is kept until a year after the term ends, then destroyed. */
const RETENTION_MS = 366 * 24 * 3_600_000;

export interface RegisterInput {
  courseId: string;
  name: string;
  phone: string;
  consent: boolean;
  channel: Channel;
  locale: Locale;
  ip?: string | null;
}

export interface RegisterResult {
  code: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  courseId: string;
  enrolmentId: string;
}

/**
 * Registers a resident for a first-come course: confirmed while seats are left, otherwise on the
 * waitlist. Input is checked before anything is written; the seat decision, the enrolment, its
 * notification (outbox) and the audit entry are one transaction, so the capacity is a hard cap and
 * a failure leaves nothing behind.
 */
export async function registerForCourse(
  ctx: ServiceContext,
  input: RegisterInput,
): Promise<RegisterResult> {
  const name = normalizeName(input.name);
  if (!name.ok) throw new DomainError('invalid_name', { reason: name.reason });
  const phone = normalizeKrMobile(input.phone);
  if (!phone.ok) {
    throw new DomainError(phone.reason === 'not_mobile' ? 'not_mobile_phone' : 'invalid_phone');
  }
  if (input.consent !== true) throw new DomainError('consent_required');

  const result = await ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .select({ course: courses, term: terms })
      .from(courses)
      .innerJoin(terms, eq(terms.id, courses.termId))
      .where(eq(courses.id, input.courseId))
      .limit(1);
    if (!row || row.course.status !== 'open' || row.term.status !== 'published') {
      throw new DomainError('course_not_found');
    }
    const window = registrationWindowState(
      { opensAt: row.term.registrationOpensAt, closesAt: row.term.registrationClosesAt },
      now,
    );
    if (window === 'not_open') {
      throw new DomainError('registration_not_open', {
        opensAt: row.term.registrationOpensAt.toISOString(),
      });
    }
    if (window === 'closed') throw new DomainError('registration_closed');

    // The phone number is the identity; a returning resident keeps their record.
    const retainUntil = new Date(Date.parse(`${row.term.endsOn}T00:00:00+09:00`) + RETENTION_MS);
    const [existing] = await tx
      .select()
      .from(residents)
      .where(eq(residents.phoneE164, phone.e164))
      .limit(1);
    let residentId: string;
    if (existing) {
      residentId = existing.id;
      await tx
        .update(residents)
        .set({
          name: name.name,
          consentedAt: now,
          consentVersion: CONSENT_VERSION,
          updatedAt: now,
          retainUntil:
            existing.retainUntil && existing.retainUntil > retainUntil
              ? existing.retainUntil
              : retainUntil,
        })
        .where(eq(residents.id, residentId));
    } else {
      residentId = randomUUID();
      await tx.insert(residents).values({
        id: residentId,
        name: name.name,
        phoneE164: phone.e164,
        consentedAt: now,
        consentVersion: CONSENT_VERSION,
        retainUntil,
        createdAt: now,
        updatedAt: now,
      });
    }

    const [live] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.courseId, row.course.id),
          eq(enrolments.residentId, residentId),
          ne(enrolments.status, 'cancelled'),
        ),
      )
      .limit(1);
    if (live) throw new DomainError('already_registered');

    const [counts] = await tx
      .select({
        confirmed: sql<number>`coalesce(sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end), 0)`,
        waitlisted: sql<number>`coalesce(sum(case when ${enrolments.status} = 'waitlisted' then 1 else 0 end), 0)`,
        lastQueueNo: max(enrolments.queueNo),
      })
      .from(enrolments)
      .where(eq(enrolments.courseId, row.course.id));
    const decision = decideEnrolment({
      capacity: row.course.capacity,
      confirmed: Number(counts?.confirmed ?? 0),
      waitlisted: Number(counts?.waitlisted ?? 0),
    });

    const code = await uniqueCode(ctx, tx);
    const enrolmentId = randomUUID();
    await tx.insert(enrolments).values({
      id: enrolmentId,
      courseId: row.course.id,
      residentId,
      status: decision.status,
      channel: input.channel,
      code,
      queueNo: (counts?.lastQueueNo ?? 0) + 1,
      createdAt: now,
      updatedAt: now,
    });
    const waitlistPosition = decision.status === 'waitlisted' ? decision.position : null;
    await tx.insert(outbox).values({
      id: randomUUID(),
      template: decision.status === 'confirmed' ? 'enrolment_confirmed' : 'waitlist_joined',
      channel: 'sms',
      recipient: phone.e164,
      locale: input.locale,
      payload: {
        code,
        courseId: row.course.id,
        courseTitleKo: row.course.titleKo,
        courseTitleEn: row.course.titleEn,
        waitlistPosition,
      },
      nextAttemptAt: now,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'resident',
      actorId: residentId,
      action: 'enrolment.create',
      subjectType: 'enrolment',
      subjectId: enrolmentId,
      residentId,
      ip: input.ip ?? null,
      detail: { status: decision.status, channel: input.channel, kstDate: kstDateOf(now) },
    });
    return {
      code,
      status: decision.status,
      waitlistPosition,
      courseId: row.course.id,
      enrolmentId,
    } satisfies RegisterResult;
  });

  await ctx.hooks.fire('onEnrolmentCreated', {
    enrolmentId: result.enrolmentId,
    courseId: result.courseId,
    status: result.status,
    channel: input.channel,
  });
  return result;
}

/** A fresh confirmation code; 40 random bits make a clash rare, the unique index makes it safe. */
async function uniqueCode(
  ctx: ServiceContext,
  tx: Parameters<Parameters<ServiceContext['database']['write']>[0]>[0],
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = generateConfirmationCode(ctx.random(5));
    const [clash] = await tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(eq(enrolments.code, code))
      .limit(1);
    if (!clash) return code;
  }
  throw new Error('Could not find an unused confirmation code');
}
