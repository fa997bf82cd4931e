import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import { resolveResidentSession, resolveStaffSession, type ServiceContext } from '@seoro/services';
import type { ResidentIdentity, SessionHandle, StaffIdentity } from '@seoro/trpc';
import { forwardedByTrustedProxy, type TrustedProxyHops } from './forwarded';

/** The resident cookie's name without its prefix; over HTTPS it is `__Host-seoro_resident`. */
export const RESIDENT_COOKIE = 'seoro_resident';
/** The staff cookie's name without its prefix; over HTTPS it is `__Host-seoro_staff`. */
export const STAFF_COOKIE = 'seoro_staff';

export interface SessionCookieOptions {
  /** Reverse proxies in front whose X-Forwarded-Proto is believed (0: none). */
  trustProxy: TrustedProxyHops;
  /** The public origin, when a proxy rewrites the request (its scheme decides). */
  publicOrigin?: string | undefined;
}

/** What a session token stands for, as a kind of session resolves it. */
export type SessionLookup<Identity> =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; sessionId: string; identity: Identity };

/** A kind of session carried in its own cookie: its name and how a token is resolved. */
export interface SessionKind<Identity> {
  cookie: string;
  lookup(services: ServiceContext, token: string | null): Promise<SessionLookup<Identity>>;
}

/** One request's session of one kind: read from its cookie, changed by sign-in and sign-out. */
export interface SessionCookie<Identity> {
  /** Whether the cookie is `Secure` (and `__Host-`-prefixed): the request came over HTTPS. */
  readonly secure: boolean;
  /** Who is signed in, and the handle the tRPC context carries. One query per token. */
  resolve(services: ServiceContext): Promise<{ identity: Identity | null; handle: SessionHandle }>;
  /** The response with the cookie change, if any, as `Set-Cookie`. */
  apply(response: Response): Response;
}

/** True when the browser talks to us over HTTPS. */
export function isSecureRequest(c: Context, options: SessionCookieOptions): boolean {
  if (options.publicOrigin) return options.publicOrigin.startsWith('https:');
  const forwarded = forwardedByTrustedProxy(c.req.header('x-forwarded-proto'), options.trustProxy);
  return (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
}

/**
 * A session cookie for one request: HttpOnly, SameSite=Lax, Path=/, and over HTTPS Secure with
 * the `__Host-` prefix (which browsers only accept from a secure origin, for the whole host). On
 * plain HTTP (a test server on 127.0.0.1) it goes without the prefix and without Secure.
 *
 * Both the `/trpc` endpoint and SvelteKit's in-process calls share one of these per request, so a
 * sign-in made by a form action is seen by the page load that follows in the same request.
 */
export function sessionCookie<Identity>(
  c: Context,
  options: SessionCookieOptions,
  kind: SessionKind<Identity>,
): SessionCookie<Identity> {
  const secure = isSecureRequest(c, options);
  let token: string | null = getCookie(c, kind.cookie, secure ? 'host' : undefined) ?? null;
  let expired = false;
  let pending: string | null = null;
  let cached: { token: string | null; lookup: SessionLookup<Identity> } | null = null;

  const write = (value: string, maxAge: number) => {
    pending = generateCookie(kind.cookie, value, {
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
        cached = { token, lookup: await kind.lookup(services, token) };
        if (token && cached.lookup.state !== 'active') {
          // An ended or unknown session: the browser should stop sending it.
          if (cached.lookup.state === 'expired') expired = true;
          token = null;
          cached = { token, lookup: { state: 'none' } };
          write('', 0);
        }
      }
      const lookup = cached.lookup;
      const handle: SessionHandle = {
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
      return { identity: lookup.state === 'active' ? lookup.identity : null, handle };
    },
    apply(response) {
      if (pending === null) return response;
      const out = new Response(response.body, response);
      out.headers.append('Set-Cookie', pending);
      return out;
    },
  };
}

/** A resident who proved their phone number. */
export const residentSessionKind: SessionKind<ResidentIdentity> = {
  cookie: RESIDENT_COOKIE,
  async lookup(services, token) {
    const lookup = await resolveResidentSession(services, token);
    return lookup.state === 'active'
      ? { state: 'active', sessionId: lookup.sessionId, identity: { id: lookup.residentId } }
      : lookup;
  },
};

/** A staff member signed in with email and password. */
export const staffSessionKind: SessionKind<StaffIdentity> = {
  cookie: STAFF_COOKIE,
  async lookup(services, token) {
    const lookup = await resolveStaffSession(services, token);
    return lookup.state === 'active'
      ? { state: 'active', sessionId: lookup.sessionId, identity: lookup.staff }
      : lookup;
  },
};

/** Every session a request may carry, each in its own cookie. */
export interface RequestSessions {
  resident: SessionCookie<ResidentIdentity>;
  staff: SessionCookie<StaffIdentity>;
  /** The response with every cookie change. */
  apply(response: Response): Response;
}

/** The sessions of one request, shared by its `/trpc` call or all its in-process calls. */
export function requestSessions(c: Context, options: SessionCookieOptions): RequestSessions {
  const resident = sessionCookie(c, options, residentSessionKind);
  const staff = sessionCookie(c, options, staffSessionKind);
  return { resident, staff, apply: (response) => staff.apply(resident.apply(response)) };
}
