import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import {
  attendance,
  courses,
  enrolments,
  lotteryDraws,
  meetings,
  residents,
  rooms,
  terms,
} from '@seoro/db';
import {
  DomainError,
  addDays,
  kstDateOf,
  maskName,
  maskPhone,
  type EnrolmentStatus,
} from '@seoro/domain';
import type { ServiceContext } from '../context';
import { loadCourseCards, waitlistPositionOf, type LocalizedText } from '../views';

/** Terms that ended longer ago than this are no longer listed. */
export const RECENT_TERM_DAYS = 180;

/**
 * How a registration stands, in the words the resident sees: the enrolment status, refined for
 * lottery courses by the published draw (won, or not selected and waiting).
 */
export type MyRegistrationState =
  | 'confirmed'
  | 'waitlisted'
  | 'lottery_pending'
  | 'lottery_won'
  | 'lottery_not_selected'
  | 'cancelled';

export interface MyRegistration {
  enrolmentId: string;
  code: string;
  status: EnrolmentStatus;
  state: MyRegistrationState;
  /** 1 for the next person to get a seat; null unless waiting. */
  waitlistPosition: number | null;
  /** Live, in a course that is still running: the resident may cancel it here. */
  cancellable: boolean;
  registeredAt: string;
  cancelledAt: string | null;
  course: {
    id: string;
    title: LocalizedText;
    /** Cancelled by the district (폐강). */
    cancelled: boolean;
    weekday: number;
    startTime: string;
    endTime: string;
    firstDate: string;
    lastDate: string;
    meetingCount: number;
    venue: LocalizedText;
    room: LocalizedText;
  };
  /** Meetings attended out of those held so far; null for a registration without a seat. */
  attendance: { attended: number; held: number } | null;
  /** The course's next meeting that has not ended yet (KST date and times); null when none is left. */
  nextMeeting: { date: string; startTime: string; endTime: string; room: LocalizedText } | null;
}

export interface MyTermRegistrations {
  term: { id: string; name: LocalizedText; startsOn: string; endsOn: string };
  registrations: MyRegistration[];
}

/** The signed-in resident's own page: who they are (masked) and their registrations by term. */
export interface MyRegistrationsView {
  maskedName: string;
  maskedPhone: string;
  /** Newest term first. */
  terms: MyTermRegistrations[];
}

const LIVE: ReadonlySet<EnrolmentStatus> = new Set(['confirmed', 'waitlisted', 'lottery_pending']);

/**
 * Every registration of one resident in current and recent terms (ended at most
 * `RECENT_TERM_DAYS` ago), cancelled ones included: the course and its schedule, the status in
 * words (with the waitlist position), attendance so far and the confirmation code. Reads only.
 */
