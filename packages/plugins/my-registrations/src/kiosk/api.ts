/** The plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';
import { classifyError, type CallFailure } from './errors';
import type { MyRegistrationsRouter } from './types';

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

/**
 * A typed client for `myRegistrations.*`; `headers()` is read on every call, so a language switch
 * applies at once. Every procedure is a mutation, so every call is a POST with its input (and the
 * session token) in the body.
 */
export function createMyRegistrationsClient(options: ClientOptions) {
  return createKioskClient<MyRegistrationsRouter>(options, { batch: false });
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
