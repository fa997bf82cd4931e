import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  courses,
  enrolments,
  instructors,
  meetings,
  rooms,
  terms,
  statementsFor,
  venues,
  type Db,
} from '@seoro/db';
import { kstWeekday, registrationWindowState, seatsLeft, type LocalizedText } from '@seoro/domain';

/** Text in both languages (the domain's type, kept here for the views that use it). */
export type { LocalizedText };
export type RegistrationState = 'not_open' | 'open' | 'closed';

export interface TermView {
  id: string;
  name: LocalizedText;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationState: RegistrationState;
  /** Live places (confirmed or waitlisted) one resident may hold in the term; null: no limit. */
  perResidentLimit: number | null;
  /**
   * Share of the previous term's held classes (percent) a learner may miss before they cannot
   * register for this term; null: no such rule.
   */
  noShowBarPercent: number | null;
}

export interface CourseCard {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  instructorName: string;
  /** The instructor's name in Latin letters, for English pages; null when staff have not set it. */
  instructorNameEn: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  firstDate: string;
  lastDate: string;
  meetingCount: number;
  venue: LocalizedText;
  room: LocalizedText;
  capacity: number;
  confirmedCount: number;
  seatsLeft: number;
  waitlistCount: number;
  materialsNote: LocalizedText | null;
  mode: 'first_come' | 'lottery';
  /** A cancelled course (폐강) stays listed, marked, so residents looking for it learn why. */
  status: 'open' | 'cancelled';
  /** Prepared in the admin and not yet shown to residents; only staff lists include drafts. */
  draft: boolean;
}

type TermRow = typeof terms.$inferSelect;

export function toTermView(term: TermRow, now: Date): TermView {
  return {
    id: term.id,
    name: { ko: term.nameKo, en: term.nameEn },
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    registrationOpensAt: term.registrationOpensAt.toISOString(),
    registrationClosesAt: term.registrationClosesAt.toISOString(),
    registrationState: registrationWindowState(
      { opensAt: term.registrationOpensAt, closesAt: term.registrationClosesAt },
      now,
    ),
    perResidentLimit: term.perResidentLimit,
    noShowBarPercent: term.noShowBarPercent,
  };
}

const p = sql.placeholder;

/**
 * A course card's columns, as one row per course: the course with its room, venue and instructor,
 * and its seat counts and schedule in correlated subqueries on the course's indexes (enrolments by
 * course and status, meetings by course and number), so a page's cards are one statement.
 */
export const cardFields = {
  course: {
    id: courses.id,
    titleKo: courses.titleKo,
    titleEn: courses.titleEn,
    summaryKo: courses.summaryKo,
    summaryEn: courses.summaryEn,
    capacity: courses.capacity,
    materialsNoteKo: courses.materialsNoteKo,
    materialsNoteEn: courses.materialsNoteEn,
    mode: courses.mode,
    status: courses.status,
    draft: courses.draft,
  },
  instructorName: instructors.displayName,
  instructorNameEn: instructors.displayNameEn,
  room: { nameKo: rooms.nameKo, nameEn: rooms.nameEn },
  venue: { nameKo: venues.nameKo, nameEn: venues.nameEn },
  confirmed: sql<number>`(select count(*) from ${enrolments} where ${enrolments.courseId} = ${courses.id} and ${enrolments.status} = 'confirmed')`,
  waitlisted: sql<number>`(select count(*) from ${enrolments} where ${enrolments.courseId} = ${courses.id} and ${enrolments.status} = 'waitlisted')`,
  firstDate: sql<
    string | null
  >`(select min(${meetings.date}) from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled')`,
  lastDate: sql<
    string | null
  >`(select max(${meetings.date}) from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled')`,
  meetingCount: sql<number>`(select count(*) from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled')`,
  // The weekly slot shown on the card is the first scheduled meeting's.
  slotDate: sql<
    string | null
  >`(select ${meetings.date} from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled' order by ${meetings.seq} limit 1)`,
  slotStart: sql<
    string | null
  >`(select ${meetings.startTime} from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled' order by ${meetings.seq} limit 1)`,
  slotEnd: sql<
    string | null
  >`(select ${meetings.endTime} from ${meetings} where ${meetings.courseId} = ${courses.id} and ${meetings.status} = 'scheduled' order by ${meetings.seq} limit 1)`,
};

/** A row of `cardFields`. */
type Course = typeof courses.$inferSelect;
type Named = { nameKo: string; nameEn: string };

