import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { getHolidayPreset } from '@hyunbinseo/holidays-kr';
import {
  courses,
  enrolments,
  meetingReminders,
  meetings,
  newId,
  outbox,
  residents,
  rooms,
  type Tx,
} from '@seoro/db';
import {
  DomainError,
  dateToDays,
  findSlotClashes,
  kstInstant,
  type HolidayCalendar,
  type Locale,
  type ProposedSlot,
} from '@seoro/domain';
import type { NotificationPayload } from '../notifications';

/** Written to a reminder that was queued for a meeting's old slot. */
export const REMINDER_OUTDATED_ERROR =
  'Withdrawn before delivery: the meeting moved or was cancelled';

/** A meeting's slot as staff type it: KST date, start and end, and the room. */
export interface MeetingSlotInput {
  date: string;
  startTime: string;
  endTime: string;
  roomId: string;
}

/** Refuses a slot that is not a real date or whose end is not after its start. */
export function assertValidSlot(slot: { date: string; startTime: string; endTime: string }) {
  try {
    dateToDays(slot.date);
    if (!(slot.startTime < slot.endTime)) throw new RangeError('end before start');
    kstInstant(slot.date, slot.startTime);
    kstInstant(slot.date, slot.endTime);
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('schedule_invalid');
    throw error;
  }
}

/** The course, or `course_not_found`. */
export async function loadCourse(db: Tx, courseId: string) {
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId)).limit(1);
  if (!course) throw new DomainError('course_not_found');
  return course;
}

/** The room, or `room_not_found`. */
export async function loadRoom(db: Tx, roomId: string) {
  const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId)).limit(1);
  if (!room) throw new DomainError('room_not_found');
  return room;
}

/** One clash as a screen lists it: the slot asked for and the meeting already there. */
export interface MeetingClash {
  date: string;
  startTime: string;
  endTime: string;
  roomId: string;
  room: { ko: string; en: string };
  course: { id: string; ko: string; en: string };
  meetingId: string;
}

/**
 * The scheduled meetings that the proposed slots would collide with: in the same room, or of the
 * same course in any room (a class cannot be in two places). `ignoreIds` are meetings the change
 * replaces or moves, which free their own slots.
 */
