/**
 * Turns whatever a signup call threw into what the person at the kiosk should read, and the step
 * the refusal concerns.
 */
import { classifyKioskCallError } from '@seoro/plugin-sdk/kiosk-client';
import type { Step } from './types';

export type SignupFailure =
  /** The server refused with a sentence already in the kiosk's language (`error.message`). */
  | { kind: 'refused'; message: string; domainCode: string | null; step: Step }
  /** No usable answer: offline, timed out, or a page that is not ours. */
  | { kind: 'network' }
  /** A server fault or a bug; its text is not for residents. */
  | { kind: 'unexpected' };

/** Refusals about the course (its seats, its window, a place already held) go back to the list. */
const COURSE_CODES = new Set([
  'course_not_found',
  'course_full',
  'course_cancelled',
  'already_registered',
  'onsite_not_open',
  'onsite_closed',
  'registration_not_open',
  'registration_closed',
]);

/** The step a refusal is shown on: where the person can do something about it. */
export function stepForRefusal(domainCode: string | null, field: string | null): Step {
  if (domainCode === 'invalid_name' || field === 'name') return 'name';
  if (
    domainCode === 'invalid_phone' ||
    domainCode === 'not_mobile_phone' ||
    domainCode === 'rate_limited' ||
    field === 'phone'
  ) {
    return 'phone';
  }
  if (domainCode === 'consent_required' || field === 'consent') return 'consent';
  if (domainCode !== null && COURSE_CODES.has(domainCode)) return 'course';
  // The term limit, the no-show bar and anything else: said on the last step, before anything.
  return 'confirm';
}

export function classifySignupError(error: unknown): SignupFailure {
  const failure = classifyKioskCallError(error);
  if (failure.kind !== 'refused') return failure;
  const { message, domainCode, field } = failure;
  return { kind: 'refused', message, domainCode, step: stepForRefusal(domainCode, field) };
}
