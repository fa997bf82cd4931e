/**
 * The one way kiosk code talks to the server: a typed tRPC client over the shell's URL and
 * headers (device token, locale — read on every call, so a language switch or a new pairing applies
 * at once), and a time limit, because a kiosk must never hang on a spinner.
 */
import { createTRPCClient, httpBatchLink, httpLink, type TRPCClient } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import type { KioskScreenProps } from './index';

/** How long a kiosk call may take before the screen gives up and says so. */
export const KIOSK_REQUEST_TIMEOUT_MS = 10_000;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(KIOSK_REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/**
 * A client for `Router`. Calls made together are batched into one request unless `batch` is
 * false (a plugin whose every call carries a secret in its body, one call per request).
 */
export function createKioskClient<Router extends AnyTRPCRouter>(
  { trpcUrl, headers }: Pick<KioskScreenProps, 'trpcUrl' | 'headers'>,
  { batch = true }: { batch?: boolean } = {},
): TRPCClient<Router> {
  const link = (batch ? httpBatchLink : httpLink)({
    url: trpcUrl,
    headers: () => headers(),
    fetch: fetchWithTimeout,
  });
  return createTRPCClient<Router>({ links: [link] });
}
