/** The notices plugin's own tRPC client, built from what the kiosk shell hands its screens. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import type { CurrentResult, NoticesRouter } from './types';

/** A kiosk never waits long on a notice: give up after this long and try at the next refresh. */
export const REQUEST_TIMEOUT_MS = 10_000;

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/** A typed client for `notices.*`; `headers()` (device token, locale) is read on every call. */
export function createNoticesClient({ trpcUrl, headers }: ClientOptions) {
  return createTRPCClient<NoticesRouter>({
    links: [httpBatchLink({ url: trpcUrl, headers: () => headers(), fetch: fetchWithTimeout })],
  });
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
