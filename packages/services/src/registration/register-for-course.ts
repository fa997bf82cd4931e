import { and, eq, inArray, lt, ne, sql, desc } from 'drizzle-orm';
import { attendance, courses, enrolments, meetings, terms, type Tx, newId } from '@seoro/db';
import {
  DomainError,
  barredForNoShows,
  decideEnrolment,
  termLimitReached,
  generateConfirmationCode,
  kstDateOf,
  requireKrMobile,
  normalizeName,
  channelWindowState,
  windowForChannel,
  type Channel,
  type Locale,
} from '@seoro/domain';
import { createHash } from 'node:crypto';
import { writeService, type ServiceContext } from '../context';
import { registrationQueries, type RegistrationQueries } from './register-queries';

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
  /** The kiosk the resident signed up at (channel `kiosk`); stored on the enrolment. */
  kioskId?: string | null;
  /** The staff member who registered the resident (channel `staff`); the audit row names them. */
  staffId?: string | null;
  /**
   * A client-chosen key (e.g. a UUID per form submission). A retry with the same key gets the
   * first answer and writes nothing; the same key with different details is refused.
   */
  idempotencyKey?: string | null;
}

export interface RegisterResult {
  code: string;
  status: 'confirmed' | 'waitlisted' | 'lottery_pending';
  waitlistPosition: number | null;
  courseId: string;
  enrolmentId: string;
  /** True when this answer is the stored one for a repeated idempotency key. */
  replayed: boolean;
}

/**
 * Registers a resident for a first-come course: confirmed while seats are left, otherwise on the
 * waitlist. At the kiosk the on-site window applies, and a lottery course's seats go first-come
 * (the draw is for online applications). Input is checked before anything is written; the seat decision, the enrolment, its
 * notification (outbox) and the audit entry are one transaction, so the capacity is a hard cap and
 * a failure leaves nothing behind.
 */
export const registerForCourse = writeService('registerForCourse');
export { registerForCourseInPlace };

async function registerForCourseInPlace(
  ctx: ServiceContext,
  input: RegisterInput,
): Promise<RegisterResult> {
  const name = normalizeName(input.name);
  if (!name.ok) throw new DomainError('invalid_name', { reason: name.reason });
  const phone = requireKrMobile(input.phone);
  if (input.consent !== true) throw new DomainError('consent_required');

  const requestHash = createHash('sha256')
    .update(JSON.stringify([input.courseId, name.name, phone, input.channel]))
    .digest('hex');
  const idempotencyKey = input.idempotencyKey ?? null;

  const result = await ctx.database.write(async (tx): Promise<RegisterResult> => {
    const now = ctx.clock.now();
    const q = registrationQueries(tx);
    if (idempotencyKey) {
      const seen = await q.idempotency.get({ key: idempotencyKey });
      if (seen) {
        if (seen.requestHash !== requestHash) throw new DomainError('idempotency_conflict');
        return { ...(seen.response as RegisterResult), replayed: true };
      }
    }
    const row = await q.courseAndTerm.get({ courseId: input.courseId });
    if (
      !row ||
      row.course.status !== 'open' ||
      row.course.draft ||
      row.term.status !== 'published'
    ) {
      throw new DomainError('course_not_found');
    }
    const onsite = input.channel === 'kiosk';
    const window = channelWindowState(row.term, input.channel, now);
    if (window === 'not_open') {
      throw new DomainError(onsite ? 'onsite_not_open' : 'registration_not_open', {
        opensAt: windowForChannel(row.term, input.channel).opensAt.toISOString(),
      });
    }
    if (window === 'closed')
      throw new DomainError(onsite ? 'onsite_closed' : 'registration_closed');

    // The phone number is the identity; a returning resident keeps their record, name included:
    // nothing here proves the phone, so the name typed now is this enrolment's alone.
    const retainUntil = new Date(Date.parse(`${row.term.endsOn}T00:00:00+09:00`) + RETENTION_MS);
    const existing = await q.residentByPhone.get({ phone });
    let residentId: string;
    if (existing) {
      residentId = existing.id;
      await q.updateResident.run({
        id: residentId,
        nowMs: now.getTime(),
        consentVersion: CONSENT_VERSION,
        retainUntilMs: (existing.retainUntil && existing.retainUntil > retainUntil
          ? existing.retainUntil
          : retainUntil
        ).getTime(),
      });
      // Only someone we already know can hold a place here or elsewhere in the term.
      const live = await q.liveEnrolment.get({ courseId: row.course.id, residentId });
      if (live) throw new DomainError('already_registered');
      await checkResidentLimits(tx, q, { residentId, term: row.term, now });
    } else {
      residentId = newId();
      await q.insertResident.run({
        id: residentId,
        name: name.name,
        phone,
        now,
        consentVersion: CONSENT_VERSION,
        retainUntil,
      });
    }

    const counts = await q.courseCounts.get({ courseId: row.course.id });
    // A lottery course takes applications online; seats are decided by the draw at the close.
    // Someone standing at the kiosk takes a free seat there and then (first-come), as on a
    // first-come course, so the seats held back from the draw are given out on site.
    const decision:
      | { status: 'confirmed' }
      | { status: 'waitlisted'; position: number }
      | {
          status: 'lottery_pending';
        } =
      row.course.mode === 'lottery' && !onsite
        ? { status: 'lottery_pending' }
        : decideEnrolment({
            capacity: row.course.capacity,
            confirmed: Number(counts?.confirmed ?? 0),
            waitlisted: Number(counts?.waitlisted ?? 0),
          });

    const enrolmentId = newId();
    const code = await insertWithUniqueCode(ctx, (code) =>
      q.insertEnrolment.run({
        id: enrolmentId,
        courseId: row.course.id,
        residentId,
        name: name.name,
        status: decision.status,
        channel: input.channel,
        kioskId: onsite ? (input.kioskId ?? null) : null,
        code,
        queueNo: (counts?.lastQueueNo ?? 0) + 1,
        now,
      }),
    );
    const waitlistPosition = decision.status === 'waitlisted' ? decision.position : null;
    // Lottery applicants hear from us once, with the result of the draw.
    if (decision.status !== 'lottery_pending') {
      const first = await q.firstMeeting.get({ courseId: row.course.id, nowMs: now.getTime() });
      await q.insertOutbox.run({
        id: newId(),
        template: decision.status === 'confirmed' ? 'enrolment_confirmed' : 'waitlist_joined',
        recipient: phone,
        locale: input.locale,
        payload: {
          code,
          courseId: row.course.id,
          courseTitleKo: row.course.titleKo,
          courseTitleEn: row.course.titleEn,
          waitlistPosition,
          firstMeeting: first ?? null,
        },
        now,
      });
    }
    await q.insertAudit.run({
      now,
      actorType: input.staffId ? 'staff' : 'resident',
      actorId: input.staffId ?? residentId,
      residentId,
      enrolmentId,
      ip: input.ip ?? null,
      detail: {
        status: decision.status,
        channel: input.channel,
        kstDate: kstDateOf(now),
        ...(onsite && input.kioskId ? { kioskId: input.kioskId } : {}),
      },
    });
    const answer: RegisterResult = {
      code,
      status: decision.status,
      waitlistPosition,
      courseId: row.course.id,
      enrolmentId,
      replayed: false,
    };
    if (idempotencyKey) {
      await q.insertIdempotency.run({ key: idempotencyKey, requestHash, response: answer, now });
    }
    return answer;
  });

  if (result.replayed) return result;
  await ctx.hooks.fire('onEnrolmentCreated', {
    enrolmentId: result.enrolmentId,
    courseId: result.courseId,
    status: result.status,
    channel: input.channel,
  });
  return result;
}

