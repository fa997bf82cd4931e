import type { Logger } from 'pino';
import type { Database } from '@seoro/db';
import {
  createNotificationSender,
  drawDueLotteries,
  flagCoursesBelowMinimum,
  purgeEndedSignIns,
  queueMeetingReminders,
  runDailyRetention,
  transportsFrom,
  type NotificationSettings,
  type ServiceContext,
} from '@seoro/services';

/**
 * The server's background work, run where the writer is: the notification sender, and every
 * minute the lottery draws that are due, courses below their minimum at the close, tomorrow's
 * reminders, the removal of ended resident sessions and sign-in codes, and once a day (after
 * 03:00 KST) the destruction of personal data whose retention period ended. Returns a function that
 * stops it, waits for the messages in hand and closes the transports.
 */
export function startBackgroundWork(
  services: ServiceContext,
  database: Database,
  logger: Logger,
  notifications: NotificationSettings,
): () => Promise<void> {
  // Notifications leave through the outbox; with no transport configured they go to this log.
  const transports = transportsFrom(notifications, {
    log: (line: string) => logger.info({ notification: line }, 'notification (console transport)'),
  });
  logger.info(
    { sms: transports.sms.name, email: transports.email.name },
    'notification transports',
  );
  const sender = createNotificationSender({
    database,
    transports,
    log: logger,
    siteOrigin: notifications.siteOrigin,
  });
  sender.start();

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
      const purged = await purgeEndedSignIns(services);
      if (purged.sessions + purged.codes + purged.codeTexts > 0)
        logger.info(purged, 'ended resident sessions and sign-in codes deleted');
      const retention = await runDailyRetention(services);
      if (retention)
        logger.info({ runId: retention.runId, counts: retention.counts }, 'retention run');
    } catch (error) {
      logger.error({ err: error }, 'periodic job failed');
    }
  };
  void periodicJobs();
  const jobsTimer = setInterval(() => void periodicJobs(), 60_000);
  jobsTimer.unref();

  return async () => {
    clearInterval(jobsTimer);
    await sender.stop();
    // Pooled connections (SMTP) would otherwise hold the thread open after the last message.
    await Promise.all([transports.sms.close?.(), transports.email.close?.()]);
  };
}
