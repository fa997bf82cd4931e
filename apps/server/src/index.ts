/**
 * Starts Seoroseoro School: opens (creating and migrating) the database, seeds demo data into an
 * empty one, and serves the site, the kiosk and the API on one port until SIGTERM.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { pluginHookHandlers } from '@seoro/api';
import { Database } from '@seoro/db';
import { seedDemoData, DEMO_CHECK_IN_CODE } from '@seoro/db/seed';
import {
  createNotificationSender,
  createServiceContext,
  drawDueLotteries,
  flagCoursesBelowMinimum,
  queueMeetingReminders,
  transportsFromEnv,
} from '@seoro/services';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { loadSvelteKit } from './sveltekit';

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
      logger.info(
        { todayMeeting: seeded.todayMeeting, demoCheckInCode: DEMO_CHECK_IN_CODE },
        'demo data created',
      );
    }
  }

  const services = createServiceContext(database, {
    hookHandlers: pluginHookHandlers,
    logError: (message, error) => logger.error({ err: error }, message),
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
    database,
    services,
    logger,
    kit,
    kioskDir: config.kioskDistDir,
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
  });

  // Notifications leave through the outbox; with no transport configured they go to this log.
  const transports = transportsFromEnv(process.env, {
    log: (line: string) => logger.info({ notification: line }, 'notification (console transport)'),
  });
  logger.info(
    { sms: transports.sms.name, email: transports.email.name },
    'notification transports',
  );
  const sender = createNotificationSender({ database, transports, log: logger });
  sender.start();

  // Every minute: draw lottery courses whose window has closed, flag courses below their minimum
  // at the close, and queue tomorrow's reminders.
  const periodicJobs = async () => {
    try {
      for (const d of await drawDueLotteries(services)) {
        logger.info(
          { courseId: d.courseId, seed: d.seed, winners: d.winners.length },
          'lottery drawn',
        );
      }
      const thin = await flagCoursesBelowMinimum(services);
      if (thin.length > 0)
        logger.warn({ courseIds: thin }, 'courses below their minimum at the close');
      const reminders = await queueMeetingReminders(services);
      if (reminders > 0) logger.info({ reminders }, 'meeting reminders queued');
    } catch (error) {
      logger.error({ err: error }, 'periodic job failed');
    }
  };
  void periodicJobs();
  const jobsTimer = setInterval(periodicJobs, 60_000);
  jobsTimer.unref();

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info(
      { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/` },
      'listening',
    );
  });

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
    server.close(async () => {
      clearInterval(jobsTimer);
      await sender.stop();
      await database.close();
      logger.info('stopped');
      process.exit(0);
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
