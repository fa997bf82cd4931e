import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

export interface RequestLogOptions {
  logger: Logger;
  /** Paths not logged on success (health checks every few seconds). */
  quietPaths?: string[];
}

/** Confirmation codes are secrets; they never reach the log. */
const CODE_SEGMENT = /(?<=\/)[0-9A-Za-z]{4}-[0-9A-Za-z]{4}(?=\/|$)/g;
const REGISTRATION_PAGE = /(?<=\/registrations\/)[^/]+/;
export const redactPath = (path: string) =>
  path.replace(REGISTRATION_PAGE, ':code').replace(CODE_SEGMENT, ':code');

/**
 * One structured log line per request (method, path, status, duration, request id), and an
 * `X-Request-Id` on the response so a resident's problem can be found in the log.
 */
export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  const quiet = new Set(options.quietPaths ?? ['/healthz']);
  return async function requestLogMiddleware(c, next) {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const status = c.res.status;
    const path = redactPath(new URL(c.req.url).pathname);
    if (status < 400 && quiet.has(path)) return;
    const line = {
      requestId,
      method: c.req.method,
      path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) options.logger.error(line, 'request failed');
    else options.logger.info(line, 'request');
  };
}
