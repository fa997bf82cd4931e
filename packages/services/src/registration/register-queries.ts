import { and, asc, eq, max, ne, sql } from 'drizzle-orm';
import {
  auditLog,
  courses,
  enrolments,
  idempotencyKeys,
  meetings,
  outbox,
  residents,
  rooms,
  statementsFor,
  terms,
  type Tx,
  venues,
} from '@seoro/db';

const p = sql.placeholder;

function build(tx: Tx) {
  return {
    idempotency: tx
      .select({ requestHash: idempotencyKeys.requestHash, response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, 'register'), eq(idempotencyKeys.key, p('key'))))
      .limit(1)
      .prepare(),
    courseAndTerm: tx
      .select({
        course: {
          id: courses.id,
          status: courses.status,
          draft: courses.draft,
          mode: courses.mode,
          capacity: courses.capacity,
          titleKo: courses.titleKo,
          titleEn: courses.titleEn,
        },
        term: {
          id: terms.id,
          status: terms.status,
          registrationOpensAt: terms.registrationOpensAt,
          registrationClosesAt: terms.registrationClosesAt,
          onsiteOpensAt: terms.onsiteOpensAt,
          onsiteClosesAt: terms.onsiteClosesAt,
          startsOn: terms.startsOn,
          endsOn: terms.endsOn,
          perResidentLimit: terms.perResidentLimit,
          noShowBarPercent: terms.noShowBarPercent,
        },
      })
      .from(courses)
      .innerJoin(terms, eq(terms.id, courses.termId))
      .where(eq(courses.id, p('courseId')))
      .limit(1)
      .prepare(),
    // The first class still to come (for the confirmation text): date, times and place.
    firstMeeting: tx
      .select({
        date: meetings.date,
        startTime: meetings.startTime,
        endTime: meetings.endTime,
        roomKo: rooms.nameKo,
        roomEn: rooms.nameEn,
        venueKo: venues.nameKo,
        venueEn: venues.nameEn,
      })
      .from(meetings)
      .innerJoin(rooms, eq(rooms.id, meetings.roomId))
      .innerJoin(venues, eq(venues.id, rooms.venueId))
      .where(
        and(
          eq(meetings.courseId, p('courseId')),
          eq(meetings.status, 'scheduled'),
          sql`${meetings.endsAt} > ${p('nowMs')}`,
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(1)
      .prepare(),
    residentByPhone: tx
      .select({ id: residents.id, retainUntil: residents.retainUntil })
      .from(residents)
      .where(eq(residents.phoneE164, p('phone')))
      .limit(1)
      .prepare(),
    updateResident: tx
      .update(residents)
      // Never the name or phone: anyone may type any number, so a registration does not rename.
      // SET takes a placeholder only inside SQL, where no column encoder runs: instants are bound
      // as epoch milliseconds, as the columns store them.
      .set({
        consentedAt: sql`${p('nowMs')}`,
        consentVersion: sql`${p('consentVersion')}`,
        updatedAt: sql`${p('nowMs')}`,
        retainUntil: sql`${p('retainUntilMs')}`,
      })
      .where(eq(residents.id, p('id')))
      .prepare(),
    insertResident: tx
      .insert(residents)
      .values({
        id: p('id'),
        name: p('name'),
        phoneE164: p('phone'),
        consentedAt: p('now'),
        consentVersion: p('consentVersion'),
        retainUntil: p('retainUntil'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .prepare(),
    liveEnrolment: tx
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.courseId, p('courseId')),
          eq(enrolments.residentId, p('residentId')),
          ne(enrolments.status, 'cancelled'),
        ),
      )
      .limit(1)
      .prepare(),
    liveInTerm: tx
      .select({ n: sql<number>`count(*)` })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .where(
        and(
          eq(enrolments.residentId, p('residentId')),
          eq(courses.termId, p('termId')),
          ne(enrolments.status, 'cancelled'),
        ),
      )
      .prepare(),
    courseCounts: tx
      .select({
        confirmed: sql<number>`coalesce(sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end), 0)`,
        waitlisted: sql<number>`coalesce(sum(case when ${enrolments.status} = 'waitlisted' then 1 else 0 end), 0)`,
        lastQueueNo: max(enrolments.queueNo),
      })
      .from(enrolments)
      .where(eq(enrolments.courseId, p('courseId')))
      .prepare(),
    insertEnrolment: tx
      .insert(enrolments)
      .values({
        id: p('id'),
        courseId: p('courseId'),
        residentId: p('residentId'),
        name: p('name'),
        status: p('status'),
        channel: p('channel'),
        kioskId: p('kioskId'),
        code: p('code'),
        queueNo: p('queueNo'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      // A code already in use inserts nothing (and the caller draws another); every other
      // constraint, one live enrolment per resident and course above all, still fails the insert.
      .onConflictDoNothing({ target: enrolments.code })
      .prepare(),
    insertOutbox: tx
      .insert(outbox)
      .values({
        id: p('id'),
        template: p('template'),
        channel: 'sms',
        recipient: p('recipient'),
        locale: p('locale'),
        payload: p('payload'),
        nextAttemptAt: p('now'),
        createdAt: p('now'),
      })
      .prepare(),
    insertAudit: tx
      .insert(auditLog)
      .values({
        at: p('now'),
        actorType: p('actorType'),
        actorId: p('actorId'),
        action: 'enrolment.create',
        subjectType: 'enrolment',
        subjectId: p('enrolmentId'),
        residentId: p('residentId'),
        ip: p('ip'),
        detail: p('detail'),
      })
      .prepare(),
    insertIdempotency: tx
      .insert(idempotencyKeys)
      .values({
        scope: 'register',
        key: p('key'),
        requestHash: p('requestHash'),
        response: p('response'),
        createdAt: p('now'),
      })
      .prepare(),
  };
}

export type RegistrationQueries = ReturnType<typeof build>;

/** The registration's statements, built once per write connection. */
export const registrationQueries = statementsFor(build);
