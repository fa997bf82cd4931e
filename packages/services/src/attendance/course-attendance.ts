import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  attendance,
  courses,
  enrolments,
  instructors,
  meetings,
  rooms,
  terms,
  venues,
  type Tx,
} from '@seoro/db';
import {
  DomainError,
  attendanceRate,
  completionStatus,
  kstDateOf,
  type CompletionStatus,
} from '@seoro/domain';
import type { LocalizedText } from '../views';

/** How one learner stands at one meeting. */
export type CellState = 'present' | 'late' | 'absent' | 'future' | 'cancelled';
export type CheckInMethodName = 'qr' | 'keypad' | 'phone' | 'staff' | 'instructor';

/** What every attendance view prints at its head: the program's header for one course. */
export interface CourseSheetHeader {
  id: string;
  termId: string;
  termName: LocalizedText;
  title: LocalizedText;
  instructorName: string;
  venue: LocalizedText;
  room: LocalizedText;
  status: 'open' | 'cancelled';
  /** The term's completion rule, in percent of the course's meetings. */
  completionPercent: number;
  /** First and last meeting dates (YYYY-MM-DD, KST), cancelled ones left out; null without any. */
  firstDate: string | null;
  lastDate: string | null;
}

export interface GridMeeting {
  id: string;
  seq: number;
  /** YYYY-MM-DD and HH:MM, KST. */
  date: string;
  startTime: string;
  endTime: string;
  status: 'scheduled' | 'cancelled';
  /** Started by now (and not cancelled): it counts for the rates. */
  held: boolean;
  /** Staff may set a mark: not cancelled, and today or earlier (KST). */
  correctable: boolean;
  /** The meeting's column total. */
  present: number;
  late: number;
  absent: number;
}

export interface GridCell {
  meetingId: string;
  state: CellState;
  /** How the learner checked in; null without a check-in. */
  method: CheckInMethodName | null;
  /** ISO instant of the check-in; null without one. */
  checkedInAt: string | null;
}

export interface GridLearner {
  enrolmentId: string;
  /** 1.. in the sheet's order (가나다 by name). */
  number: number;
  name: string;
  cells: GridCell[];
  /** Held meetings attended, late ones included. */
  attended: number;
  /** Attended over held meetings, 0..1; null before the first meeting. */
  rate: number | null;
  completion: CompletionStatus;
}

export interface AttendanceGrid {
  course: CourseSheetHeader;
  meetings: GridMeeting[];
  learners: GridLearner[];
  totals: {
    /** Meetings not cancelled, and how many of them were held. */
    meetings: number;
    held: number;
    completed: number;
    onTrack: number;
    notMet: number;
  };
  /** ISO instant the grid describes. */
  asOf: string;
}

/** The course's header row: term, title, instructor, room. Throws `course_not_found`. */
export async function loadCourseHeader(tx: Tx, courseId: string): Promise<CourseSheetHeader> {
  const [row] = await tx
    .select({ course: courses, term: terms, instructor: instructors, room: rooms, venue: venues })
    .from(courses)
    .innerJoin(terms, eq(terms.id, courses.termId))
    .leftJoin(instructors, eq(instructors.id, courses.instructorId))
    .innerJoin(rooms, eq(rooms.id, courses.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(eq(courses.id, courseId))
    .limit(1);
  if (!row) throw new DomainError('course_not_found');
  const dates = await tx
    .select({ date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.courseId, courseId), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.date));
  return {
    id: row.course.id,
    termId: row.term.id,
    termName: { ko: row.term.nameKo, en: row.term.nameEn },
    title: { ko: row.course.titleKo, en: row.course.titleEn },
    instructorName: row.instructor?.displayName ?? '',
    venue: { ko: row.venue.nameKo, en: row.venue.nameEn },
    room: { ko: row.room.nameKo, en: row.room.nameEn },
    status: row.course.status,
    completionPercent: row.term.completionPercent,
    firstDate: dates[0]?.date ?? null,
    lastDate: dates[dates.length - 1]?.date ?? null,
  };
}

/** Learners in the sheet's order: by name (Hangul code points are in 가나다 order), then arrival. */
const bySheetOrder = (
  a: { name: string; queueNo: number },
  b: { name: string; queueNo: number },
): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.queueNo - b.queueNo);

/**
 * A course's attendance grid as of `now`: its meetings (columns) by 회차, its confirmed learners
 * (rows) with a mark for each meeting, each learner's rate over the meetings held so far and their
 * completion status at the term's percentage, and each meeting's totals. Reads personal data:
 * the callers write the audit row in the same transaction.
 */
export async function loadAttendanceGrid(
  tx: Tx,
  courseId: string,
  now: Date,
): Promise<AttendanceGrid> {
  const course = await loadCourseHeader(tx, courseId);
  const meetingRows = await tx
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, courseId))
    .orderBy(asc(meetings.seq));
  const learnerRows = await tx
    .select({ id: enrolments.id, name: enrolments.name, queueNo: enrolments.queueNo })
    .from(enrolments)
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.status, 'confirmed')));
  learnerRows.sort(bySheetOrder);
  const checkIns =
    learnerRows.length === 0
      ? []
      : await tx
          .select()
          .from(attendance)
          .where(
            inArray(
              attendance.enrolmentId,
              learnerRows.map((l) => l.id),
            ),
          );
  const checkInOf = new Map(checkIns.map((a) => [`${a.enrolmentId}|${a.meetingId}`, a]));
  const today = kstDateOf(now);

  const gridMeetings: GridMeeting[] = meetingRows.map((m) => ({
    id: m.id,
    seq: m.seq,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    status: m.status,
    held: m.status === 'scheduled' && m.startsAt.getTime() <= now.getTime(),
    correctable: m.status === 'scheduled' && m.date <= today,
    present: 0,
    late: 0,
    absent: 0,
  }));
  const total = gridMeetings.filter((m) => m.status === 'scheduled').length;
  const held = gridMeetings.filter((m) => m.held).length;

  const learners: GridLearner[] = learnerRows.map((learner, i) => {
    let attended = 0;
    const cells = gridMeetings.map((m): GridCell => {
      const checkIn = checkInOf.get(`${learner.id}|${m.id}`);
      const state: CellState =
        m.status === 'cancelled'
          ? 'cancelled'
          : checkIn
            ? checkIn.late
              ? 'late'
              : 'present'
            : m.held
              ? 'absent'
              : 'future';
      if (m.held && (state === 'present' || state === 'late')) attended += 1;
      if (state === 'present' || state === 'late' || state === 'absent') m[state] += 1;
      return {
        meetingId: m.id,
        state,
        method: checkIn && state !== 'cancelled' ? checkIn.method : null,
        checkedInAt: checkIn && state !== 'cancelled' ? checkIn.checkedInAt.toISOString() : null,
      };
    });
    const record = { total, held, attended };
    return {
      enrolmentId: learner.id,
      number: i + 1,
      name: learner.name,
      cells,
      attended,
      rate: attendanceRate(record),
      completion: completionStatus(record, course.completionPercent),
    };
  });

  return {
    course,
    meetings: gridMeetings,
    learners,
    totals: {
      meetings: total,
      held,
      completed: learners.filter((l) => l.completion === 'completed').length,
      onTrack: learners.filter((l) => l.completion === 'on_track').length,
      notMet: learners.filter((l) => l.completion === 'not_met').length,
    },
    asOf: now.toISOString(),
  };
}
