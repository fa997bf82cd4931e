import { notificationSettingsFromEnv, type NotificationSettings } from '@seoro/services';

/** Configuration from environment variables, with defaults that run the product out of the box. */
export interface Config {
  /** TCP port (PORT, default 3000). */
  port: number;
  /** Interface to listen on (HOST, default 127.0.0.1; 0.0.0.0 to serve kiosks on the LAN). */
  host: string;
  /** libSQL URL (DATABASE_URL, default an embedded file under ./data). */
  databaseUrl: string;
  /** Token for a remote libSQL server (DATABASE_AUTH_TOKEN). */
  databaseAuthToken: string | undefined;
  /** Fill an empty database with the demo terms (SEED_DEMO, default true). */
  seedDemo: boolean;
  /** pino level (LOG_LEVEL, default info). */
  logLevel: string;
  /**
   * Reverse proxies in front of the server (TRUST_PROXY, default 0): X-Forwarded-For and
   * X-Forwarded-Proto are believed that many entries from the right, and not at all with 0.
   */
  trustProxy: number;
  /** The public origin, when behind a proxy that rewrites Host (PUBLIC_ORIGIN). */
  publicOrigin: string | undefined;
  /** Built SvelteKit app (WEB_BUILD_DIR) and kiosk SPA (KIOSK_DIST_DIR). */
  webBuildDir: string;
  kioskDistDir: string;
  /**
   * Keep the rendered public pages (and catalogue answers) in memory between writes (PAGE_CACHE,
   * default true); off, every page is rendered anew (they still carry ETags for browsers and
   * proxies).
   */
  pageCache: boolean;
  /**
   * Keep the catalogue's and courses' data in memory between writes (READ_CACHE, default true);
   * off, every render reads the database.
   */
  readCache: boolean;
  /** Milliseconds to let requests in flight finish on SIGTERM (SHUTDOWN_GRACE_MS, default 10000). */
  shutdownGraceMs: number;
  /** Where notifications go (NOTIFY_*, SMTP_*), checked here so a bad setting stops the start. */
  notifications: NotificationSettings;
}

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : /^(1|true|yes|on)$/i.test(value);

/** More proxies than this in front of one server is a typo (an address, a port), not a setup. */
const MAX_PROXY_HOPS = 10;

/** TRUST_PROXY as a number of proxy hops; `true`/`false` (the old switch) mean 1 and 0. */
function trustProxyHops(value: string | undefined): number {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || /^(false|no|off)$/.test(text)) return 0;
  if (/^(true|yes|on)$/.test(text)) return 1;
  if (/^\d+$/.test(text) && Number(text) <= MAX_PROXY_HOPS) return Number(text);
  throw new Error(
    `TRUST_PROXY must be the number of reverse proxies in front of the server (0 to ${MAX_PROXY_HOPS}; "true" means 1, "false" 0), got "${value}"`,
  );
}

/** Reads and validates the configuration; throws a readable error on a bad value. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  paths: { webBuildDir: string; kioskDistDir: string },
): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const grace = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
  if (!Number.isFinite(grace) || grace < 0) {
    throw new Error(
      `SHUTDOWN_GRACE_MS must be a number of milliseconds, got "${env.SHUTDOWN_GRACE_MS}"`,
    );
  }
  const host = env.HOST || '127.0.0.1';
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || 'file:./data/seoroseoro.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    seedDemo: bool(env.SEED_DEMO, true),
    pageCache: bool(env.PAGE_CACHE, true),
    readCache: bool(env.READ_CACHE, true),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: trustProxyHops(env.TRUST_PROXY),
    publicOrigin,
    webBuildDir: env.WEB_BUILD_DIR || paths.webBuildDir,
    kioskDistDir: env.KIOSK_DIST_DIR || paths.kioskDistDir,
    shutdownGraceMs: grace,
    notifications: {
      ...notificationSettingsFromEnv(env),
      // Links in texts point here: the public origin, or this server's own address.
      siteOrigin: publicOrigin ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    },
  };
}
