import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export interface SecurityHeadersOptions {
  /** CSP for responses that do not set their own (SvelteKit sets one with hashes for its pages). */
  contentSecurityPolicy?: string;
  referrerPolicy?: string;
  /** Sent only when the request came over HTTPS (or a proxy said so). */
  strictTransportSecurity?: string;
}

export const DEFAULT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response, through Hono's `secureHeaders`: nosniff, no framing, a
 * strict referrer policy, same-origin opener and resource policies, no powerful features. Two
 * things it cannot say are added here: the CSP only when the response brought none (two CSP
 * headers would both apply and break SvelteKit's hashes), with `frame-ancestors` added to one
 * that lacks it, and HSTS only over HTTPS (over plain HTTP a browser ignores it, and a proxy in
 * front says which one it was).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const csp = options.contentSecurityPolicy ?? DEFAULT_CSP;
  const hsts = options.strictTransportSecurity ?? 'max-age=31536000; includeSubDomains';
  const headers = secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: options.referrerPolicy ?? 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
  return async function securityHeadersMiddleware(c, next) {
    await headers(c, next);
    const h = c.res.headers;
    const own = h.get('Content-Security-Policy');
    if (own === null) h.set('Content-Security-Policy', csp);
    else if (!/frame-ancestors/.test(own)) {
      h.set('Content-Security-Policy', `${own}; frame-ancestors 'none'`);
    }
    const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '');
    if (proto === 'https') h.set('Strict-Transport-Security', hsts);
  };
}
