import type { DomainErrorCode } from './errors';
import { timeToMinutes } from './time';

/** The bounds of a proposal to teach, as the program sets them (small classes, 4–12 meetings). */
export const TEACH_LIMITS = {
  meetings: { min: 4, max: 12 },
  durationMinutes: { min: 60, max: 180 },
  capacity: { min: 4, max: 15 },
  materialsFeeWon: { min: 0, max: 1_000_000 },
  /** Longest text per field, in characters. */
  text: { applicantName: 40, title: 80, description: 2000, teaches: 2000, experience: 2000 },
  /** Latest a class may end, so the Art Hall can close. */
  latestEnd: '22:00',
  earliestStart: '07:00',
} as const;

/** A proposal as the applicant fills it in (already trimmed of surrounding blanks by the caller). */
export interface TeachProposal {
  applicantName: string;
  title: string;
  description: string;
  teaches: string;
  experience: string;
  meetingCount: number;
  /** 0 = Sunday … 6 = Saturday, null: any day. */
  preferredWeekday: number | null;
  /** 'HH:MM' (KST), null: any time. */
  preferredStartTime: string | null;
  durationMinutes: number;
  materialsFeeWon: number;
  capacity: number;
  yongsanConfirmed: boolean;
  exclusionsAccepted: boolean;
}

export type TeachProposalField = keyof TeachProposal;

/** One thing wrong with a proposal: the field, the code to explain it, and its numbers. */
export interface TeachProposalIssue {
  field: TeachProposalField;
  code: DomainErrorCode;
  params: Record<string, string | number>;
}

const TEXT_FIELDS = ['applicantName', 'title', 'description', 'teaches', 'experience'] as const;

function intIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Everything wrong with a proposal, one issue per field in form order; empty when it may be
 * saved. Pure: the web form shows all of them at once and the service refuses with the first.
 *
 * @example checkTeachProposal({ ...ok, meetingCount: 3 })[0]?.code // 'application_meetings_out_of_range'
 */
export function checkTeachProposal(p: TeachProposal): TeachProposalIssue[] {
  const issues: TeachProposalIssue[] = [];
  for (const field of TEXT_FIELDS) {
    const text = p[field].trim();
    const max = TEACH_LIMITS.text[field];
    if (text.length === 0)
      issues.push({ field, code: 'application_text_required', params: { field } });
    else if (text.length > max) {
      issues.push({ field, code: 'application_text_too_long', params: { field, max } });
    }
  }
  const { meetings, durationMinutes, capacity, materialsFeeWon } = TEACH_LIMITS;
  if (!intIn(p.meetingCount, meetings.min, meetings.max)) {
    issues.push({
      field: 'meetingCount',
      code: 'application_meetings_out_of_range',
      params: { field: 'meetingCount', ...meetings },
    });
  }
  if (p.preferredWeekday !== null && !intIn(p.preferredWeekday, 0, 6)) {
    issues.push({
      field: 'preferredWeekday',
      code: 'application_weekday_invalid',
      params: { field: 'preferredWeekday' },
    });
  }
  if (!intIn(p.durationMinutes, durationMinutes.min, durationMinutes.max)) {
    issues.push({
      field: 'durationMinutes',
      code: 'application_duration_out_of_range',
      params: { field: 'durationMinutes', ...durationMinutes },
    });
  }
  if (p.preferredStartTime !== null) {
    const start = minutesOrNull(p.preferredStartTime);
    const duration = intIn(p.durationMinutes, durationMinutes.min, durationMinutes.max)
      ? p.durationMinutes
      : durationMinutes.min;
    if (
      start === null ||
      start < timeToMinutes(TEACH_LIMITS.earliestStart) ||
      start + duration > timeToMinutes(TEACH_LIMITS.latestEnd)
    ) {
      issues.push({
        field: 'preferredStartTime',
        code: 'application_time_invalid',
        params: {
          field: 'preferredStartTime',
          earliest: TEACH_LIMITS.earliestStart,
          latest: TEACH_LIMITS.latestEnd,
        },
      });
    }
  }
  if (!intIn(p.materialsFeeWon, materialsFeeWon.min, materialsFeeWon.max)) {
    issues.push({
      field: 'materialsFeeWon',
      code: 'application_fee_out_of_range',
      params: { field: 'materialsFeeWon', max: materialsFeeWon.max },
    });
  }
  if (!intIn(p.capacity, capacity.min, capacity.max)) {
    issues.push({
      field: 'capacity',
      code: 'application_capacity_out_of_range',
      params: { field: 'capacity', ...capacity },
    });
  }
  if (!p.yongsanConfirmed) {
    issues.push({
      field: 'yongsanConfirmed',
      code: 'application_yongsan_required',
      params: { field: 'yongsanConfirmed' },
    });
  }
  if (!p.exclusionsAccepted) {
    issues.push({
      field: 'exclusionsAccepted',
      code: 'application_exclusions_required',
      params: { field: 'exclusionsAccepted' },
    });
  }
  return issues;
}

function minutesOrNull(time: string): number | null {
  try {
    return timeToMinutes(time);
  } catch {
    return null;
  }
}

/** '14:00' + 120 → '16:00' (same day; the bounds above keep it before midnight). */
export function addMinutesToTime(time: string, minutes: number): string {
  const total = timeToMinutes(time) + minutes;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The application statuses, in the order staff work through them. */
export const APPLICATION_STATUSES = [
  'submitted',
  'changes_requested',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The applicant may edit (and so resubmit) only what staff sent back. */
export const canApplicantEdit = (s: ApplicationStatus) => s === 'changes_requested';
/** The applicant may withdraw while it is still being reviewed or sent back. */
export const canApplicantWithdraw = (s: ApplicationStatus) =>
  s === 'submitted' || s === 'changes_requested';
/** Staff ask for changes or approve only what is waiting for them. */
export const canStaffDecide = (s: ApplicationStatus) => s === 'submitted';
/** Staff may decline what waits for them or is still with the applicant. */
export const canStaffDecline = (s: ApplicationStatus) =>
  s === 'submitted' || s === 'changes_requested';
