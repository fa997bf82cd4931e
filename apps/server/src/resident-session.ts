import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import {
  resolveResidentSession,
  type ResidentSessionLookup,
  type ServiceContext,
} from '@seoro/services';
import type { ResidentIdentity, ResidentSessionHandle } from '@seoro/trpc';
import { forwardedByTrustedProxy, type TrustedProxyHops } from './forwarded';

/** The cookie's name without its prefix; over HTTPS it is `__Host-seoro_resident`. */
export const RESIDENT_COOKIE = 'seoro_resident';

export interface ResidentCookieOptions {
  /** Reverse proxies in front whose X-Forwarded-Proto is believed (0: none). */
  trustProxy: TrustedProxyHops;
  /** The public origin, when a proxy rewrites the request (its scheme decides). */
  publicOrigin?: string | undefined;
}

/** One request's resident session: read from its cookie, changed by sign-in and sign-out. */
export interface ResidentCookies {
  /** Whether the cookie is `Secure` (and `__Host-`-prefixed): the request came over HTTPS. */
  readonly secure: boolean;
  /** Who is signed in, and the handle the tRPC context carries. One query per token. */
  resolve(services: ServiceContext): Promise<{
    resident: ResidentIdentity | null;
    handle: ResidentSessionHandle;
  }>;
  /** The response with the cookie change, if any, as `Set-Cookie`. */
  apply(response: Response): Response;
}

/** True when the browser talks to us over HTTPS. */
export function isSecureRequest(c: Context, options: ResidentCookieOptions): boolean {
  if (options.publicOrigin) return options.publicOrigin.startsWith('https:');
  const forwarded = forwardedByTrustedProxy(c.req.header('x-forwarded-proto'), options.trustProxy);
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/**
 * The resident session cookie for one request: HttpOnly, SameSite=Lax, Path=/, and over HTTPS
 * Secure with the `__Host-` prefix (which browsers only accept from a secure origin, for the whole
 * host). On plain HTTP (a test server on 127.0.0.1) it is `seoro_resident`, without Secure.
 *
 * Both the `/trpc` endpoint and SvelteKit's in-process calls share one of these per request, so a
 * sign-in made by a form action is seen by the page load that follows in the same request.
 */
export function residentCookies(c: Context, options: ResidentCookieOptions): ResidentCookies {
  const secure = isSecureRequest(c, options);
  let token: string | null = getCookie(c, RESIDENT_COOKIE, secure ? 'host' : undefined) ?? null;
  let expired = false;
  let pending: string | null = null;
  let cached: { token: string | null; lookup: ResidentSessionLookup } | null = null;

  const write = (value: string, maxAge: number) => {
    pending = generateCookie(RESIDENT_COOKIE, value, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge,
      ...(secure ? { prefix: 'host' as const, secure: true } : {}),
    });
  };

  return {
    secure,
    async resolve(services) {
      if (cached?.token !== token) {
        cached = { token, lookup: await resolveResidentSession(services, token) };
        if (token && cached.lookup.state !== 'active') {
          // An ended or unknown session: the browser should stop sending it.
          if (cached.lookup.state === 'expired') expired = true;
          token = null;
          cached = { token, lookup: { state: 'none' } };
          write('', 0);
        }
      }
      const lookup = cached.lookup;
      const handle: ResidentSessionHandle = {
        id: lookup.state === 'active' ? lookup.sessionId : null,
        expired,
        start(session) {
          token = session.token;
          expired = false;
          const seconds = Math.floor(
            (session.expiresAt.getTime() - services.clock.now().getTime()) / 1000,
          );
          write(session.token, Math.max(0, seconds));
        },
        end() {
          token = null;
          write('', 0);
        },
      };
      return {
        resident: lookup.state === 'active' ? { id: lookup.residentId } : null,
        handle,
      };
    },
    apply(response) {
      if (pending === null) return response;
      const out = new Response(response.body, response);
      out.headers.append('Set-Cookie', pending);
      return out;
    },
  };
}
