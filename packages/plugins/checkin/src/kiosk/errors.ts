/** Turns whatever a check-in call threw into what the resident should read. */
import { classifyKioskCallError } from '@seoro/plugin-sdk/kiosk-client';

/** What went wrong, as far as the resident is concerned. */
export type CheckInFailure =
  /** The server refused with a sentence already in the kiosk's language (contract: `error.message`). */
  | { kind: 'refused'; message: string; domainCode: string | null }
  /** No usable answer: offline, timed out, or a proxy page instead of JSON. */
  | { kind: 'network' }
  /** A server fault or a bug; its text is not for residents. */
  | { kind: 'unexpected' };

export function classifyCheckInError(error: unknown): CheckInFailure {
  const failure = classifyKioskCallError(error);
  return failure.kind === 'refused'
    ? { kind: 'refused', message: failure.message, domainCode: failure.domainCode }
    : failure;
}
