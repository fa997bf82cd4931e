/** The check-in plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';
import { classifyCheckInError, type CheckInFailure } from './errors';
import type { CheckInMethod, CheckInResult, CheckinRouter } from './types';

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

/** A typed client for `checkin.*`; `headers()` is read on every call, so a language switch applies at once. */
export function createCheckinClient(options: ClientOptions) {
  return createKioskClient<CheckinRouter>(options);
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
