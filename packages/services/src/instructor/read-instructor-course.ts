import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { classMessages, enrolments, residents } from '@seoro/db';
import {
  completionOutlook,
  maskName,
  maskPhone,
  normalizeKrMobile,
  type CompletionOutlook,
  type LocalizedText,
} from '@seoro/domain';
import { loadAttendanceGrid, type CheckInMethodName } from '../attendance/course-attendance';
import type { ServiceContext } from '../context';
import {
  CLASS_MESSAGES_PER_DAY,
  CLASS_MESSAGE_MAX_BYTES,
  attendanceWindowOf,
  classMessagesToday,
  courseMeetingsOf,
  requireOwnCourse,
} from './own-course';

/** One confirmed learner as the instructor sees them: masked, with attendance so far. */
export interface InstructorLearner {
  enrolmentId: string;
  maskedName: string;
  maskedPhone: string;
  /** Held meetings attended (late included), and held meetings. */
  attended: number;
  held: number;
  outlook: CompletionOutlook;
  /** The mark at the meeting attendance is taken for now; null when no meeting is open. */
  mark: 'present' | 'late' | 'absent' | null;
  /** How that mark was taken; null without a check-in. */
  method: CheckInMethodName | null;
}

export interface InstructorWaitlistEntry {
  position: number;
  maskedName: string;
  maskedPhone: string;
}

export interface InstructorCourseView {
  course: {
    id: string;
    title: LocalizedText;
    termName: LocalizedText;
    room: LocalizedText;
    status: 'open' | 'cancelled';
    completionPercent: number;
    /** Meetings not cancelled, and how many have started. */
    meetings: number;
    held: number;
  };
  learners: InstructorLearner[];
  waitlist: InstructorWaitlistEntry[];
  /** Taking attendance: open for a meeting now, opening later (ISO instant), or nothing left. */
  attendance:
    | {
        state: 'open';
        meeting: { id: string; seq: number; date: string; startTime: string; endTime: string };
      }
    | {
        state: 'not_open';
        opensAt: string;
        meeting: { id: string; seq: number; date: string; startTime: string; endTime: string };
      }
    | { state: 'none' };
  messages: {
    sentToday: number;
    perDay: number;
    maxBytes: number;
    /** The latest few, newest first. */
    recent: { body: string; sentAt: string; recipients: number }[];
  };
}

/** The masked phone; a dash for one destroyed by anonymisation (its placeholder is no number). */
const maskedPhoneOf = (phone: string | undefined): string => {
  const parsed = phone ? normalizeKrMobile(phone) : null;
  return parsed?.ok && parsed.e164 === phone ? maskPhone(phone) : '—';
};

const meetingOf = (m: {
  id: string;
  seq: number;
  date: string;
  startTime: string;
  endTime: string;
}) => ({
  id: m.id,
  seq: m.seq,
  date: m.date,
  startTime: m.startTime,
  endTime: m.endTime,
});

/**
 * One of the instructor's own courses: confirmed learners (masked, with attendance so far and
 * their outlook against the completion line), the waitlist, whether attendance can be taken now,
 * and the class messages sent. Another course is `course_not_found`.
 */
export async function readInstructorCourse(
  ctx: ServiceContext,
  input: { residentId: string; courseId: string },
): Promise<InstructorCourseView> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const { course } = await requireOwnCourse(db, input.residentId, input.courseId);
  const grid = await loadAttendanceGrid(db, course.id, now);
  const courseMeetings = await courseMeetingsOf(db, course.id);
  const window = attendanceWindowOf(courseMeetings, now);

  const people = await db
    .select({
      id: enrolments.id,
      name: enrolments.name,
      status: enrolments.status,
      queueNo: enrolments.queueNo,
      phone: residents.phoneE164,
    })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(
      and(
        eq(enrolments.courseId, course.id),
        inArray(enrolments.status, ['confirmed', 'waitlisted']),
      ),
    )
    .orderBy(asc(enrolments.queueNo));
  const phoneOf = new Map(people.map((p) => [p.id, p.phone]));

  const learners = grid.learners.map((l): InstructorLearner => {
    const cell =
      window.state === 'open' ? l.cells.find((c) => c.meetingId === window.meeting.id) : undefined;
    const mark =
      window.state !== 'open'
        ? null
        : cell?.checkedInAt
          ? cell.state === 'late'
            ? 'late'
            : 'present'
          : 'absent';
    return {
      enrolmentId: l.enrolmentId,
      maskedName: maskName(l.name),
      maskedPhone: maskedPhoneOf(phoneOf.get(l.enrolmentId)),
      attended: l.attended,
      held: grid.totals.held,
      outlook: completionOutlook(
        { total: grid.totals.meetings, held: grid.totals.held, attended: l.attended },
        grid.course.completionPercent,
      ),
      mark,
      method: cell?.method ?? null,
    };
  });
  const waiting = people.filter((p) => p.status === 'waitlisted');
  // Ordered by queue number: the position is the place in that order.
  const waitlist = waiting.map((p, i) => ({
    position: i + 1,
    maskedName: maskName(p.name),
    maskedPhone: maskedPhoneOf(p.phone),
  }));

  const recent = await db
    .select()
    .from(classMessages)
    .where(eq(classMessages.courseId, course.id))
    .orderBy(desc(classMessages.sentAt))
    .limit(5);

  return {
    course: {
      id: course.id,
      title: grid.course.title,
      termName: grid.course.termName,
      room: grid.course.room,
      status: course.status,
      completionPercent: grid.course.completionPercent,
      meetings: grid.totals.meetings,
      held: grid.totals.held,
    },
    learners,
    waitlist,
    attendance:
      window.state === 'open'
        ? { state: 'open', meeting: meetingOf(window.meeting) }
        : window.state === 'not_open'
          ? {
              state: 'not_open',
              opensAt: window.opensAt.toISOString(),
              meeting: meetingOf(window.meeting),
            }
          : { state: 'none' },
    messages: {
      sentToday: await classMessagesToday(db, course.id, now),
      perDay: CLASS_MESSAGES_PER_DAY,
      maxBytes: CLASS_MESSAGE_MAX_BYTES,
      recent: recent.map((r) => ({
        body: r.body,
        sentAt: r.sentAt.toISOString(),
        recipients: r.recipients,
      })),
    },
  };
}