export async function listMyRegistrations(
  ctx: ServiceContext,
  input: { residentId: string },
): Promise<MyRegistrationsView> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const today = kstDateOf(now);
  const [resident] = await db
    .select({ name: residents.name, phone: residents.phoneE164 })
    .from(residents)
    .where(eq(residents.id, input.residentId))
    .limit(1);
  // The session outlived the person's data (destroyed after its retention period).
  if (!resident) throw new DomainError('session_expired');

  const rows = await db
    .select({
      enrolment: enrolments,
      courseStatus: courses.status,
      courseMode: courses.mode,
      term: {
        id: terms.id,
        nameKo: terms.nameKo,
        nameEn: terms.nameEn,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
      },
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .where(
      and(
        eq(enrolments.residentId, input.residentId),
        gte(terms.endsOn, addDays(today, -RECENT_TERM_DAYS)),
      ),
    )
    .orderBy(desc(terms.startsOn), asc(courses.sortOrder), desc(enrolments.createdAt));

  const courseIds = [...new Set(rows.map((r) => r.enrolment.courseId))];
  const enrolmentIds = rows.map((r) => r.enrolment.id);
  const cards = new Map(
    (courseIds.length ? await loadCourseCards(db, { courseIds }) : []).map((c) => [c.id, c]),
  );

  const waitlistPosition = new Map<string, number>();
  for (const { enrolment } of rows) {
    if (enrolment.status !== 'waitlisted') continue;
    waitlistPosition.set(enrolment.id, await waitlistPositionOf(db, enrolment));
  }

  // Held so far: meetings that have started, plus any this learner already checked in to (the
  // kiosk opens check-in a little before the start).
  const courseMeetings = courseIds.length
    ? await db
        .select({
          id: meetings.id,
          courseId: meetings.courseId,
          startsAt: meetings.startsAt,
          endsAt: meetings.endsAt,
          date: meetings.date,
          startTime: meetings.startTime,
          endTime: meetings.endTime,
          roomKo: rooms.nameKo,
          roomEn: rooms.nameEn,
        })
        .from(meetings)
        .innerJoin(rooms, eq(rooms.id, meetings.roomId))
        .where(and(inArray(meetings.courseId, courseIds), eq(meetings.status, 'scheduled')))
        .orderBy(asc(meetings.startsAt))
    : [];
  const checkIns = enrolmentIds.length
    ? await db
        .select({ enrolmentId: attendance.enrolmentId, meetingId: attendance.meetingId })
        .from(attendance)
        .where(inArray(attendance.enrolmentId, enrolmentIds))
    : [];

  const lotteryCourseIds = [
    ...new Set(rows.filter((r) => r.courseMode === 'lottery').map((r) => r.enrolment.courseId)),
  ];
  const draws = new Map(
    (lotteryCourseIds.length
      ? await db
          .select({
            courseId: lotteryDraws.courseId,
            entries: lotteryDraws.entries,
            winners: lotteryDraws.winners,
          })
          .from(lotteryDraws)
          .where(inArray(lotteryDraws.courseId, lotteryCourseIds))
      : []
    ).map((d) => [d.courseId, d]),
  );

  const byTerm = new Map<string, MyTermRegistrations>();
  for (const row of rows) {
    const { enrolment } = row;
    const card = cards.get(enrolment.courseId);
    if (!card) continue;
    const courseCancelled = row.courseStatus === 'cancelled';
    const state = stateOf(enrolment, draws.get(enrolment.courseId));
    const mine = new Set(
      checkIns.filter((c) => c.enrolmentId === enrolment.id).map((c) => c.meetingId),
    );
    const held = courseMeetings.filter(
      (m) => m.courseId === enrolment.courseId && (m.startsAt <= now || mine.has(m.id)),
    ).length;
    const next = courseMeetings.find((m) => m.courseId === enrolment.courseId && m.endsAt > now);
    const registration: MyRegistration = {
      enrolmentId: enrolment.id,
      code: enrolment.code,
      status: enrolment.status,
      state,
      waitlistPosition: waitlistPosition.get(enrolment.id) ?? null,
      cancellable:
        LIVE.has(enrolment.status) &&
        !courseCancelled &&
        (card.lastDate === '' || card.lastDate >= today),
      registeredAt: enrolment.createdAt.toISOString(),
      cancelledAt: enrolment.cancelledAt?.toISOString() ?? null,
      course: {
        id: card.id,
        title: card.title,
        cancelled: courseCancelled,
        weekday: card.weekday,
        startTime: card.startTime,
        endTime: card.endTime,
        firstDate: card.firstDate,
        lastDate: card.lastDate,
        meetingCount: card.meetingCount,
        venue: card.venue,
        room: card.room,
      },
      attendance:
        enrolment.status === 'confirmed' || mine.size > 0 ? { attended: mine.size, held } : null,
      nextMeeting: next
        ? {
            date: next.date,
            startTime: next.startTime,
            endTime: next.endTime,
            room: { ko: next.roomKo, en: next.roomEn },
          }
        : null,
    };
    let group = byTerm.get(row.term.id);
    if (!group) {
      group = {
        term: {
          id: row.term.id,
          name: { ko: row.term.nameKo, en: row.term.nameEn },
          startsOn: row.term.startsOn,
          endsOn: row.term.endsOn,
        },
        registrations: [],
      };
      byTerm.set(row.term.id, group);
    }
    group.registrations.push(registration);
  }

  return {
    maskedName: maskName(resident.name),
    maskedPhone: maskPhone(resident.phone),
    terms: [...byTerm.values()],
  };
}

function stateOf(
  enrolment: { id: string; status: EnrolmentStatus },
  draw: { entries: Record<number, string>; winners: number[] } | undefined,
): MyRegistrationState {
  if (enrolment.status === 'cancelled' || enrolment.status === 'lottery_pending') {
    return enrolment.status;
  }
  // The draw's entries map application numbers to enrolments (JSON keys are strings).
  const entry = draw
    ? Object.entries(draw.entries).find(([, enrolmentId]) => enrolmentId === enrolment.id)
    : undefined;
  if (draw && entry) {
    const won = draw.winners.includes(Number(entry[0]));
    if (won && enrolment.status === 'confirmed') return 'lottery_won';
    if (!won && enrolment.status === 'waitlisted') return 'lottery_not_selected';
  }
  return enrolment.status;
}
