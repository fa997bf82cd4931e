import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { attendance, courses, enrolments, meetings, residents, rooms, venues } from '@seoro/db';
import { DomainError, kstDateOf, maskName, parsePhoneLookup } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { waitlistPositionOf, type LocalizedText } from '../views';
import { CANDIDATE_TTL_MS, openCandidate, sealCandidate } from './candidate-token';
import {
  checkInFoundEnrolment,
  chooseTodaysMeeting,
  type CheckInResult,
} from './check-in-with-code';
import { kioskRoomId } from './kiosk-room';

/** A learner a kiosk may offer: a masked name on a big button, and an opaque id to check in with. */
export interface PhoneCandidate {
  /** Opaque, bound to this kiosk and expiring; never an enrolment id. */
  candidateId: string;
  maskedName: string;
  course: { title: LocalizedText };
  meeting: { seq: number; startTime: string; endTime: string };
  /** Already checked in to this meeting (tapping says when). */
  checkedIn: boolean;
}

/** A waitlisted registration for a class here today: the resident is told their place. */
export interface PhoneWaitlisted {
  maskedName: string;
  course: { title: LocalizedText };
  position: number;
}

/** A confirmed learner whose class today is in another room: the resident is told where. */
export interface PhoneElsewhere {
  maskedName: string;
  course: { title: LocalizedText };
  room: LocalizedText;
  venue: LocalizedText;
  meeting: { startTime: string; endTime: string };
}

export interface PhoneLookupResult {
  /** What was typed: the last four digits, or a whole number (which checks in on one match). */
  match: 'last4' | 'full';
  candidates: PhoneCandidate[];
  waitlisted: PhoneWaitlisted[];
  elsewhere: PhoneElsewhere[];
}

export interface FindByPhoneInput {
  /** Digits typed on the kiosk: four, or a whole mobile number. */
  digits: string;
  kioskId: string;
  /** The kiosk's room (null: the room `getTodayAtRoom` falls back to). */
  roomId: string | null;
}

/**
 * Today's registrations whose phone number ends with (or is) what a resident typed at a kiosk,
 * sorted for that kiosk: confirmed learners of today's classes in its room become candidates to
 * tap, waitlisted ones are told their place, learners whose class is elsewhere are told where.
 * Names are masked and numbers never leave the server. Reads only.
 */
export async function findCheckInByPhone(
  ctx: ServiceContext,
  input: FindByPhoneInput,
): Promise<PhoneLookupResult> {
  const lookup = parsePhoneLookup(input.digits);
  if (!lookup) throw new DomainError('invalid_phone');
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const roomId = await kioskRoomId(ctx, input.roomId);

  const rows = await db
    .select({
      enrolment: enrolments,
      course: courses,
      meeting: meetings,
      room: rooms,
      venue: venues,
    })
    .from(meetings)
    .innerJoin(courses, eq(courses.id, meetings.courseId))
    .innerJoin(enrolments, eq(enrolments.courseId, courses.id))
    .innerJoin(residents, eq(residents.id, enrolments.residentId))
    .innerJoin(rooms, eq(rooms.id, meetings.roomId))
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .where(
      and(
        eq(meetings.date, kstDateOf(now)),
        eq(meetings.status, 'scheduled'),
        eq(courses.status, 'open'),
        eq(courses.draft, false),
        inArray(enrolments.status, ['confirmed', 'waitlisted']),
        lookup.kind === 'full'
          ? eq(residents.phoneE164, lookup.e164)
          : like(residents.phoneE164, `%${lookup.last4}`),
      ),
    )
    .orderBy(asc(meetings.startsAt));

  const byEnrolment = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byEnrolment.get(row.enrolment.id) ?? [];
    list.push(row);
    byEnrolment.set(row.enrolment.id, list);
  }

  const result: PhoneLookupResult = {
    match: lookup.kind,
    candidates: [],
    waitlisted: [],
    elsewhere: [],
  };
  for (const list of byEnrolment.values()) {
    const { enrolment, course } = list[0]!;
    const title = { ko: course.titleKo, en: course.titleEn };
    const maskedName = maskName(enrolment.name);
    const here = list.filter((r) => r.meeting.roomId === roomId);
    if (here.length === 0) {
      if (enrolment.status !== 'confirmed') continue;
      const { meeting, room, venue } = list[0]!;
      result.elsewhere.push({
        maskedName,
        course: { title },
        room: { ko: room.nameKo, en: room.nameEn },
        venue: { ko: venue.nameKo, en: venue.nameEn },
        meeting: { startTime: meeting.startTime, endTime: meeting.endTime },
      });
    } else if (enrolment.status === 'waitlisted') {
      result.waitlisted.push({
        maskedName,
        course: { title },
        position: await waitlistPositionOf(db, enrolment),
      });
    } else {
      const { meeting } = chooseTodaysMeeting(
        here.map((r) => r.meeting),
        now,
      );
      const [attended] = await db
        .select({ id: attendance.id })
        .from(attendance)
        .where(and(eq(attendance.enrolmentId, enrolment.id), eq(attendance.meetingId, meeting.id)))
        .limit(1);
      result.candidates.push({
        candidateId: sealCandidate({
          enrolmentId: enrolment.id,
          meetingId: meeting.id,
          kioskId: input.kioskId,
          expiresAt: now.getTime() + CANDIDATE_TTL_MS,
        }),
        maskedName,
        course: { title },
        meeting: { seq: meeting.seq, startTime: meeting.startTime, endTime: meeting.endTime },
        checkedIn: attended !== undefined,
      });
    }
  }
  result.candidates.sort(
    (a, b) =>
      a.meeting.startTime.localeCompare(b.meeting.startTime) ||
      a.maskedName.localeCompare(b.maskedName, 'ko'),
  );
  return result;
}

export interface CheckInCandidateInput {
  candidateId: string;
  kioskId: string;
  roomId: string | null;
}

/**
 * Checks in the learner a resident tapped after a phone lookup, as method 'phone', with the same
 * rules as a code (late, repeat, window, room). An id that does not open for this kiosk, or has
 * expired, is refused and changes nothing. Opens the id here and hands the write to the writer.
 */
export async function checkInCandidate(
  ctx: ServiceContext,
  input: CheckInCandidateInput,
): Promise<CheckInResult> {
  const claim = openCandidate(input.candidateId, input.kioskId, ctx.clock.now());
  if (!claim) throw new DomainError('check_in_choice_expired');
  return checkInEnrolment(ctx, {
    enrolmentId: claim.enrolmentId,
    meetingId: claim.meetingId,
    kioskId: input.kioskId,
    roomId: input.roomId,
  });
}

export interface CheckInEnrolmentInput {
  enrolmentId: string;
  meetingId: string;
  kioskId: string;
  roomId: string | null;
}

/** Checks a registration in to one meeting of today, found by phone at a kiosk. */
export const checkInEnrolment = writeService('checkInEnrolment');
export { checkInEnrolmentInPlace };

async function checkInEnrolmentInPlace(
  ctx: ServiceContext,
  input: CheckInEnrolmentInput,
): Promise<CheckInResult> {
  const [row] = await ctx.database.db
    .select({ enrolment: enrolments, course: courses })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(eq(enrolments.id, input.enrolmentId))
    .limit(1);
  if (!row) throw new DomainError('check_in_choice_expired');
  return checkInFoundEnrolment(ctx, row, {
    method: 'phone',
    kioskId: input.kioskId,
    roomId: input.roomId,
    meetingId: input.meetingId,
  });
}
