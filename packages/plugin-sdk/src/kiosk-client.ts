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

/** What went wrong with a kiosk call, as far as the person at the kiosk is concerned. */
export type KioskCallFailure =
  /**
   * The server refused with a sentence already in the kiosk's language (`message`), with the
   * domain code and the input field it is about, when there are.
   */
  | { kind: 'refused'; message: string; domainCode: string | null; field: string | null }
  /** No usable answer: offline, timed out, or a proxy page instead of JSON. */
  | { kind: 'network' }
  /** A server fault or a bug; its text is not for residents. */
  | { kind: 'unexpected' };

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  shape?: unknown;
  data?: { httpStatus?: unknown; domainCode?: unknown; field?: unknown } | null;
};

/**
 * Sorts whatever a kiosk call threw. Duck-typed on the shape of `TRPCClientError`, so it stays a
 * pure function that tests can feed plain objects.
 */
export function classifyKioskCallError(error: unknown): KioskCallFailure {
  if (typeof error !== 'object' || error === null) return { kind: 'unexpected' };
  const e = error as ErrorLike;
  const isTrpcClientError = e.name === 'TRPCClientError';
  // A tRPC error that carries no server shape never got a JSON answer from our server.
  if (isTrpcClientError && (e.shape === undefined || e.shape === null)) return { kind: 'network' };
  if (error instanceof TypeError || e.name === 'AbortError' || e.name === 'TimeoutError') {
    return { kind: 'network' };
  }
  if (!isTrpcClientError) return { kind: 'unexpected' };
  const domainCode = typeof e.data?.domainCode === 'string' ? e.data.domainCode : null;
  const field = typeof e.data?.field === 'string' ? e.data.field : null;
  const status = typeof e.data?.httpStatus === 'number' ? e.data.httpStatus : 500;
  const message = typeof e.message === 'string' ? e.message.trim() : '';
  // Domain refusals are written for residents; other 5xx messages may be technical.
  if (message !== '' && (domainCode !== null || status < 500)) {
    return { kind: 'refused', message, domainCode, field };
  }
  return { kind: 'unexpected' };
}
