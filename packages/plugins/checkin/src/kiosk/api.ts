/** The check-in plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { classifyCheckInError, type CheckInFailure } from './errors';
import type { CheckInMethod, CheckInResult, CheckinRouter } from './types';

/** A kiosk must never hang on a spinner: give up and say so after this long. */
export const REQUEST_TIMEOUT_MS = 10_000;

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/** A typed client for `checkin.*`; `headers()` is read on every call, so a language switch applies at once. */
export function createCheckinClient({ trpcUrl, headers }: ClientOptions) {
  return createTRPCClient<CheckinRouter>({
    links: [httpBatchLink({ url: trpcUrl, headers: () => headers(), fetch: fetchWithTimeout })],
  });
}

export type CheckinClient = ReturnType<typeof createCheckinClient>;

export type CheckInOutcome =
  { ok: true; result: CheckInResult } | { ok: false; failure: CheckInFailure };

/** Checks a resident in; never throws, so the screen always has something kind to show. */
export async function submitCheckIn(
  client: CheckinClient,
  code: string,
  method: CheckInMethod,
): Promise<CheckInOutcome> {
  try {
    return { ok: true, result: await client.checkin.checkIn.mutate({ code, method }) };
  } catch (error) {
    // Logged for staff with the cause; residents see a sentence, never this.
    console.error('checkin.checkIn failed', error);
    return { ok: false, failure: classifyCheckInError(error) };
  }
}
