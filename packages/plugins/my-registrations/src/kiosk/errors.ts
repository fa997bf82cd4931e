/** Turns whatever a call threw into what the resident should read. */
import { classifyKioskCallError } from '@seoro/plugin-sdk/kiosk-client';

/** What went wrong, as far as the resident is concerned. */
export type CallFailure =
  /** The server refused with a sentence already in the kiosk's language (`error.message`). */
  | { kind: 'refused'; message: string; domainCode: string | null }
  /** The kiosk session ended (idle, explicit end, or unknown): start again from the phone. */
  | { kind: 'session'; message: string }
  /** No usable answer: offline, timed out, or a proxy page instead of JSON. */
  | { kind: 'network' }
  /** A server fault or a bug; its text is not for residents. */
  | { kind: 'unexpected' };

export function classifyError(error: unknown): CallFailure {
  const failure = classifyKioskCallError(error);
  if (failure.kind !== 'refused') return failure;
  const { message, domainCode } = failure;
  return domainCode === 'session_expired'
    ? { kind: 'session', message }
    : { kind: 'refused', message, domainCode };
}
