import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { outbox, statementsFor, type Database, type Tx } from '@seoro/db';
import { systemClock, type Clock } from '@seoro/domain';
import { NotificationTemplateError, notificationExpiresAt, renderNotification } from './templates';
import type { NotificationTransports } from './transports';

/** First retry delay; each later failure doubles it. */
export const BACKOFF_BASE_MS = 30_000;
/** No retry waits longer than this (before jitter). */
export const BACKOFF_CAP_MS = 3_600_000;
/** Delays vary by up to this fraction either way, so rows that failed together do not retry together. */
export const BACKOFF_JITTER = 0.2;
/** Messages a run has with the transports at once, unless told otherwise. */
export const SEND_CONCURRENCY = 4;
/** `lastError` is cut to this many characters. */
export const LAST_ERROR_MAX_LENGTH = 500;

/** Structured logging, shaped so a pino logger can be passed as it is. */
export interface NotificationLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Settings for `createNotificationSender`. */
export interface NotificationSenderOptions {
  database: Database;
  transports: NotificationTransports;
  log: NotificationLogger;
  clock?: Clock;
  /** The public site's origin, for links in texts (see `RenderOptions`). None: no links. */
  siteOrigin?: string | null | undefined;
  /** Rows read per run. Default 20. */
  batchSize?: number;
  /**
   * Messages a run has with the transports at once. Default `SEND_CONCURRENCY` (4): a gateway
   * that takes a second per message still gets a rush's confirmations out four times as fast,
   * without flooding it.
   */
  concurrency?: number;
  /** Failed deliveries after which a row is given up ('failed'). Default 8. */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1 after the first failure). Default `notificationBackoff`. */
  backoff?: (attempt: number) => number;
  /** Uniform [0, 1) source for the default backoff's jitter. Default `Math.random`. */
  random?: () => number;
  /**
   * A send that has not settled by then counts as failed, so one hung transport cannot stall the
   * queue or `stop()`. Default 60 s, above every built-in transport's own timeout.
   */
  sendTimeoutMs?: number;
}

/** What one run did: rows delivered, rows kept for a retry, rows given up. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers the outbox. */
export interface NotificationSender {
  /**
   * Delivers the rows that are due now. Runs never overlap: a call made while one is in progress
   * gets a single follow-up run that starts when it ends. Rejects only if the database fails.
   */
  runOnce(): Promise<DeliveryReport>;
  /** Runs every `intervalMs` (and at once again after a full batch) until `stop()`. */
  start(intervalMs?: number): void;
  /** Ends the loop; the run in progress finishes the messages in hand and skips the rest. */
  stop(): Promise<void>;
}

/**
 * Delay before retry number `attempt`: 30 s doubling per failure up to 1 h, then varied by ±20%
 * with `random` (uniform in [0, 1)).
 *
 * @example notificationBackoff(3, () => 0.5) // 120_000
 */
export function notificationBackoff(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const nominal = Math.min(BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 32), BACKOFF_CAP_MS);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(nominal * (1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * r));
}

type OutboxRow = typeof outbox.$inferSelect;
type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; error: unknown }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'expired'; expiresAt: Date };

/** Templates whose payload is a secret (sign-in codes): cleared once the row is sent or failed. */
const SECRET_PAYLOAD_TEMPLATES: ReadonlySet<string> = new Set(['one_time_code']);

/** A redacted payload, where a secret was. */
const FORGOTTEN = { redacted: true };

/** `lastError` of a row given up because it went stale before it could be delivered. */
const expiredError = (expiresAt: Date) =>
  `Expired at ${expiresAt.toISOString()} before it could be delivered`;

/**
 * Makes the outbox forget the secrets the sender never got to forget: a sign-in code still
 * pending past its lifetime (the sender was down, or its next try fell after the expiry) is given
 * up and blanked, and a finished row that still holds its code is blanked. Run periodically,
 * inside a write, by `purgeEndedSignIns`. Returns how many rows it changed.
 */