export interface CardRow {
  course: Pick<
    Course,
    | 'id'
    | 'titleKo'
    | 'titleEn'
    | 'summaryKo'
    | 'summaryEn'
    | 'capacity'
    | 'materialsNoteKo'
    | 'materialsNoteEn'
    | 'mode'
    | 'status'
    | 'draft'
  >;
  instructorName: string | null;
  instructorNameEn: string | null;
  room: Named;
  venue: Named;
  confirmed: number;
  waitlisted: number;
  firstDate: string | null;
  lastDate: string | null;
  meetingCount: number;
  slotDate: string | null;
  slotStart: string | null;
  slotEnd: string | null;
}

/** The card query's FROM: a course with its room, venue and (if any) instructor. */
function cardsFrom(db: Db) {
  return db
    .select(cardFields)
    .from(courses)
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(rooms, eq(rooms.id, courses.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId));
}

/** The card statements of one connection, prepared on its first use and kept. */
export const cardStatements = statementsFor((db: Db) => ({
  published: cardsFrom(db)
    .where(and(eq(courses.termId, p('termId')), eq(courses.draft, false)))
    .orderBy(asc(courses.sortOrder), asc(courses.titleKo))
    .prepare(),
  withDrafts: cardsFrom(db)
    .where(eq(courses.termId, p('termId')))
    .orderBy(asc(courses.sortOrder), asc(courses.titleKo))
    .prepare(),
  one: cardsFrom(db)
    .where(eq(courses.id, p('courseId')))
    .prepare(),
}));

/** A course card from a row of `cardFields`. */
export function toCourseCard(row: CardRow): CourseCard {
  const { course, room, venue } = row;
  const confirmed = Number(row.confirmed);
  return {
    id: course.id,
    title: { ko: course.titleKo, en: course.titleEn },
    summary: { ko: course.summaryKo, en: course.summaryEn },
    instructorName: row.instructorName ?? '',
    instructorNameEn: row.instructorNameEn?.trim() || null,
    weekday: row.slotDate ? kstWeekday(row.slotDate) : 0,
    startTime: row.slotStart ?? '',
    endTime: row.slotEnd ?? '',
    firstDate: row.firstDate ?? '',
    lastDate: row.lastDate ?? '',
    meetingCount: Number(row.meetingCount),
    venue: { ko: venue.nameKo, en: venue.nameEn },
    room: { ko: room.nameKo, en: room.nameEn },
    capacity: course.capacity,
    confirmedCount: confirmed,
    seatsLeft: seatsLeft(course.capacity, confirmed),
    waitlistCount: Number(row.waitlisted),
    materialsNote:
      course.materialsNoteKo !== null
        ? { ko: course.materialsNoteKo, en: course.materialsNoteEn ?? course.materialsNoteKo }
        : null,
    mode: course.mode,
    status: course.status,
    draft: course.draft,
  };
}

/**
 * Course cards for the given courses (or every published course of a term, drafts too when
 * `includeDrafts`), in catalogue order. One statement; a term's and a single course's are
 * prepared once per connection.
 */
export async function loadCourseCards(
  db: Db,
  filter: { termId: string; includeDrafts?: boolean } | { courseIds: string[] },
): Promise<CourseCard[]> {
  let rows: CardRow[];
  if ('termId' in filter) {
    const statements = cardStatements(db);
    const statement = filter.includeDrafts ? statements.withDrafts : statements.published;
    rows = await statement.all({ termId: filter.termId });
  } else if (filter.courseIds.length === 1) {
    rows = await cardStatements(db).one.all({ courseId: filter.courseIds[0] });
  } else if (filter.courseIds.length === 0) {
    return [];
  } else {
    rows = await cardsFrom(db)
      .where(inArray(courses.id, filter.courseIds))
      .orderBy(asc(courses.sortOrder), asc(courses.titleKo));
  }
  return rows.map(toCourseCard);
}

/**
 * A waitlisted enrolment's place in its course's queue, as the resident is shown it: 1 for the
 * next to be promoted.
 */
export async function waitlistPositionOf(
  db: Db,
  enrolment: { courseId: string; queueNo: number },
): Promise<number> {
  const [ahead] = await db
    .select({ n: sql<number>`count(*)` })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.courseId, enrolment.courseId),
        eq(enrolments.status, 'waitlisted'),
        lt(enrolments.queueNo, enrolment.queueNo),
      ),
    );
  return Number(ahead?.n ?? 0) + 1;
}
