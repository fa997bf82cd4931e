/** The signup plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';
import { classifySignupError, type SignupFailure } from './errors';
import type { CoursesResult, SignupResult, SignupRouter } from './types';

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

/** A typed client for `signup.*`; `headers()` is read on every call, so the language follows. */
export function createSignupClient(options: ClientOptions) {
  return createKioskClient<SignupRouter>(options);
}

export type SignupClient = ReturnType<typeof createSignupClient>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: SignupFailure };

/** The courses open on site; never throws. */
export async function loadCourses(client: SignupClient): Promise<Outcome<CoursesResult>> {
  try {
    return { ok: true, value: await client.signup.courses.query() };
  } catch (error) {
    console.error('signup.courses failed', error);
    return { ok: false, failure: classifySignupError(error) };
  }
}

export interface SignupRequest {
  courseId: string;
  name: string;
  phone: string;
  consent: boolean;
  idempotencyKey: string;
}

/** Signs up; never throws, so the screen always has something kind to show. */
export async function submitSignup(
  client: SignupClient,
  request: SignupRequest,
): Promise<Outcome<SignupResult>> {
  try {
    return { ok: true, value: await client.signup.register.mutate(request) };
  } catch (error) {
    // Logged for staff with the cause; residents see a sentence, never this.
    console.error('signup.register failed', error);
    return { ok: false, failure: classifySignupError(error) };
  }
}
