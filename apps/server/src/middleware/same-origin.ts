import type { MiddlewareHandler } from 'hono';

export interface SameOriginOptions {
  /** The origin browsers use for this site; defaults to the request URL's origin. */
  origin?: string;
}

/**
 * tRPC mutations accepted only as same-origin `application/json`. Browsers send `Origin` (and
 * `Sec-Fetch-Site`) on every cross-site POST and cannot send JSON from a plain form, so this shuts
 * out cross-site request forgery without tokens. Queries (GET) change nothing and pass.
 *
 * Hono's `csrf()` does not replace this: it only checks form-shaped bodies (urlencoded, multipart,
 * text/plain), which this refuses outright, and lets every JSON request through unchecked.
 */
export function sameOriginMutations(options: SameOriginOptions = {}): MiddlewareHandler {
  return async function sameOriginMutationsMiddleware(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') {
      return next();
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      return c.json({ error: { message: 'Mutations must be sent as application/json' } }, 415);
    }
    const expected = options.origin ?? new URL(c.req.url).origin;
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== expected) || (site && site !== 'same-origin' && site !== 'none')) {
      return c.json({ error: { message: 'Cross-origin requests are not allowed' } }, 403);
    }
    return next();
  };
}
