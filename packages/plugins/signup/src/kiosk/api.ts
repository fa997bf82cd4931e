/** The signup plugin's own tRPC client, built from what the kiosk shell hands its screen. */
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { classifySignupError, type SignupFailure } from './errors';
import type { CoursesResult, SignupResult, SignupRouter } from './types';

/** A kiosk must never hang on a spinner: give up and say so after this long. */
export const REQUEST_TIMEOUT_MS = 10_000;

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/** A typed client for `signup.*`; `headers()` is read on every call, so the language follows. */
export function createSignupClient({ trpcUrl, headers }: ClientOptions) {
  return createTRPCClient<SignupRouter>({
    links: [httpBatchLink({ url: trpcUrl, headers: () => headers(), fetch: fetchWithTimeout })],
  });
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