export async function forgetEndedSecrets(tx: Tx, now: Date): Promise<number> {
  const secret = inArray(outbox.template, [...SECRET_PAYLOAD_TEMPLATES]);
  const pending = await tx
    .select({
      id: outbox.id,
      template: outbox.template,
      payload: outbox.payload,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(and(secret, eq(outbox.status, 'pending')));
  let changed = 0;
  for (const row of pending) {
    const expiresAt = notificationExpiresAt(row);
    if (!expiresAt || now.getTime() < expiresAt.getTime()) continue;
    // A send that began just before the expiry and ends after this may find the row given up;
    // that costs a wrong status on a code no longer valid, never a code kept.
    const given = await tx
      .update(outbox)
      .set({ status: 'failed', lastError: expiredError(expiresAt), payload: FORGOTTEN })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')))
      .returning({ id: outbox.id });
    changed += given.length;
  }
  const finished = await tx
    .update(outbox)
    .set({ payload: FORGOTTEN })
    .where(
      and(
        secret,
        ne(outbox.status, 'pending'),
        sql`coalesce(json_extract(${outbox.payload}, '$.redacted'), 0) <> 1`,
      ),
    )
    .returning({ id: outbox.id });
  return changed + finished.length;
}

/**
 * Marking a row sent, once per message and so as often as registrations come in a rush: built
 * once per write connection. Only a row still pending is marked.
 */
const sentStatements = statementsFor((tx) => {
  const stillPending = and(eq(outbox.id, sql.placeholder('id')), eq(outbox.status, 'pending'));
  // SET takes a placeholder only inside SQL, where no column encoder runs: the instant is bound as
  // epoch milliseconds, as the column stores it.
  const sentAt = sql`${sql.placeholder('nowMs')}`;
  return {
    markSent: tx
      .update(outbox)
      .set({ status: 'sent', sentAt, lastError: null })
      .where(stillPending)
      .prepare(),
    markSentForgetting: tx
      .update(outbox)
      .set({ status: 'sent', sentAt, lastError: null, payload: FORGOTTEN })
      .where(stillPending)
      .prepare(),
  };
});

/**
 * Creates the outbox sender: reads due rows, sends each through the transport of its channel,
 * then records the outcome. Failures are retried with backoff; nothing is deleted.
 *
 * Delivery is at least once. Sending happens outside any write transaction (a slow gateway must
 * not hold the single writer), so a crash after a transport accepted a message but before its
 * outcome was written sends it again on the next start. The outbox id travels with every message
 * (`Idempotency-Key` for the webhook, the Message-ID for e-mail) so the receiving side can drop
 * such a duplicate. Within one process, runs never overlap, so no row is sent twice by this
 * sender; run one sender per database.
 */
export function createNotificationSender(options: NotificationSenderOptions): NotificationSender {
  const { database, transports, log } = options;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 20;
  const concurrency = options.concurrency ?? SEND_CONCURRENCY;
  const maxAttempts = options.maxAttempts ?? 8;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? ((attempt: number) => notificationBackoff(attempt, random));
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize < 1');
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new RangeError('concurrency < 1');
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError('maxAttempts < 1');

  let running: Promise<DeliveryReport> | null = null;
  let followUp: Promise<DeliveryReport> | null = null;
  let stopping = false;
  let loopOn = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    // Ordered by due time, which for a new row is its creation: oldest first, and a row waiting
    // for a retry does not hold back newer ones.
    const due = await database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, clock.now())))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
      .limit(batchSize);
    // Oldest first, `concurrency` at a time; each outcome is written as soon as it is known.
    let next = 0;
    const failures: unknown[] = [];
    const lane = async () => {
      while (next < due.length && !stopping && failures.length === 0) {
        const row = due[next++]!;
        const outcome = await deliver(row);
        try {
          await record(row, outcome, report);
        } catch (error) {
          // A database failure ends the run: sending more messages whose outcome cannot be
          // written would only queue more duplicates. Messages already in hand finish.
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
    if (failures.length > 0) throw failures[0];
    if (report.sent + report.retried + report.failed > 0) {
      log.info({ ...report }, 'notification run finished');
    }
    return report;
  }

  async function deliver(row: OutboxRow): Promise<Outcome> {
    let rendered;
    try {
      rendered = renderNotification(row, { siteOrigin: options.siteOrigin });
    } catch (error) {
      return error instanceof NotificationTemplateError
        ? { kind: 'rejected', error }
        : { kind: 'retry', error };
    }
    const expiresAt = notificationExpiresAt(row);
    if (expiresAt && clock.now().getTime() >= expiresAt.getTime()) {
      return { kind: 'expired', expiresAt };
    }
    try {
      await withTimeout(
        transports[row.channel].send({
          id: row.id,
          channel: row.channel,
          recipient: row.recipient,
          text: rendered.text,
          subject: rendered.subject,
          template: row.template,
        }),
        sendTimeoutMs,
      );
      return { kind: 'sent' };
    } catch (error) {
      return { kind: 'retry', error };
    }
  }

  async function record(row: OutboxRow, outcome: Outcome, report: DeliveryReport) {
    const now = clock.now();
    // A sign-in code is a secret: once the row is done with, the database keeps no copy of it.
    const secret = SECRET_PAYLOAD_TEMPLATES.has(row.template);
    if (outcome.kind === 'sent') {
      await database.write(async (tx) => {
        const statements = sentStatements(tx);
        const mark = secret ? statements.markSentForgetting : statements.markSent;
        await mark.run({ id: row.id, nowMs: now.getTime() });
      });
      report.sent++;
      return;
    }
    // The rarer outcomes build their statement each time.
    const fields = { id: row.id, template: row.template, channel: row.channel };
    const stillPending = and(eq(outbox.id, row.id), eq(outbox.status, 'pending'));
    const forget = secret ? { payload: FORGOTTEN } : {};
    if (outcome.kind === 'expired') {
      const lastError = expiredError(outcome.expiresAt);
      await database.write((tx) =>
        tx
          .update(outbox)
          .set({ status: 'failed', lastError, ...forget })
          .where(stillPending),
      );
      report.failed++;
      log.warn({ ...fields, attempts: row.attempts }, 'notification expired undelivered');
      return;
    }
    const attempts = row.attempts + 1;
    const lastError = describeFailure(outcome.error, secretsOf(row));
    if (outcome.kind === 'rejected' || attempts >= maxAttempts) {
      await database.write((tx) =>
        tx
          .update(outbox)
          .set({ status: 'failed', attempts, lastError, ...forget })
          .where(stillPending),
      );
      report.failed++;
      log.error(
        { ...fields, attempts, error: lastError },
        outcome.kind === 'rejected'
          ? 'notification cannot be rendered; marked failed'
          : 'notification undeliverable after the last attempt; marked failed',
      );
      return;
    }
    const nextAttemptAt = new Date(now.getTime() + Math.max(0, backoff(attempts)));
    await database.write((tx) =>
      tx.update(outbox).set({ attempts, lastError, nextAttemptAt }).where(stillPending),
    );
    report.retried++;
    log.warn(
      { ...fields, attempts, nextAttemptAt: nextAttemptAt.toISOString(), error: lastError },
      'notification not delivered; will retry',
    );
  }

  function startRun(): Promise<DeliveryReport> {
    const run = deliverDue().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  }

  function runOnce(): Promise<DeliveryReport> {
    if (!running) return startRun();
    // Rows written after the current run read the table must still go out promptly, so the
    // caller gets a fresh run, shared with anyone else who asks meanwhile.
    followUp ??= running
      .catch(() => undefined)
      .then(() => {
        followUp = null;
        return runOnce();
      });
    return followUp;
  }

  function schedule(delayMs: number, intervalMs: number) {
    if (!loopOn) return;
    timer = setTimeout(() => {
      timer = null;
      runOnce().then(
        (report) => {
          const full = report.sent + report.retried + report.failed >= batchSize;
          schedule(full ? 0 : intervalMs, intervalMs);
        },
        (error: unknown) => {
          log.error({ error: describeFailure(error, []) }, 'notification run failed');
          schedule(intervalMs, intervalMs);
        },
      );
    }, delayMs);
    // The loop alone must not keep the process alive.
    timer.unref?.();
  }

  return {
    runOnce,
    start(intervalMs = 2000) {
      if (loopOn) return;
      loopOn = true;
      schedule(0, intervalMs);
    },
    async stop() {
      loopOn = false;
      if (timer) clearTimeout(timer);
      timer = null;
      stopping = true;
      try {
        while (running || followUp) await Promise.allSettled([running, followUp]);
      } finally {
        stopping = false;
      }
    },
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Transport did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Payload values that must not end up in `lastError` or the logs if a transport echoes them. */
function secretsOf(row: OutboxRow): string[] {
  const payload = row.payload as Record<string, unknown> | null;
  return ['otp', 'code']
    .map((key) => payload?.[key])
    .filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/**
 * A failure as one line for `lastError` and the log: the message and its cause's code, with
 * credentials, URL userinfo and query strings and the row's codes blanked, cut to a bounded
 * length.
 */
function describeFailure(error: unknown, secrets: string[]): string {
  let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : null;
  if (cause && typeof cause.code === 'string' && !text.includes(cause.code)) {
    text += ` (${cause.code})`;
  }
  text = text
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, '$1 [redacted]')
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@')
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s?#]*)\?[^\s#]*/gi, '$1?[redacted]')
    .replace(/\s+/g, ' ');
  for (const secret of secrets) text = text.split(secret).join('[redacted]');
  return text.length > LAST_ERROR_MAX_LENGTH
    ? `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…`
    : text;
}
