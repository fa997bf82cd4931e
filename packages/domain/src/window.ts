/**
 * Registration and check-in windows. Every decision takes `now` as an argument so the server,
 * the kiosk and the tests agree on one instant and nothing here reads the wall clock.
 */

/** Where an instant falls relative to a registration period. */
export type RegistrationWindowState = 'not_open' | 'open' | 'closed';

/** Minute offsets around a meeting that define when kiosk check-in is accepted. */
export type CheckInPolicy = {
  /** Check-in opens this many minutes before the meeting starts. */
  opensMinutesBefore: number;
  /** Arrivals at or after startsAt + this many minutes are recorded as late. */
  lateAfterMinutes: number;
  /** Check-in stays open this many minutes after the meeting ends (0 = closes at the end). */
  closesMinutesAfterEnd: number;
};

/** Result of asking whether a resident may check in right now. */
export type CheckInState =
  | { state: 'too_early'; opensAt: Date }
  | { state: 'open'; late: boolean }
  | { state: 'closed'; closedAt: Date };

/** Check-in opens 30 minutes early, counts as late after 10 minutes, and closes when the meeting ends. */
export const DEFAULT_CHECK_IN_POLICY: Readonly<CheckInPolicy> = Object.freeze({
  opensMinutesBefore: 30,
  lateAfterMinutes: 10,
  closesMinutesAfterEnd: 0,
});

const MS_PER_MINUTE = 60_000;

function ms(d: Date, label: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${label} is an invalid Date`);
  return t;
}

function assertMinutes(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative finite number of minutes, got ${value}`);
  }
}

/** Registration is open on [opensAt, closesAt): a request at exactly closesAt is already too late. */
export function registrationWindowState(
  w: { opensAt: Date; closesAt: Date },
  now: Date,
): RegistrationWindowState {
  const opens = ms(w.opensAt, 'opensAt');
  const closes = ms(w.closesAt, 'closesAt');
  const t = ms(now, 'now');
  if (closes < opens) throw new RangeError('closesAt must not be before opensAt');
  if (t < opens) return 'not_open';
  if (t < closes) return 'open';
  return 'closed';
}

/** Check-in is open on [startsAt − opensMinutesBefore, endsAt + closesMinutesAfterEnd); late from startsAt + lateAfterMinutes. */
export function checkInState(
  meeting: { startsAt: Date; endsAt: Date },
  now: Date,
  policy: CheckInPolicy = DEFAULT_CHECK_IN_POLICY,
): CheckInState {
  const starts = ms(meeting.startsAt, 'startsAt');
  const ends = ms(meeting.endsAt, 'endsAt');
  const t = ms(now, 'now');
  if (ends <= starts) throw new RangeError('endsAt must be after startsAt');
  assertMinutes(policy.opensMinutesBefore, 'opensMinutesBefore');
  assertMinutes(policy.lateAfterMinutes, 'lateAfterMinutes');
  assertMinutes(policy.closesMinutesAfterEnd, 'closesMinutesAfterEnd');

  const opensAt = starts - policy.opensMinutesBefore * MS_PER_MINUTE;
  const closedAt = ends + policy.closesMinutesAfterEnd * MS_PER_MINUTE;
  if (t < opensAt) return { state: 'too_early', opensAt: new Date(opensAt) };
  if (t >= closedAt) return { state: 'closed', closedAt: new Date(closedAt) };
  return { state: 'open', late: t >= starts + policy.lateAfterMinutes * MS_PER_MINUTE };
}

/**
 * Where a class is in its day, as a board by the door says it: 'upcoming' before it starts (check-in
 * may already be open), 'open' (under way) from its start until its end, 'ended' from its end on.
 */
export type ClassState = 'upcoming' | 'open' | 'ended';

/** The state of one meeting at `now`; the three states split time at startsAt and endsAt. */
export function classState(meeting: { startsAt: Date; endsAt: Date }, now: Date): ClassState {
  const starts = ms(meeting.startsAt, 'startsAt');
  const ends = ms(meeting.endsAt, 'endsAt');
  const t = ms(now, 'now');
  if (ends <= starts) throw new RangeError('endsAt must be after startsAt');
  if (t < starts) return 'upcoming';
  return t < ends ? 'open' : 'ended';
}

/** A term's windows as the registration rules need them; the on-site pair may be unset. */
export interface TermWindows {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  /** On-site (kiosk) signup window; both null means it follows the online window. */
  onsiteOpensAt: Date | null;
  onsiteClosesAt: Date | null;
}

/**
 * The window a registration through `channel` is judged by: the on-site window for the kiosk
 * (the online one when the term sets none), the online window for the web and for staff.
 */
export function windowForChannel(
  term: TermWindows,
  channel: 'web' | 'kiosk' | 'staff',
): { opensAt: Date; closesAt: Date } {
  if (channel === 'kiosk' && term.onsiteOpensAt !== null && term.onsiteClosesAt !== null) {
    return { opensAt: term.onsiteOpensAt, closesAt: term.onsiteClosesAt };
  }
  return { opensAt: term.registrationOpensAt, closesAt: term.registrationClosesAt };
}

/** Where `now` falls in the window that applies to `channel` (see `windowForChannel`). */
export function channelWindowState(
  term: TermWindows,
  channel: 'web' | 'kiosk' | 'staff',
  now: Date,
): RegistrationWindowState {
  return registrationWindowState(windowForChannel(term, channel), now);
}
