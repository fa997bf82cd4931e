import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { meetings, terms } from '@seoro/db';
import { channelWindowState, windowForChannel } from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, type CourseCard, type LocalizedText } from '../views';

/** A course someone at the kiosk can sign up for now. */
export interface OnsiteCourse {
  id: string;
  title: LocalizedText;
  instructorName: string;
  /** The weekly slot (the first meeting's), for the schedule summary. */
  weekday: number;
  startTime: string;
  endTime: string;
  meetingCount: number;
  firstDate: string;
  lastDate: string;
  /** The next meeting that has not ended yet; null when the course has no meetings yet. */
  nextMeeting: { date: string; startTime: string; endTime: string; seq: number } | null;
  venue: LocalizedText;
  room: LocalizedText;
  capacity: number;
  seatsLeft: number;
  materialsNote: LocalizedText | null;
}

/**
 * What the kiosk's signup screen can offer. `open` always has at least one course; otherwise the
 * state says why there is none: the on-site window has not opened (with when it opens), it has
 * closed, every course is full, or there is no published term at all.
 */
export type OnsiteSignupCourses =
  | { state: 'open'; term: LocalizedText; closesAt: string; courses: OnsiteCourse[] }
  | { state: 'full'; term: LocalizedText; closesAt: string; courses: [] }
  | { state: 'not_open'; term: LocalizedText; opensAt: string; courses: [] }
  | { state: 'closed'; term: LocalizedText; courses: [] }
  | { state: 'no_term'; courses: [] };

/**
 * The courses of the current term with free seats, while its on-site window is open. The term is
 * the published one whose on-site window is open now; else the next one to open; else the last.
 */
export async function getOnsiteSignupCourses(ctx: ServiceContext): Promise<OnsiteSignupCourses> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const published = await db
    .select()
    .from(terms)
    .where(eq(terms.status, 'published'))
    .orderBy(asc(terms.startsOn), asc(terms.createdAt));
  const stateOf = (t: (typeof published)[number]) => channelWindowState(t, 'kiosk', now);

  const term = published.find((t) => stateOf(t) === 'open');
  if (!term) {
    const upcoming = published
      .filter((t) => stateOf(t) === 'not_open')
      .sort(
        (a, b) =>
          windowForChannel(a, 'kiosk').opensAt.getTime() -
          windowForChannel(b, 'kiosk').opensAt.getTime(),
      )[0];
    if (upcoming) {
      return {
        state: 'not_open',
        term: { ko: upcoming.nameKo, en: upcoming.nameEn },
        opensAt: windowForChannel(upcoming, 'kiosk').opensAt.toISOString(),
        courses: [],
      };
    }
    const last = published.at(-1);
    return last
      ? { state: 'closed', term: { ko: last.nameKo, en: last.nameEn }, courses: [] }
      : { state: 'no_term', courses: [] };
  }

  const name = { ko: term.nameKo, en: term.nameEn };
  const closesAt = windowForChannel(term, 'kiosk').closesAt.toISOString();
  const cards = (await loadCourseCards(db, { termId: term.id })).filter(
    (c) => c.status === 'open' && !c.draft,
  );
  const upcoming = cards.length
    ? await db
        .select({
          courseId: meetings.courseId,
          date: meetings.date,
          startTime: meetings.startTime,
          endTime: meetings.endTime,
          seq: meetings.seq,
        })
        .from(meetings)
        .where(
          and(
            inArray(
              meetings.courseId,
              cards.map((c) => c.id),
            ),
            eq(meetings.status, 'scheduled'),
            gt(meetings.endsAt, now),
          ),
        )
        .orderBy(asc(meetings.startsAt))
    : [];
  const nextBy = new Map<string, (typeof upcoming)[number]>();
  for (const m of upcoming) if (!nextBy.has(m.courseId)) nextBy.set(m.courseId, m);

  // A course whose meetings are all over is not one to join, seats or not.
  const joinable = cards.filter((c) => c.meetingCount === 0 || nextBy.has(c.id));
  const withSeats = joinable.filter((c) => c.seatsLeft > 0);
  if (withSeats.length === 0) return { state: 'full', term: name, closesAt, courses: [] };
  return {
    state: 'open',
    term: name,
    closesAt,
    courses: withSeats.map((c) => toOnsiteCourse(c, nextBy.get(c.id) ?? null)),
  };
}

function toOnsiteCourse(
  c: CourseCard,
  next: { date: string; startTime: string; endTime: string; seq: number } | null,
): OnsiteCourse {
  return {
    id: c.id,
    title: c.title,
    instructorName: c.instructorName,
    weekday: c.weekday,
    startTime: c.startTime,
    endTime: c.endTime,
    meetingCount: c.meetingCount,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    nextMeeting: next
      ? { date: next.date, startTime: next.startTime, endTime: next.endTime, seq: next.seq }
      : null,
    venue: c.venue,
    room: c.room,
    capacity: c.capacity,
    seatsLeft: c.seatsLeft,
    materialsNote: c.materialsNote,
  };
}
