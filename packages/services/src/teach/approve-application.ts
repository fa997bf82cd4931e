import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  auditLog,
  courses,
  instructorApplications,
  instructors,
  meetings,
  newId,
  residents,
  rooms,
  terms,
  type Tx,
} from '@seoro/db';
import {
  DomainError,
  addDays,
  addMinutesToTime,
  canStaffDecide,
  findSlotClashes,
  kstDateOf,
  kstInstant,
  kstWeekday,
  timeToMinutes,
  weeklySchedule,
  type HolidayCalendar,
} from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { assertNoClash, loadHolidays } from '../meetings/shared';
import { addMessage, loadApplication, tellApplicant, type ApplicationRow } from './shared';

/** Start times tried when the applicant's does not fit: the Art Hall's day, every half hour. */
const DAY_START = timeToMinutes('09:00');
const DAY_END = timeToMinutes('22:00');
/** Used when the applicant said "any time". */
const DEFAULT_START = '10:00';

/** Where an approval would put the course: the room, the weekly slot and its dates. */
export interface ApprovalProposal {
  term: { id: string; nameKo: string; nameEn: string; startsOn: string; endsOn: string };
  room: { id: string; nameKo: string; nameEn: string };
  weekday: number;
  startTime: string;
  endTime: string;
  dates: string[];
  skipped: Array<{ date: string; names: readonly string[] }>;
  /** True when the slot is the applicant's preferred weekday and time (or they had none). */
  asPreferred: boolean;
}

export interface ApproveApplicationInput {
  applicationId: string;
  termId: string;
  staffId: string;
  /** The room; the first room set up (Lecture Room 3) when left out. */
  roomId?: string | null;
  /** A word to the applicant, added to the conversation (optional). */
  message?: string;
}

