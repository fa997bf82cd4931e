/**
 * Starts Seoroseoro School: opens (creating and migrating) the database, seeds demo data into an
 * empty one, starts the writer thread (every write, the notification sender and the periodic
 * jobs), and serves the site, the kiosk and the API on one port until SIGTERM.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { Database } from '@seoro/db';
import {
  seedDemoData,
  DEMO_CHECK_IN_CODE,
  DEMO_STAFF_EMAIL,
  DEMO_STAFF_PASSWORD,
} from '@seoro/db/seed';
import { importHistorySample } from './demo-history';
import { createApp } from './app';
import { demoKioskPairingCode } from './demo-kiosk';
import { answerClientErrors } from './client-errors';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { serverServices } from './services';
import { loadSvelteKit } from './sveltekit';
import { startWriterThread } from './writer/client';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

async function main() {
  const config = loadConfig(process.env, {
    webBuildDir: join(packageDir('@seoro/web'), 'build'),
    kioskDistDir: join(packageDir('@seoro/kiosk'), 'dist'),
  });
  const logger = createLogger(config.logLevel);
  const database = await Database.open({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
  });
  await database.migrate();
  logger.info(
    { database: config.databaseUrl.replace(/\?.*$/, ''), synchronous: database.synchronous },
    'database ready',
  );
  if (config.seedDemo) {
    const seeded = await seedDemoData(database);
    if (seeded.seeded) {
      const history = await importHistorySample(database);
      logger.info(
        { added: history.added, unchanged: history.unchanged },
        'demo history imported (sample file)',
      );
      logger.info(
        { todayMeeting: seeded.todayMeeting, demoCheckInCode: DEMO_CHECK_IN_CODE },
        'demo data created',
      );
    }
    const pairing = await demoKioskPairingCode(database);
    if (pairing) {
      const origin = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
      logger.info(
        {
          kiosk: pairing.kioskName,
          pairAt: `${origin}/kiosk/#pair=${pairing.code}`,
          until: pairing.expiresAt.toISOString(),
        },
        'demo kiosk: open pairAt on the kiosk to pair it (once, within 10 minutes)',
      );
    }
    if (seeded.demoStaff) {
      logger.info(
        { signIn: '/admin/sign-in', email: DEMO_STAFF_EMAIL, password: DEMO_STAFF_PASSWORD },
        'demo staff account created: sign in to the admin with this email and password',
      );
    }
  }

  // The migrations and the demo seed ran on this handle; from here on one thread writes.
  await database.close();
  const writer = await startWriterThread(
    {
      databaseUrl: config.databaseUrl,
      databaseAuthToken: config.databaseAuthToken,
      logLevel: config.logLevel,
      notifications: config.notifications,
    },
    logger,
    () => process.exit(1),
  );
  const reader = await Database.open({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    writes: false,
  });
  const services = serverServices(reader, logger, writer.remote, {
    readCache: config.readCache,
  });
  // Without a SvelteKit build (e.g. `pnpm dev`, where Vite serves the site and proxies /trpc
  // here) the API and the kiosk still run.
  const kit = existsSync(join(config.webBuildDir, 'kit', 'index.js'))
    ? await loadSvelteKit(config.webBuildDir)
    : undefined;
  if (!kit)
    logger.warn(
      { webBuildDir: config.webBuildDir },
      'no SvelteKit build: serving the API and kiosk only',
    );
  const app = createApp({
    database: reader,
    services,
    logger,
    kit,
    kioskDir: config.kioskDistDir,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    pageCache: config.pageCache,
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/` },
      'listening',
    );
  });
  answerClientErrors(server);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn('grace period over, closing remaining connections');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, config.shutdownGraceMs);
    force.unref();
    const stop = async () => {
      await writer.close();
      await reader.close();
      logger.info('stopped');
      process.exit(0);
    };
    server.close(() => {
      stop().catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown: closing the database failed');
        process.exit(1);
      });
    });
    // Keep-alive connections with nothing in flight would otherwise hold the close open.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
