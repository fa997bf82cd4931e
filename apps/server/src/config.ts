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
  /** Trust X-Forwarded-For from a reverse proxy (TRUST_PROXY, default false). */
  trustProxy: boolean;
  /** The public origin, when behind a proxy that rewrites Host (PUBLIC_ORIGIN). */
  publicOrigin: string | undefined;
  /** Built SvelteKit app (WEB_BUILD_DIR) and kiosk SPA (KIOSK_DIST_DIR). */
  webBuildDir: string;
  kioskDistDir: string;
  /** Milliseconds to let requests in flight finish on SIGTERM (SHUTDOWN_GRACE_MS, default 10000). */
  shutdownGraceMs: number;
}

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : /^(1|true|yes|on)$/i.test(value);

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
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || 'file:./data/seoroseoro.db',
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    seedDemo: bool(env.SEED_DEMO, true),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: bool(env.TRUST_PROXY, false),
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    webBuildDir: env.WEB_BUILD_DIR || paths.webBuildDir,
    kioskDistDir: env.KIOSK_DIST_DIR || paths.kioskDistDir,
    shutdownGraceMs: grace,
  };
}
