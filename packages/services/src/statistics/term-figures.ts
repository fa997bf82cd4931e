import { and, asc, desc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import { attendance, courses, enrolments, instructors, meetings, terms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';
import type { LocalizedText } from '../views';
import { bucketByKstDay, bucketFirstHour, share, type DayBucket, type MinuteBucket } from './rules';

/** A term as the statistics chooser lists it. */
export interface StatsTermOption {
  id: string;
  name: LocalizedText;
  /** First class day, YYYY-MM-DD (KST). */
  startsOn: string;
  /** When online registration closes (ISO instant). */
  registrationClosesAt: string;
}

/**
 * 1. Registrations around the opening: enrolments of the term's courses (drafts included),
 * counted by the moment they were created whatever their status now (a registration later
 * cancelled still counts), per minute for the first 60 minutes after `registrationOpensAt`, then
 * per KST day from the opening day to the closing day.
 */
export interface RegistrationCurve {
  opensAt: string;
  closesAt: string;
  /** 60 buckets: minute 0 is [opensAt, opensAt + 1 min). */
  firstHour: MinuteBucket[];
  /** Registrations in the first hour (the sum of `firstHour`). */
  firstHourTotal: number;
  days: DayBucket[];
  /** Registrations made while the window was open (the sum of `days`). */
  windowTotal: number;
}

/**
 * 2. Fill rate and waitlist per course: published (non-draft), non-cancelled courses of the term;
 * fill rate = confirmed learners / capacity (a share in [0, 1]), waitlisted = enrolments waiting.
 */
export interface CourseFill {
  courseId: string;
  title: LocalizedText;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  fillRate: number | null;
}

/**
 * 3. Attendance per meeting: meetings that have taken place (not cancelled, starting before now)
 * of the term's published, non-cancelled courses; rate = confirmed learners who checked in /
 * confirmed learners (enrolments confirmed now).
 */
export interface MeetingAttendance {
  meetingId: string;
  courseId: string;
  seq: number;
  /** KST date and start time of the meeting. */
  date: string;
  startTime: string;
  checkedIn: number;
  confirmed: number;
  rate: number | null;
}

/**
 * 3. Attendance per course over its meetings that have taken place: check-ins / (confirmed
 * learners × meetings held); null while no meeting has taken place or nobody is confirmed.
 */
export interface CourseAttendance {
  courseId: string;
  title: LocalizedText;
  meetingsHeld: number;
  confirmed: number;
  checkIns: number;
  rate: number | null;
}

/**
 * 4. No-shows: of the confirmed learner-meetings of meetings that have taken place (each confirmed
 * learner once per meeting held), the ones with no check-in; rate = noShows / learnerMeetings.
 */
export interface NoShowFigure {
  learnerMeetings: number;
  noShows: number;
  rate: number | null;
}

/**
 * 5. New against returning: the distinct residents confirmed in a published, non-cancelled course
 * of the term; returning when they were also confirmed in such a course of a term that started
 * earlier (by `startsOn`), new otherwise.
 */
export interface LearnerMix {
  learners: number;
  newcomers: number;
  returning: number;
  returningShare: number | null;
}

/**
 * 6. Learners who went on to teach: residents confirmed in a published, non-cancelled course of
 * the term who are the instructor (`instructors.residentId`) of a published, non-cancelled course
 * of a term that starts later.
 */
export interface LearnersWhoTaught {
  count: number;
  /** One line per later course they teach: the instructor's public name, the course, its term. */
  courses: { instructorName: string; title: LocalizedText; term: LocalizedText }[];
}

export interface TermFigures {
  term: StatsTermOption & { endsOn: string };
  registrations: RegistrationCurve;
  fill: CourseFill[];
  meetings: MeetingAttendance[];
  courseAttendance: CourseAttendance[];
  noShow: NoShowFigure;
  mix: LearnerMix;
  taught: LearnersWhoTaught;
}

/** Every term but drafts, newest first, for the statistics chooser. */
export async function listStatsTerms(ctx: ServiceContext): Promise<StatsTermOption[]> {
  const rows = await ctx.database.db
    .select({
      id: terms.id,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      startsOn: terms.startsOn,
      registrationClosesAt: terms.registrationClosesAt,
    })
    .from(terms)
    .where(ne(terms.status, 'draft'))
    .orderBy(desc(terms.startsOn), asc(terms.nameKo));
  return rows.map((t) => ({
    id: t.id,
    name: { ko: t.nameKo, en: t.nameEn },
    startsOn: t.startsOn,
    registrationClosesAt: t.registrationClosesAt.toISOString(),
  }));
}

/** Figures 1–6 for one term (reads only, counts only: no personal data). */
export async function readTermFigures(
  ctx: ServiceContext,
  input: { termId: string },
): Promise<TermFigures> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const [term] = await db.select().from(terms).where(eq(terms.id, input.termId)).limit(1);
  if (!term) throw new DomainError('term_not_found');

  const allCourses = await db
    .select({
      id: courses.id,
      titleKo: courses.titleKo,
      titleEn: courses.titleEn,
      capacity: courses.capacity,
      status: courses.status,
      draft: courses.draft,
      sortOrder: courses.sortOrder,
    })
    .from(courses)
    .where(eq(courses.termId, term.id))
    .orderBy(asc(courses.sortOrder), asc(courses.titleKo));
  const counted = allCourses.filter((c) => !c.draft && c.status !== 'cancelled');
  const countedIds = counted.map((c) => c.id);

  // 1. Registrations: every enrolment of the term's courses, by creation time.
  const created = allCourses.length
    ? await db
        .select({ createdAt: enrolments.createdAt })
        .from(enrolments)
        .where(
          inArray(
            enrolments.courseId,
            allCourses.map((c) => c.id),
          ),
        )
    : [];
  const instants = created.map((r) => r.createdAt);
  const firstHour = bucketFirstHour(term.registrationOpensAt, instants);
  const days = bucketByKstDay(term.registrationOpensAt, term.registrationClosesAt, instants);
  const registrations: RegistrationCurve = {
    opensAt: term.registrationOpensAt.toISOString(),
    closesAt: term.registrationClosesAt.toISOString(),
    firstHour,
    firstHourTotal: firstHour.reduce((s, b) => s + b.count, 0),
    days,
    windowTotal: days.reduce((s, b) => s + b.count, 0),
  };

  // 2. Fill and waitlist.
  const live = countedIds.length
    ? await db
        .select({
          id: enrolments.id,
          courseId: enrolments.courseId,
          residentId: enrolments.residentId,
          status: enrolments.status,
        })
        .from(enrolments)
        .where(and(inArray(enrolments.courseId, countedIds), ne(enrolments.status, 'cancelled')))
    : [];
  const confirmedBy = new Map<string, number>();
  const waitlistedBy = new Map<string, number>();
  for (const e of live) {
    const map =
      e.status === 'confirmed' ? confirmedBy : e.status === 'waitlisted' ? waitlistedBy : null;
    map?.set(e.courseId, (map.get(e.courseId) ?? 0) + 1);
  }
  const fill: CourseFill[] = counted.map((c) => {
    const confirmed = confirmedBy.get(c.id) ?? 0;
    return {
      courseId: c.id,
      title: { ko: c.titleKo, en: c.titleEn },
      capacity: c.capacity,
      confirmed,
      waitlisted: waitlistedBy.get(c.id) ?? 0,
      fillRate: share(confirmed, c.capacity),
    };
  });

  // 3. and 4. Attendance of the meetings that have taken place.
  const held = countedIds.length
    ? await db
        .select({
          id: meetings.id,
          courseId: meetings.courseId,
          seq: meetings.seq,
          date: meetings.date,
          startTime: meetings.startTime,
        })
        .from(meetings)
        .where(
          and(
            inArray(meetings.courseId, countedIds),
            eq(meetings.status, 'scheduled'),
            lt(meetings.startsAt, now),
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetings.seq))
    : [];
  const confirmedIds = new Set(live.filter((e) => e.status === 'confirmed').map((e) => e.id));
  const checks = held.length
    ? await db
        .select({ meetingId: attendance.meetingId, enrolmentId: attendance.enrolmentId })
        .from(attendance)
        .where(
          inArray(
            attendance.meetingId,
            held.map((m) => m.id),
          ),
        )
    : [];
  const checkedBy = new Map<string, number>();
  for (const a of checks) {
    if (!confirmedIds.has(a.enrolmentId)) continue;
    checkedBy.set(a.meetingId, (checkedBy.get(a.meetingId) ?? 0) + 1);
  }
  const meetingRows: MeetingAttendance[] = held.map((m) => {
    const confirmed = confirmedBy.get(m.courseId) ?? 0;
    const checkedIn = checkedBy.get(m.id) ?? 0;
    return {
      meetingId: m.id,
      courseId: m.courseId,
      seq: m.seq,
      date: m.date,
      startTime: m.startTime,
      checkedIn,
      confirmed,
      rate: share(checkedIn, confirmed),
    };
  });
  const courseAttendance: CourseAttendance[] = counted.map((c) => {
    const own = meetingRows.filter((m) => m.courseId === c.id);
    const checkIns = own.reduce((s, m) => s + m.checkedIn, 0);
    const expected = own.reduce((s, m) => s + m.confirmed, 0);
    return {
      courseId: c.id,
      title: { ko: c.titleKo, en: c.titleEn },
      meetingsHeld: own.length,
      confirmed: confirmedBy.get(c.id) ?? 0,
      checkIns,
      rate: share(checkIns, expected),
    };
  });
  const learnerMeetings = meetingRows.reduce((s, m) => s + m.confirmed, 0);
  const attended = meetingRows.reduce((s, m) => s + m.checkedIn, 0);
  const noShow: NoShowFigure = {
    learnerMeetings,
    noShows: learnerMeetings - attended,
    rate: share(learnerMeetings - attended, learnerMeetings),
  };

  // 5. New against returning.
  const learnerIds = [
    ...new Set(live.filter((e) => e.status === 'confirmed').map((e) => e.residentId)),
  ];
  const earlier = learnerIds.length
    ? await db
        .selectDistinct({ residentId: enrolments.residentId })
        .from(enrolments)
        .innerJoin(courses, eq(courses.id, enrolments.courseId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(
          and(
            inArray(enrolments.residentId, learnerIds),
            eq(enrolments.status, 'confirmed'),
            eq(courses.draft, false),
            ne(courses.status, 'cancelled'),
            ne(terms.status, 'draft'),
            lt(terms.startsOn, term.startsOn),
          ),
        )
    : [];
  const returning = earlier.length;
  const mix: LearnerMix = {
    learners: learnerIds.length,
    newcomers: learnerIds.length - returning,
    returning,
    returningShare: share(returning, learnerIds.length),
  };

  // 6. Learners who went on to teach.
  const teaching = learnerIds.length
    ? await db
        .select({
          residentId: instructors.residentId,
          instructorName: instructors.displayName,
          titleKo: courses.titleKo,
          titleEn: courses.titleEn,
          termKo: terms.nameKo,
          termEn: terms.nameEn,
        })
        .from(courses)
        .innerJoin(instructors, eq(instructors.id, courses.instructorId))
        .innerJoin(terms, eq(terms.id, courses.termId))
        .where(
          and(
            inArray(instructors.residentId, learnerIds),
            eq(courses.draft, false),
            ne(courses.status, 'cancelled'),
            ne(terms.status, 'draft'),
            gt(terms.startsOn, term.startsOn),
          ),
        )
        .orderBy(asc(terms.startsOn), asc(courses.titleKo))
    : [];
  const taught: LearnersWhoTaught = {
    count: new Set(teaching.map((t) => t.residentId)).size,
    courses: teaching.map((t) => ({
      instructorName: t.instructorName,
      title: { ko: t.titleKo, en: t.titleEn },
      term: { ko: t.termKo, en: t.termEn },
    })),
  };

  return {
    term: {
      id: term.id,
      name: { ko: term.nameKo, en: term.nameEn },
      startsOn: term.startsOn,
      endsOn: term.endsOn,
      registrationClosesAt: term.registrationClosesAt.toISOString(),
    },
    registrations,
    fill,
    meetings: meetingRows,
    courseAttendance,
    noShow,
    mix,
    taught,
  };
}