export async function findClashes(
  db: Tx,
  proposed: readonly MeetingSlotInput[],
  opts: { courseId: string; ignoreIds?: readonly string[] },
): Promise<MeetingClash[]> {
  if (proposed.length === 0) return [];
  const dates = [...new Set(proposed.map((p) => p.date))];
  const roomIds = [...new Set(proposed.map((p) => p.roomId))];
  const rows = await db
    .select({
      id: meetings.id,
      courseId: meetings.courseId,
      roomId: meetings.roomId,
      date: meetings.date,
      start: meetings.startTime,
      end: meetings.endTime,
      courseKo: courses.titleKo,
      courseEn: courses.titleEn,
      roomKo: rooms.nameKo,
      roomEn: rooms.nameEn,
    })
    .from(meetings)
    .innerJoin(courses, eq(courses.id, meetings.courseId))
    .innerJoin(rooms, eq(rooms.id, meetings.roomId))
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        inArray(meetings.date, dates),
        or(inArray(meetings.roomId, roomIds), eq(meetings.courseId, opts.courseId)),
        opts.ignoreIds && opts.ignoreIds.length > 0
          ? sql`${meetings.id} not in ${opts.ignoreIds}`
          : undefined,
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.startTime));
  const slots: Array<ProposedSlot & { input: MeetingSlotInput }> = proposed.map((p) => ({
    date: p.date,
    start: p.startTime,
    end: p.endTime,
    roomId: p.roomId,
    input: p,
  }));
  // The course's own meetings clash wherever they are: look at them as if in the proposed room.
  const bookings = rows.flatMap((r) => {
    const own = r.courseId === opts.courseId;
    const asRooms = own ? roomIds : [r.roomId];
    return asRooms.map((roomId) => ({ ...r, roomId, actualRoomId: r.roomId }));
  });
  const seen = new Set<string>();
  const clashes: MeetingClash[] = [];
  for (const { proposed: p, existing: e } of findSlotClashes(slots, bookings)) {
    const key = `${p.date}|${p.start}|${p.roomId}|${e.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    clashes.push({
      date: p.date,
      startTime: p.start,
      endTime: p.end,
      roomId: p.roomId,
      room: { ko: e.roomKo, en: e.roomEn },
      course: { id: e.courseId, ko: e.courseKo, en: e.courseEn },
      meetingId: e.id,
    });
  }
  return clashes;
}

/**
 * Refuses with `room_double_booked` when any proposed slot collides with a scheduled meeting; the
 * error names the first clash (room, date, time, course) and how many there are.
 */
export async function assertNoClash(
  db: Tx,
  proposed: readonly MeetingSlotInput[],
  opts: { courseId: string; ignoreIds?: readonly string[] },
): Promise<void> {
  const clashes = await findClashes(db, proposed, opts);
  const first = clashes[0];
  if (!first) return;
  const [existing] = await db
    .select({ startTime: meetings.startTime, endTime: meetings.endTime })
    .from(meetings)
    .where(eq(meetings.id, first.meetingId))
    .limit(1);
  throw new DomainError('room_double_booked', {
    roomKo: first.room.ko,
    roomEn: first.room.en,
    courseKo: first.course.ko,
    courseEn: first.course.en,
    date: first.date,
    time: `${existing?.startTime ?? first.startTime}–${existing?.endTime ?? first.endTime}`,
    count: clashes.length,
  });
}

/** Public holidays of the given years; a year the list does not know yet is reported, not guessed. */
export async function loadHolidays(
  years: readonly string[],
): Promise<{ holidays: HolidayCalendar; unknownYears: string[] }> {
  const holidays: Record<string, readonly string[]> = {};
  const unknownYears: string[] = [];
  for (const year of [...new Set(years)].sort()) {
    try {
      Object.assign(holidays, await getHolidayPreset(year));
    } catch {
      unknownYears.push(year);
    }
  }
  return { holidays, unknownYears };
}

/** The confirmed learners of a course, one row per resident, to be told about a change. */
export async function confirmedLearners(tx: Tx, courseId: string) {
  const rows = await tx
    .select({ residentId: enrolments.residentId, phone: residents.phoneE164 })
    .from(enrolments)
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .where(and(eq(enrolments.courseId, courseId), eq(enrolments.status, 'confirmed')))
    .orderBy(asc(enrolments.queueNo));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.residentId) ? false : (seen.add(r.residentId), true)));
}

type MeetingTemplate = 'meeting_moved' | 'meeting_cancelled' | 'meeting_restored';

/** Queues one text per confirmed learner; returns how many residents were told. */
export async function notifyLearners<T extends MeetingTemplate>(
  tx: Tx,
  args: {
    courseId: string;
    template: T;
    payload: NotificationPayload<T>;
    locale: Locale;
    now: Date;
  },
): Promise<number> {
  const learners = await confirmedLearners(tx, args.courseId);
  for (const learner of learners) {
    await tx.insert(outbox).values({
      id: newId(),
      template: args.template,
      channel: 'sms',
      recipient: learner.phone,
      locale: args.locale,
      payload: args.payload,
      nextAttemptAt: args.now,
      createdAt: args.now,
    });
  }
  return learners.length;
}

/**
 * Withdraws "see you tomorrow" texts queued for a meeting's old slot and forgets that they were
 * queued, so a meeting moved to tomorrow gets a reminder with its new time.
 */
export async function withdrawReminders(
  tx: Tx,
  meeting: { id: string; courseId: string; date: string; startTime: string },
): Promise<number> {
  const withdrawn = await tx
    .update(outbox)
    .set({ status: 'failed', lastError: REMINDER_OUTDATED_ERROR })
    .where(
      and(
        eq(outbox.template, 'meeting_reminder'),
        eq(outbox.status, 'pending'),
        sql`json_extract(${outbox.payload}, '$.courseId') = ${meeting.courseId}`,
        sql`json_extract(${outbox.payload}, '$.date') = ${meeting.date}`,
        sql`json_extract(${outbox.payload}, '$.startTime') = ${meeting.startTime}`,
      ),
    )
    .returning({ id: outbox.id });
  await tx.delete(meetingReminders).where(eq(meetingReminders.meetingId, meeting.id));
  return withdrawn.length;
}

/**
 * Numbers a course's meetings 1, 2, 3… in date order (cancelled ones keep their place). Two passes,
 * because the (course, seq) index is unique and would refuse a swap made in one.
 */
export async function renumberMeetings(tx: Tx, courseId: string): Promise<void> {
  const rows = await tx
    .select({ id: meetings.id, seq: meetings.seq })
    .from(meetings)
    .where(eq(meetings.courseId, courseId))
    .orderBy(asc(meetings.date), asc(meetings.startTime), asc(meetings.seq));
  if (rows.every((r, i) => r.seq === i + 1)) return;
  await tx
    .update(meetings)
    .set({ seq: sql`-${meetings.seq} - 1000000` })
    .where(eq(meetings.courseId, courseId));
  for (const [i, row] of rows.entries()) {
    await tx
      .update(meetings)
      .set({ seq: i + 1 })
      .where(eq(meetings.id, row.id));
  }
}

/** The text's payload fields that name a meeting's course, slot and room. */
export function meetingPayload(
  course: { id: string; titleKo: string; titleEn: string },
  meeting: { id: string; date: string; startTime: string; endTime: string },
  room: { nameKo: string; nameEn: string },
) {
  return {
    courseId: course.id,
    courseTitleKo: course.titleKo,
    courseTitleEn: course.titleEn,
    meetingId: meeting.id,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    roomKo: room.nameKo,
    roomEn: room.nameEn,
  };
}
