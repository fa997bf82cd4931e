/**
 * Check-in when the network may be down: the screen's submit path, and the queue's sender that
 * the kiosk shell runs (`offline.flush`) at start-up, when the network returns and while items
 * wait.
 */
import { normalizeConfirmationCode } from '@seoro/domain';
import { m } from '@seoro/i18n';
import type { KioskScreenProps, Locale } from '@seoro/plugin-sdk';
import { createCheckinClient, type CheckInOutcome } from './api';
import { classifyCheckInError } from './errors';
import {
  createOfflineQueue,
  type OfflineQueue,
  type QueuedCheckIn,
  type SendOutcome,
} from './offline-queue';
import type { CheckInInput, CheckInMethod, CheckInResult } from './types';

/** The one call this file makes; the plugin's tRPC client is one. */
export interface CheckInCaller {
  checkin: { checkIn: { mutate: (input: CheckInInput) => Promise<CheckInResult> } };
}

/** The kiosk's one queue; IndexedDB is opened at its first use, never on import. */
export const checkinQueue: OfflineQueue = createOfflineQueue();

/** A random UUID (v4), also where `crypto.randomUUID` is missing (pages not served over HTTPS). */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The server's answer, or `saved`: the check-in is kept on this kiosk and sent later. */
export type CheckInAnswer = { kind: 'answer'; outcome: CheckInOutcome } | { kind: 'saved' };

/**
 * Checks in, or keeps the check-in when the server cannot be reached (the kiosk knows it is
 * offline, or the call got no answer). Never throws.
 *
 * A live call sends only the key: the server's clock is then the time. Should it get no answer,
 * the kept item carries the same key and the tap's time, so whether or not the first call
 * arrived, the server writes one row.
 */
export async function checkInOrKeep(
  options: {
    client: CheckInCaller;
    queue?: OfflineQueue;
    online: boolean;
    locale: Locale;
    now?: () => Date;
  },
  text: string,
  method: CheckInMethod,
): Promise<CheckInAnswer> {
  const { client, online, locale } = options;
  const queue = options.queue ?? checkinQueue;
  const key = newClientKey();
  const takenAt = (options.now?.() ?? new Date()).toISOString();
  if (online) {
    try {
      const result = await client.checkin.checkIn.mutate({ code: text, method, clientKey: key });
      return { kind: 'answer', outcome: { ok: true, result } };
    } catch (error) {
      const failure = classifyCheckInError(error);
      if (failure.kind !== 'network') {
        console.error('checkin.checkIn failed', error);
        return { kind: 'answer', outcome: { ok: false, failure } };
      }
    }
  }
  const code = normalizeConfirmationCode(text);
  if (!code) {
    // What the server would say, said here: a code that cannot be one is not worth keeping.
    const message = m.err_code_invalid({}, { locale });
    return {
      kind: 'answer',
      outcome: { ok: false, failure: { kind: 'refused', message, domainCode: 'code_invalid' } },
    };
  }
  try {
    await queue.add({ key, code, method, takenAt });
    return { kind: 'saved' };
  } catch (error) {
    // No storage either (private mode, a full disk): the person has to try again later.
    console.error('keeping the check-in failed', error);
    return { kind: 'answer', outcome: { ok: false, failure: { kind: 'network' } } };
  }
}

/** Domain refusals that a later send could turn around: too many calls, for one. */
const TRANSIENT_REFUSALS: ReadonlySet<string> = new Set(['rate_limited']);

type ErrorData = { data?: { httpStatus?: unknown; domainCode?: unknown } | null };

/** What one queued item's send came to, for the queue. */
export function outcomeOfError(error: unknown): { outcome: SendOutcome; reason: string | null } {
  const failure = classifyCheckInError(error);
  if (failure.kind === 'refused' && failure.domainCode !== null) {
    return TRANSIENT_REFUSALS.has(failure.domainCode)
      ? { outcome: 'retry', reason: failure.domainCode }
      : { outcome: 'refused', reason: failure.domainCode };
  }
  // An input the server will never take (400): sending it again cannot help.
  const status = (error as ErrorData | null)?.data?.httpStatus;
  if (failure.kind === 'refused' && status === 400) return { outcome: 'refused', reason: null };
  // No answer, a server fault, or the kiosk's pairing refused (401): keep it and try later.
  return { outcome: 'retry', reason: null };
}

/** Sends one kept check-in with its key and the time of its tap. */
export async function sendQueued(
  client: CheckInCaller,
  item: QueuedCheckIn,
): Promise<{ outcome: SendOutcome; reason: string | null }> {
  try {
    await client.checkin.checkIn.mutate({
      code: item.code,
      method: item.method,
      clientKey: item.key,
      takenAt: item.takenAt,
      queued: true,
    });
    return { outcome: 'sent', reason: null };
  } catch (error) {
    return outcomeOfError(error);
  }
}

/** The plugin's `offline` part for the kiosk shell. */
export function offlinePart(queue: OfflineQueue = checkinQueue) {
  return {
    pending: () => queue.pending().catch(() => 0),
    async flush(calls: Pick<KioskScreenProps, 'trpcUrl' | 'headers'>) {
      const client = createCheckinClient(calls);
      await queue.flush((item) => sendQueued(client, item));
    },
  };
}