/**
 * The term's rules for one resident: at most `perResidentLimit` live places in the term, and no
 * registration for someone barred by their no-shows in the previous term.
 */
async function checkResidentLimits(
  tx: Tx,
  q: RegistrationQueries,
  args: {
    residentId: string;
    term: Pick<
      typeof terms.$inferSelect,
      'id' | 'startsOn' | 'perResidentLimit' | 'noShowBarPercent'
    >;
    now: Date;
  },
) {
  const { residentId, term, now } = args;
  if (term.perResidentLimit !== null) {
    const live = await q.liveInTerm.get({ residentId, termId: term.id });
    if (termLimitReached(Number(live?.n ?? 0), term.perResidentLimit)) {
      throw new DomainError('term_limit_reached', { limit: term.perResidentLimit });
    }
  }
  if (term.noShowBarPercent !== null) {
    const [previous] = await tx
      .select({ id: terms.id })
      .from(terms)
      .where(and(lt(terms.endsOn, term.startsOn), ne(terms.status, 'draft')))
      .orderBy(desc(terms.endsOn))
      .limit(1);
    if (!previous) return;
    const confirmed = await tx
      .select({ enrolmentId: enrolments.id, courseId: enrolments.courseId })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .where(
        and(
          eq(enrolments.residentId, residentId),
          eq(courses.termId, previous.id),
          eq(enrolments.status, 'confirmed'),
        ),
      );
    if (confirmed.length === 0) return;
    const [held] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(meetings)
      .innerJoin(enrolments, eq(enrolments.courseId, meetings.courseId))
      .where(
        and(
          inArray(
            enrolments.id,
            confirmed.map((c) => c.enrolmentId),
          ),
          eq(meetings.status, 'scheduled'),
          lt(meetings.startsAt, now),
        ),
      );
    const [attended] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(attendance)
      .where(
        inArray(
          attendance.enrolmentId,
          confirmed.map((c) => c.enrolmentId),
        ),
      );
    if (
      barredForNoShows(
        { held: Number(held?.n ?? 0), attended: Number(attended?.n ?? 0) },
        term.noShowBarPercent,
      )
    ) {
      throw new DomainError('barred_no_show');
    }
  }
}

/**
 * Inserts the enrolment under a fresh confirmation code, drawing again when the code is taken
 * (40 random bits: about one draw in ten million at a hundred thousand codes).
 */
async function insertWithUniqueCode(
  ctx: ServiceContext,
  insert: (code: string) => unknown,
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = generateConfirmationCode(ctx.random(5));
    if (rowsChanged(await insert(code)) === 1) return code;
  }
  throw new Error('Could not find an unused confirmation code');
}

/** Rows a write changed: libSQL's synchronous driver says `changes`, its client `rowsAffected`. */
function rowsChanged(result: unknown): number {
  const r = result as { changes?: number | bigint; rowsAffected?: number };
  return Number(r.changes ?? r.rowsAffected ?? 0);
}
