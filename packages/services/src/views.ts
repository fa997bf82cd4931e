import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import {
  courses,
  enrolments,
  instructors,
  meetings,
  rooms,
  terms,
  venues,
  type Db,
} from '@seoro/db';
import { kstWeekday, registrationWindowState, seatsLeft } from '@seoro/domain';

/** Text in both languages. */
export type LocalizedText = { ko: string; en: string };
export type RegistrationState = 'not_open' | 'open' | 'closed';

export interface TermView {
  id: string;
  name: LocalizedText;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationState: RegistrationState;
}

export interface CourseCard {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  instructorName: string;
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
  };
}

/**
 * Course cards for the given courses (or every published course of a term, drafts too when
 * `includeDrafts`), in catalogue order.
 */
export async function loadCourseCards(
  db: Db,
  filter: { termId: string; includeDrafts?: boolean } | { courseIds: string[] },
): Promise<CourseCard[]> {
  const where =
    'termId' in filter
      ? and(
          eq(courses.termId, filter.termId),
          filter.includeDrafts ? undefined : eq(courses.draft, false),
        )
      : inArray(courses.id, filter.courseIds);
  const rows = await db
    .select({
      course: courses,
      instructorName: instructors.displayName,
      room: rooms,
      venue: venues,
    })
    .from(courses)
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(rooms, eq(rooms.id, courses.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(where)
    .orderBy(asc(courses.sortOrder), asc(courses.titleKo));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.course.id);

  const counts = await db
    .select({
      courseId: enrolments.courseId,
      confirmed: sql<number>`sum(case when ${enrolments.status} = 'confirmed' then 1 else 0 end)`,
      waitlisted: sql<number>`sum(case when ${enrolments.status} = 'waitlisted' then 1 else 0 end)`,
    })
    .from(enrolments)
    .where(inArray(enrolments.courseId, ids))
    .groupBy(enrolments.courseId);
  const countBy = new Map(counts.map((c) => [c.courseId, c]));

  const schedule = await db
    .select({
      courseId: meetings.courseId,
      first: sql<string>`min(${meetings.date})`,
      last: sql<string>`max(${meetings.date})`,
      n: sql<number>`count(*)`,
    })
    .from(meetings)
    .where(and(inArray(meetings.courseId, ids), eq(meetings.status, 'scheduled')))
    .groupBy(meetings.courseId);
  const scheduleBy = new Map(schedule.map((s) => [s.courseId, s]));

  // The weekly slot shown on the card is the first meeting's.
  const firstMeetings = await db
    .select({
      courseId: meetings.courseId,
      startTime: meetings.startTime,
      endTime: meetings.endTime,
      date: meetings.date,
    })
    .from(meetings)
    .where(and(inArray(meetings.courseId, ids), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.seq));
  const slotBy = new Map<string, { startTime: string; endTime: string; date: string }>();
  for (const m of firstMeetings) if (!slotBy.has(m.courseId)) slotBy.set(m.courseId, m);

  return rows.map(({ course, instructorName, room, venue }) => {
    const c = countBy.get(course.id);
    const confirmed = Number(c?.confirmed ?? 0);
    const s = scheduleBy.get(course.id);
    const slot = slotBy.get(course.id);
    return {
      id: course.id,
      title: { ko: course.titleKo, en: course.titleEn },
      summary: { ko: course.summaryKo, en: course.summaryEn },
      instructorName: instructorName ?? '',
      weekday: slot ? kstWeekday(slot.date) : 0,
      startTime: slot?.startTime ?? '',
      endTime: slot?.endTime ?? '',
      firstDate: s?.first ?? '',
      lastDate: s?.last ?? '',
      meetingCount: Number(s?.n ?? 0),
      venue: { ko: venue.nameKo, en: venue.nameEn },
      room: { ko: room.nameKo, en: room.nameEn },
      capacity: course.capacity,
      confirmedCount: confirmed,
      seatsLeft: seatsLeft(course.capacity, confirmed),
      waitlistCount: Number(c?.waitlisted ?? 0),
      materialsNote:
        course.materialsNoteKo !== null
          ? { ko: course.materialsNoteKo, en: course.materialsNoteEn ?? course.materialsNoteKo }
          : null,
      mode: course.mode,
      status: course.status,
      draft: course.draft,
    };
  });
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
