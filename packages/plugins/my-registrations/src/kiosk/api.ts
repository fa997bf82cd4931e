/** The plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { classifyError, type CallFailure } from './errors';
import type { MyRegistrationsRouter } from './types';

/** A kiosk must never hang on a spinner: give up and say so after this long. */
export const REQUEST_TIMEOUT_MS = 10_000;

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/**
 * A typed client for `myRegistrations.*`; `headers()` is read on every call, so a language switch
 * applies at once. Every procedure is a mutation, so every call is a POST with its input (and the
 * session token) in the body.
 */
export function createMyRegistrationsClient({ trpcUrl, headers }: ClientOptions) {
  return createTRPCClient<MyRegistrationsRouter>({
    links: [httpLink({ url: trpcUrl, headers: () => headers(), fetch: fetchWithTimeout })],
  });
}

export type MyRegistrationsClient = ReturnType<typeof createMyRegistrationsClient>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: CallFailure };

/** Runs one call; never throws, so the screen always has something kind to show. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    // Logged for staff with the cause; residents see a sentence, never this.
    console.error(`myRegistrations.${what} failed`, error);
    return { ok: false, failure: classifyError(error) };
  }
}
