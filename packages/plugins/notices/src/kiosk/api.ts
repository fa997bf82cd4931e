/** The notices plugin's own tRPC client, built from what the kiosk shell hands its screens. */
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';
import type { CurrentResult, NoticesRouter } from './types';

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

/** A typed client for `notices.*`; `headers()` (device token, locale) is read on every call. */
export function createNoticesClient(options: ClientOptions) {
  return createKioskClient<NoticesRouter>(options);
}

/** Today's notices, or null when they could not be fetched (logged; the screen says so). */
export async function fetchCurrentNotices(options: ClientOptions): Promise<CurrentResult | null> {
  try {
    return await createNoticesClient(options).notices.current.query();
  } catch (error) {
    console.error('notices.current failed', error);
    return null;
  }
}
