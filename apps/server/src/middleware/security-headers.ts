import type { MiddlewareHandler } from 'hono';

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
 * Security headers on every response: nosniff, no framing, a strict referrer policy and a CSP
 * unless the response brought its own (two CSP headers would both apply and break SvelteKit's).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const csp = options.contentSecurityPolicy ?? DEFAULT_CSP;
  const referrer = options.referrerPolicy ?? 'strict-origin-when-cross-origin';
  const hsts = options.strictTransportSecurity ?? 'max-age=31536000; includeSubDomains';
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', referrer);
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', csp);
    else if (!/frame-ancestors/.test(h.get('Content-Security-Policy')!)) {
      h.set(
        'Content-Security-Policy',
        `${h.get('Content-Security-Policy')}; frame-ancestors 'none'`,
      );
    }
    const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '');
    if (proto === 'https') h.set('Strict-Transport-Security', hsts);
  };
}
