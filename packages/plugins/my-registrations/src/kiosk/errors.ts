/**
 * Turns whatever a call threw into what the resident should read. Duck-typed on the shape of
 * `TRPCClientError` so it stays a pure, testable function.
 */

/** What went wrong, as far as the resident is concerned. */
export type CallFailure =
  /** The server refused with a sentence already in the kiosk's language (`error.message`). */
  | { kind: 'refused'; message: string; domainCode: string | null }
  /** The kiosk session ended (idle, explicit end, or unknown): start again from the phone. */
  | { kind: 'session'; message: string }
  /** No usable answer: offline, timed out, or a proxy page instead of JSON. */
  | { kind: 'network' }
  /** A server fault or a bug; its text is not for residents. */
  | { kind: 'unexpected' };

type ErrorLike = {
  name?: unknown;
  message?: unknown;
  shape?: unknown;
  data?: { httpStatus?: unknown; domainCode?: unknown } | null;
};

export function classifyError(error: unknown): CallFailure {
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
  const status = typeof e.data?.httpStatus === 'number' ? e.data.httpStatus : 500;
  const message = typeof e.message === 'string' ? e.message.trim() : '';
  if (domainCode === 'session_expired' && message !== '') return { kind: 'session', message };
  // Domain refusals are written for residents; other 5xx messages may be technical.
  if (message !== '' && (domainCode !== null || status < 500)) {
    return { kind: 'refused', message, domainCode };
  }
  return { kind: 'unexpected' };
}