/** The minutes to try, nearest to the preferred start first (earlier before later on a tie). */
function startTimes(preferred: string | null, duration: number): string[] {
  const target = timeToMinutes(preferred ?? DEFAULT_START);
  const all: number[] = [];
  for (let t = DAY_START; t + duration <= DAY_END; t += 30) all.push(t);
  if (!all.includes(target) && target + duration <= DAY_END) all.push(target);
  all.sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b);
  const hhmm = (t: number) =>
    `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  return all.map(hhmm);
}

/** Weekdays to try: the preferred one, then the nearest others (weekdays before the weekend). */
function weekdays(preferred: number | null): number[] {
  const order = [1, 2, 3, 4, 5, 6, 0];
  if (preferred === null) return order;
  const distance = (d: number) => Math.min((d - preferred + 7) % 7, (preferred - d + 7) % 7);
  return [...order].sort(
    (a, b) => distance(a) - distance(b) || order.indexOf(a) - order.indexOf(b),
  );
}

interface PlanContext {
  application: ApplicationRow;
  term: ApprovalProposal['term'];
  room: ApprovalProposal['room'];
  from: string;
  holidays: HolidayCalendar;
}

/**
 * The first weekly slot that holds all the meetings inside the term with no clash in the room:
 * the preferred weekday and time when free, else the nearest start time that day, then the
 * nearest weekday; each starting in the earliest week that fits. Pure over the booked meetings.
 */
function planSlot(
  plan: PlanContext,
  booked: Array<{ id: string; roomId: string; date: string; start: string; end: string }>,
): ApprovalProposal | null {
  const { application: a, term, from } = plan;
  for (const weekday of weekdays(a.preferredWeekday)) {
    for (const startTime of startTimes(a.preferredStartTime, a.durationMinutes)) {
      const endTime = addMinutesToTime(startTime, a.durationMinutes);
      let first = from;
      while (kstWeekday(first) !== weekday) first = addDays(first, 1);
      for (; first <= term.endsOn; first = addDays(first, 7)) {
        const schedule = weeklySchedule({
          weekdays: [weekday],
          first,
          count: a.meetingCount,
          holidays: plan.holidays,
          holidayRule: 'skip_extend',
        });
        const last = schedule.dates.at(-1);
        if (schedule.dates.length < a.meetingCount || !last || last > term.endsOn) break;
        const proposed = schedule.dates.map((date) => ({
          date,
          start: startTime,
          end: endTime,
          roomId: plan.room.id,
        }));
        if (findSlotClashes(proposed, booked).length > 0) continue;
        return {
          term,
          room: plan.room,
          weekday,
          startTime,
          endTime,
          dates: schedule.dates,
          skipped: schedule.skipped,
          asPreferred:
            (a.preferredWeekday === null || a.preferredWeekday === weekday) &&
            (a.preferredStartTime === null || a.preferredStartTime === startTime),
        };
      }
    }
  }
  return null;
}

async function loadPlanContext(
  db: Tx,
  input: { applicationId: string; termId: string; roomId?: string | null },
  today: string,
  holidays: HolidayCalendar | null,
): Promise<PlanContext> {
  const application = await loadApplication(db, input.applicationId);
  const [term] = await db
    .select({
      id: terms.id,
      nameKo: terms.nameKo,
      nameEn: terms.nameEn,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      status: terms.status,
    })
    .from(terms)
    .where(eq(terms.id, input.termId))
    .limit(1);
  if (!term || term.status === 'archived' || term.endsOn < today) {
    throw new DomainError('application_term_not_open');
  }
  const [room] = await db
    .select({ id: rooms.id, nameKo: rooms.nameKo, nameEn: rooms.nameEn })
    .from(rooms)
    .where(input.roomId ? eq(rooms.id, input.roomId) : undefined)
    .orderBy(asc(rooms.createdAt), asc(rooms.id))
    .limit(1);
  if (!room) throw new DomainError('room_not_found');
  const { status: _status, ...termView } = term;
  return {
    application,
    term: termView,
    room,
    from: term.startsOn > today ? term.startsOn : addDays(today, 1),
    holidays: holidays ?? {},
  };
}

async function bookedMeetings(db: Tx, plan: PlanContext) {
  const rows = await db
    .select({
      id: meetings.id,
      roomId: meetings.roomId,
      date: meetings.date,
      start: meetings.startTime,
      end: meetings.endTime,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.roomId, plan.room.id),
        eq(meetings.status, 'scheduled'),
        gte(meetings.date, plan.from),
        // Holidays skipped may push the last meeting a few weeks past the term's end.
        lte(meetings.date, addDays(plan.term.endsOn, 70)),
      ),
    );
  return rows;
}

async function holidaysFor(termId: string, ctx: ServiceContext): Promise<HolidayCalendar> {
  const [term] = await ctx.database.db
    .select({ startsOn: terms.startsOn, endsOn: terms.endsOn })
    .from(terms)
    .where(eq(terms.id, termId))
    .limit(1);
  if (!term) return {};
  const first = Number(term.startsOn.slice(0, 4));
  const last = Number(term.endsOn.slice(0, 4));
  const years = [];
  for (let y = first; y <= last + 1; y++) years.push(String(y));
  return (await loadHolidays(years)).holidays;
}

/**
 * What approving into a term would create, before anything is saved: the room, the weekly slot
 * (the applicant's, or the nearest free one) and its dates. `application_no_free_slot` when the
 * term has none; `application_term_not_open` for a term that has ended or is archived.
 */
export async function previewApplicationApproval(
  ctx: ServiceContext,
  input: { applicationId: string; termId: string; roomId?: string | null },
): Promise<ApprovalProposal> {
  const holidays = await holidaysFor(input.termId, ctx);
  const db = ctx.database.db;
  const plan = await loadPlanContext(db, input, kstDateOf(ctx.clock.now()), holidays);
  const proposal = planSlot(plan, await bookedMeetings(db, plan));
  if (!proposal) {
    throw new DomainError('application_no_free_slot', { count: plan.application.meetingCount });
  }
  return proposal;
}

/**
 * Staff approve a submitted application into a term, in one write transaction: the resident's
 * instructor row (reused, or created with the application's name), a draft course in the term
 * from the proposal (English fields copy the Korean until staff edit them), its meetings in the
 * first free weekly slot of the room (checked again against the room's bookings), the status
 * `accepted` with the course, the conversation, a text to the applicant naming the term, and the
 * audit row. Any refusal or failure leaves nothing behind.
 */
export const approveApplication = writeService('approveApplication');
export { approveApplicationInPlace };

async function approveApplicationInPlace(
  ctx: ServiceContext,
  input: ApproveApplicationInput,
): Promise<{ applicationId: string; courseId: string; instructorId: string } & ApprovalProposal> {
  // Holidays are read before the write transaction: it must not wait on a module load.
  const holidays = await holidaysFor(input.termId, ctx);
  const note = input.message?.trim() ?? '';
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const plan = await loadPlanContext(tx, input, kstDateOf(now), holidays);
    const application = plan.application;
    if (!canStaffDecide(application.status)) throw new DomainError('application_already_decided');
    const proposal = planSlot(plan, await bookedMeetings(tx, plan));
    if (!proposal) {
      throw new DomainError('application_no_free_slot', { count: application.meetingCount });
    }

    const [resident] = await tx
      .select({ id: residents.id })
      .from(residents)
      .where(eq(residents.id, application.residentId))
      .limit(1);
    if (!resident) throw new DomainError('application_not_found');
    const [existing] = await tx
      .select({ id: instructors.id })
      .from(instructors)
      .where(eq(instructors.residentId, resident.id))
      .orderBy(asc(instructors.createdAt))
      .limit(1);
    const instructorId = existing?.id ?? newId();
    if (!existing) {
      await tx.insert(instructors).values({
        id: instructorId,
        residentId: resident.id,
        displayName: application.applicantName,
        createdAt: now,
      });
    }

    const courseId = newId();
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${courses.sortOrder}), -1)` })
      .from(courses)
      .where(eq(courses.termId, plan.term.id));
    const summary = summaryOf(application.description);
    const description = [application.description, application.teaches]
      .filter((t) => t.length > 0)
      .join('\n\n');
    const fee = application.materialsFeeWon;
    const feeNoteKo = fee > 0 ? `재료비 별도 ${fee.toLocaleString('ko-KR')}원` : null;
    const feeNoteEn =
      fee > 0 ? `Materials: ₩${fee.toLocaleString('en-US')}, paid by learners` : null;
    await tx.insert(courses).values({
      id: courseId,
      termId: plan.term.id,
      instructorId,
      roomId: plan.room.id,
      titleKo: application.title,
      titleEn: application.title,
      summaryKo: summary,
      summaryEn: summary,
      descriptionKo: description,
      descriptionEn: description,
      materialsNoteKo: feeNoteKo,
      materialsNoteEn: feeNoteEn,
      materialsFeeWon: fee > 0 ? fee : null,
      capacity: application.capacity,
      minLearners: Math.min(5, application.capacity),
      draft: true,
      sortOrder: Number(last?.n ?? -1) + 1,
      createdAt: now,
    });

    const slots = proposal.dates.map((date) => ({
      date,
      startTime: proposal.startTime,
      endTime: proposal.endTime,
      roomId: plan.room.id,
    }));
    // The room's own rule, as every schedule change applies it.
    await assertNoClash(tx, slots, { courseId });
    await tx.insert(meetings).values(
      slots.map((slot, i) => ({
        id: newId(),
        courseId,
        roomId: slot.roomId,
        seq: i + 1,
        date: slot.date,
        startTime: slot.startTime,
        endTime: slot.endTime,
        startsAt: kstInstant(slot.date, slot.startTime),
        endsAt: kstInstant(slot.date, slot.endTime),
        status: 'scheduled' as const,
        createdAt: now,
      })),
    );

    await tx
      .update(instructorApplications)
      .set({
        status: 'accepted',
        termId: plan.term.id,
        courseId,
        reviewedBy: input.staffId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(instructorApplications.id, application.id));
    await addMessage(tx, {
      applicationId: application.id,
      authorType: 'staff',
      staffId: input.staffId,
      kind: 'accepted',
      body: note,
      toApplicant: true,
      createdAt: now,
    });
    await tellApplicant(
      tx,
      application,
      'application_accepted',
      {
        applicationId: application.id,
        title: application.title,
        termKo: plan.term.nameKo,
        termEn: plan.term.nameEn,
      },
      now,
    );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'application.approve',
      subjectType: 'application',
      subjectId: application.id,
      residentId: application.residentId,
      detail: {
        termId: plan.term.id,
        courseId,
        instructorId,
        instructorCreated: !existing,
        roomId: plan.room.id,
        slot: `${proposal.weekday} ${proposal.startTime}-${proposal.endTime}`,
        dates: proposal.dates,
        asPreferred: proposal.asPreferred,
      },
    });
    return { applicationId: application.id, courseId, instructorId, ...proposal };
  });
}

/** The first sentence or so of the description, as the course card's summary. */
function summaryOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  return flat.length <= 120 ? flat : `${flat.slice(0, 119)}…`;
}
