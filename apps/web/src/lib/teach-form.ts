import {
  checkTeachProposal,
  type TeachProposal,
  type TeachProposalField,
  type TeachProposalIssue,
} from '@seoro/domain';

/** The form's fields as typed, to show back after a refusal. */
export interface TeachFormValues {
  applicantName: string;
  title: string;
  description: string;
  teaches: string;
  experience: string;
  meetingCount: string;
  /** '' = any day, else '0'…'6'. */
  preferredWeekday: string;
  /** '' = any time, else 'HH:MM'. */
  preferredStartTime: string;
  durationMinutes: string;
  materialsFeeWon: string;
  capacity: string;
  yongsanConfirmed: boolean;
  exclusionsAccepted: boolean;
}

/** An empty form: the program's usual class (6 meetings of 2 hours, 10 learners, no fee). */
export const EMPTY_TEACH_FORM: TeachFormValues = {
  applicantName: '',
  title: '',
  description: '',
  teaches: '',
  experience: '',
  meetingCount: '6',
  preferredWeekday: '',
  preferredStartTime: '',
  durationMinutes: '120',
  materialsFeeWon: '0',
  capacity: '10',
  yongsanConfirmed: false,
  exclusionsAccepted: false,
};

const TEXT_LIMIT = 4000;

/** Reads the posted form (a missing or odd value reads as one the checks will name). */
export function teachFormValues(form: FormData): TeachFormValues {
  const text = (name: string) => String(form.get(name) ?? '').slice(0, TEXT_LIMIT);
  return {
    applicantName: text('applicantName'),
    title: text('title'),
    description: text('description'),
    teaches: text('teaches'),
    experience: text('experience'),
    meetingCount: text('meetingCount').trim(),
    preferredWeekday: text('preferredWeekday').trim(),
    preferredStartTime: text('preferredStartTime').trim(),
    durationMinutes: text('durationMinutes').trim(),
    materialsFeeWon: text('materialsFeeWon').trim(),
    capacity: text('capacity').trim(),
    yongsanConfirmed: form.get('yongsanConfirmed') === 'on',
    exclusionsAccepted: form.get('exclusionsAccepted') === 'on',
  };
}

/** Digits (commas and 원 allowed, as people write money) to a whole number; else NaN. */
function whole(value: string): number {
  const plain = value.replace(/[,\s원₩]/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The proposal the values describe; numbers that are not numbers fail their field's check. */
export function teachProposalOf(v: TeachFormValues): TeachProposal {
  return {
    applicantName: v.applicantName.trim(),
    title: v.title.trim(),
    description: v.description.trim(),
    teaches: v.teaches.trim(),
    experience: v.experience.trim(),
    meetingCount: whole(v.meetingCount),
    preferredWeekday: v.preferredWeekday === '' ? null : whole(v.preferredWeekday),
    preferredStartTime: v.preferredStartTime === '' ? null : v.preferredStartTime,
    durationMinutes: whole(v.durationMinutes),
    materialsFeeWon: whole(v.materialsFeeWon),
    capacity: whole(v.capacity),
    yongsanConfirmed: v.yongsanConfirmed,
    exclusionsAccepted: v.exclusionsAccepted,
  };
}

/** The values a saved proposal shows in the form, to edit it. */
export function teachFormOf(p: TeachProposal): TeachFormValues {
  return {
    applicantName: p.applicantName,
    title: p.title,
    description: p.description,
    teaches: p.teaches,
    experience: p.experience,
    meetingCount: String(p.meetingCount),
    preferredWeekday: p.preferredWeekday === null ? '' : String(p.preferredWeekday),
    preferredStartTime: p.preferredStartTime ?? '',
    durationMinutes: String(p.durationMinutes),
    materialsFeeWon: String(p.materialsFeeWon),
    capacity: String(p.capacity),
    yongsanConfirmed: p.yongsanConfirmed,
    exclusionsAccepted: p.exclusionsAccepted,
  };
}

/** Every issue of the form's proposal, by field (the first per field). */
export function teachFormIssues(
  v: TeachFormValues,
): Partial<Record<TeachProposalField, TeachProposalIssue>> {
  const out: Partial<Record<TeachProposalField, TeachProposalIssue>> = {};
  for (const issue of checkTeachProposal(teachProposalOf(v))) out[issue.field] ??= issue;
  return out;
}
