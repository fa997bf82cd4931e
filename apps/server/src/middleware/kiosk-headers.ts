import type { MiddlewareHandler } from 'hono';
import { DEFAULT_CSP } from './security-headers';

/**
 * The kiosk reads QR codes with its own camera, through a WebAssembly reader it serves itself.
 * So its pages (and only those) may use the camera on this origin and compile WebAssembly; all
 * else stays as strict as everywhere. Registered before `securityHeaders`, so it runs after it on
 * the way out and its two headers are the last word.
 */
export function kioskHeaders(): MiddlewareHandler {
  const csp = DEFAULT_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
  return async function kioskHeadersMiddleware(c, next) {
    await next();
    c.res.headers.set(
      'Permissions-Policy',
      'camera=(self), microphone=(), geolocation=(), payment=()',
    );
    c.res.headers.set('Content-Security-Policy', csp);
  };
}
