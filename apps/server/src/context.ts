import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Locale } from '@seoro/domain';
import type { ServiceContext } from '@seoro/services';
import { resolveKioskToken } from '@seoro/services';
import type { RateLimiter, TrpcContext } from '@seoro/trpc';
import { forwardedByTrustedProxy, type TrustedProxyHops } from './forwarded';
import type { RequestSessions } from './session-cookies';

export interface ContextDeps {
  services: ServiceContext;
  rateLimiter: RateLimiter;
  /** Reverse proxies in front whose `X-Forwarded-*` entries are believed (0: none). */
  trustProxy: TrustedProxyHops;
}

/** The caller's language: explicit header, then the site's locale cookie, then the browser's. */
export function requestLocale(c: Context): Locale {
  const explicit = c.req.header('x-seoro-locale');
  if (explicit === 'ko' || explicit === 'en') return explicit;
  const cookie = /(?:^|;\s*)PARAGLIDE_LOCALE=(ko|en)\b/.exec(c.req.header('cookie') ?? '');
  if (cookie) return cookie[1] as Locale;
  const accept = c.req.header('accept-language') ?? '';
  return /^\s*en\b/i.test(accept) ? 'en' : 'ko';
}

/**
 * The client's address: with `trustProxy` proxies in front, the X-Forwarded-For entry the outermost
 * of them wrote (never one the client wrote itself); otherwise the connection's peer.
 */
export function clientAddress(c: Context, trustProxy: TrustedProxyHops): string {
  const forwarded = forwardedByTrustedProxy(c.req.header('x-forwarded-for'), trustProxy);
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1';
  }
}

/**
 * Builds the tRPC context for one request (HTTP or in-process from SvelteKit). With the request's
 * session cookies, the signed-in resident and staff member are looked up (one indexed read per
 * cookie present) and the context carries the handles that sign in and out. A kiosk's device
 * token (its header) is looked up the same way, on every call, so a revoked kiosk is refused at
 * once.
 */
export async function createTrpcContext(
  deps: ContextDeps,
  request: {
    locale: Locale;
    ip: string | null;
    requestId: string;
    sessions?: RequestSessions;
    kioskToken?: string | null;
  },
): Promise<TrpcContext> {
  const [resident, staff, kiosk] = await Promise.all([
    request.sessions?.resident.resolve(deps.services) ?? null,
    request.sessions?.staff.resolve(deps.services) ?? null,
    request.kioskToken ? resolveKioskToken(deps.services, request.kioskToken) : null,
  ]);
  return {
    services: deps.services,
    rateLimiter: deps.rateLimiter,
    locale: request.locale,
    ip: request.ip,
    requestId: request.requestId,
    staff: staff?.identity ?? null,
    kiosk: kiosk
      ? {
          id: kiosk.id,
          name: kiosk.name,
          roomId: kiosk.roomId,
          enabledPlugins: kiosk.enabledPlugins,
        }
      : null,
    resident: resident?.identity ?? null,
    ...(resident ? { residentSession: resident.handle } : {}),
    ...(staff ? { staffSession: staff.handle } : {}),
  };
}
