import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  courses,
  enrolments,
  instructors,
  meetings,
  residents,
  rooms,
  statementsFor,
  venues,
  type Db,
} from '@seoro/db';
import {
  DomainError,
  kstDateOf,
  maskName,
  maskPhone,
  normalizeConfirmationCode,
  type EnrolmentStatus,
} from '@seoro/domain';
import type { ServiceContext } from '../context';
import { cardFields, toCourseCard, type CourseCard } from '../views';

export interface RegistrationView {
  code: string;
  status: EnrolmentStatus;
  waitlistPosition: number | null;
  maskedName: string;
  maskedPhone: string;
  createdAt: string;
  course: CourseCard;
  nextMeeting: { date: string; startTime: string; endTime: string } | null;
}

const p = sql.placeholder;
const ahead = alias(enrolments, 'ahead');
const next = alias(meetings, 'next');

/** Today's date or later: the first scheduled meeting of the enrolment's course from then. */
const nextMeeting = (column: 'date' | 'start_time' | 'end_time') =>
  sql<
    string | null
  >`(select ${sql.identifier(column)} from ${meetings} ${next} where ${next.courseId} = ${enrolments.courseId} and ${next.status} = 'scheduled' and ${next.date} >= ${p('today')} order by ${next.date}, ${next.startTime} limit 1)`;

export const registrationByCodeStatements = statementsFor((db: Db) => ({
  /** The enrolment, its course's card, its waitlist place and next meeting: one row. */
  byCode: db
    .select({
      ...cardFields,
      enrolment: enrolments,
      phone: residents.phoneE164,
      ahead: sql<number>`(select count(*) from ${enrolments} ${ahead} where ${ahead.courseId} = ${enrolments.courseId} and ${ahead.status} = 'waitlisted' and ${ahead.queueNo} < ${enrolments.queueNo})`,
      nextDate: nextMeeting('date'),
      nextStart: nextMeeting('start_time'),
      nextEnd: nextMeeting('end_time'),
    })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(rooms, eq(rooms.id, courses.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(eq(enrolments.code, p('code')))
    .limit(1)
    .prepare(),
}));

/**
 * What the confirmation page shows for a code, in one prepared statement. The code is the secret,
 * so the view only carries masked personal data.
 */
export async function getRegistrationByCode(
  ctx: ServiceContext,
  rawCode: string,
): Promise<RegistrationView> {
  const code = normalizeConfirmationCode(rawCode);
  if (!code) throw new DomainError('code_invalid');
  const today = kstDateOf(ctx.clock.now());
  const [row] = await registrationByCodeStatements(ctx.database.db).byCode.all({ code, today });
  if (!row) throw new DomainError('code_not_found');
  const { enrolment, phone } = row;
  return {
    code,
    status: enrolment.status,
    waitlistPosition: enrolment.status === 'waitlisted' ? Number(row.ahead) + 1 : null,
    // The name given with this registration; the resident's stored name is the one typed with
    // their number first, which proves nothing about who registered here.
    maskedName: maskName(enrolment.name),
    maskedPhone: maskPhone(phone),
    createdAt: enrolment.createdAt.toISOString(),
    course: toCourseCard(row),
    nextMeeting:
      row.nextDate && row.nextStart && row.nextEnd
        ? { date: row.nextDate, startTime: row.nextStart, endTime: row.nextEnd }
        : null,
  };
}
