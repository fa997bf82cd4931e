import { Hono, type Context } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Logger } from 'pino';
import { appRouter, createRateLimiter, type AppRouter } from '@seoro/api';
import type { Database } from '@seoro/db';
import type { Locale } from '@seoro/domain';
import type { ServiceContext } from '@seoro/services';
import { KIOSK_TOKEN_HEADER } from '@seoro/trpc';
import { clientAddress, createTrpcContext, requestLocale, type ContextDeps } from './context';
import type { TrustedProxyHops } from './forwarded';
import { requestLog } from './middleware/request-log';
import { sameOriginMutations } from './middleware/same-origin';
import { requestSessions } from './session-cookies';
import { DEFAULT_CSP, securityHeaders } from './middleware/security-headers';
import { kioskHeaders } from './middleware/kiosk-headers';
import { urlLength } from './middleware/url-length';
import type { KitHandlers } from './sveltekit';
import { createPublicCache, isPublicPageRequest, isPublicQueryRequest } from './public-cache';
import { inProcessLink } from './in-process-link';

export interface AppDeps {
  database: Database;
  services: ServiceContext;
  logger: Logger;
  /** Reverse proxies in front whose `X-Forwarded-*` entries are believed (default 0: none). */
  trustProxy?: TrustedProxyHops;
  publicOrigin?: string;
  /** The SvelteKit site; without it only the API and the kiosk are served. */
  kit?: KitHandlers;
  /** The built kiosk SPA folder. */
  kioskDir?: string;
  /**
   * Keep public answers (home and course pages, the catalogue queries) for visitors with no
   * session in memory until the data changes (PAGE_CACHE, default true). Off, they are still
   * tagged (ETag) and marked cacheable for browsers and proxies.
   */
  pageCache?: boolean;
}

/**
 * The one HTTP application: `/healthz`, `/trpc`, the kiosk under `/kiosk`, and SvelteKit for
 * everything else.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const contextDeps: ContextDeps = {
    services: deps.services,
    rateLimiter: createRateLimiter(),
    trustProxy: deps.trustProxy ?? 0,
  };
  const cookieOptions = { trustProxy: contextDeps.trustProxy, publicOrigin: deps.publicOrigin };
  const publicCache = createPublicCache({
    changeMark: () => deps.database.changeMark(),
    keep: deps.pageCache ?? true,
  });
  /** What a public request asks for: the same key, the same answer. */
  const publicKey = (c: Context) =>
    `${c.req.header('host') ?? ''} ${c.req.header('x-seoro-locale') ?? ''} ${c.req.url}`;

  app.use('*', requestLog({ logger: deps.logger }));
  app.use('/kiosk/*', kioskHeaders());
  app.use('*', securityHeaders());
  app.use('*', urlLength({ locale: requestLocale }));

  app.get('/healthz', async (c) => {
    try {
      await deps.database.client.execute('select 1');
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      deps.logger.error({ err: error }, 'health check: database unavailable');
      return c.json({ status: 'error', database: 'unavailable' }, 503);
    }
  });

  app.use('/trpc/*', sameOriginMutations({ origin: deps.publicOrigin }));
  app.all('/trpc/*', async (c) => {
    if (isPublicQueryRequest(c)) {
      return publicCache.serve(c, publicKey(c), () => trpc(c));
    }
    return trpc(c);
  });

  /** A tRPC request through the router, with the request's sessions. */
  async function trpc(c: Context): Promise<Response> {
    const sessions = requestSessions(c, cookieOptions);
    const response = await fetchRequestHandler({
      endpoint: '/trpc',
      req: c.req.raw,
      router: appRouter,
      createContext: () =>
        createTrpcContext(contextDeps, {
          locale: requestLocale(c),
          ip: clientAddress(c, contextDeps.trustProxy),
          requestId: c.get('requestId'),
          sessions,
          kioskToken: c.req.header(KIOSK_TOKEN_HEADER) ?? null,
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          deps.logger.error(
            { err: error.cause ?? error, path, requestId: c.get('requestId') },
            'tRPC error',
          );
        }
      },
    });
    return sessions.apply(response);
  }

  if (deps.kioskDir && existsSync(join(deps.kioskDir, 'index.html'))) {
    const kioskDir = deps.kioskDir;
    app.get('/kiosk', (c) => c.redirect('/kiosk/', 301));
    // Hashed assets never change. Everything else is looked at again on each load: index.html,
    // and the service worker (sw.js) with its precache list and the web manifest, so a new build
    // reaches the kiosk at its next start. Set on the way out: serveStatic's `onFound` runs after
    // its response is made, where a header no longer reaches it.
    app.use('/kiosk/*', async (c, next) => {
      await next();
      if (c.res.status !== 200 && c.res.status !== 304) return;
      c.header(
        'Cache-Control',
        c.req.path.startsWith('/kiosk/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    });
    app.use(
      '/kiosk/*',
      // The build wrote .br and .gz copies beside each file: sent as they are, never compressed here.
      serveStatic({
        root: kioskDir,
        precompressed: true,
        rewriteRequestPath: (p) => p.replace(/^\/kiosk/, ''),
      }),
    );
    // A hashed asset that is not there is missing, not a page (and must not be cached as one).
    app.get('/kiosk/assets/*', (c) => c.text('Not Found', 404));
    // Client-side routes of the single-page app.
    app.get('/kiosk/*', serveStatic({ root: kioskDir, path: 'index.html' }));
  }

  if (deps.kit) {
    const kit = deps.kit;
    // Files have a dot in their last segment (or live under /_app/); pages never do, so a page
    // request does not look for a file first.
    app.use('*', (c, next) =>
      c.req.path.startsWith('/_app/') || /\.[^/]*$/.test(c.req.path) ? kit.assets(c, next) : next(),
    );
    const render = async (c: Context) => {
      const ip = clientAddress(c, contextDeps.trustProxy);
      const requestId = c.get('requestId');
      // Shared by every in-process call of this request: a form action's sign-in is seen by the
      // load that renders its result, and the cookie change rides on SvelteKit's response.
      const sessions = requestSessions(c, cookieOptions);
      const response = await kit.render(
        c,
        {
          /** In-process tRPC for SvelteKit server code: same router, same context, no HTTP hop. */
          createTrpcLink: ({ locale }: { locale: Locale }) =>
            inProcessLink<AppRouter>({
              router: appRouter,
              createContext: () =>
                createTrpcContext(contextDeps, { locale, ip, requestId, sessions }),
            }),
        },
        ip,
      );
      return sessions.apply(response);
    };
    app.all('*', (c) =>
      isPublicPageRequest(c) ? publicCache.serve(c, publicKey(c), () => render(c)) : render(c),
    );
  }

  return app;
}

export { DEFAULT_CSP };
