import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';
import { systemClock, type Clock } from '@seoro/domain';
import { SEND_CONCURRENCY } from './sender';

/** The two ways a resident can be reached; an outbox row names one. */
export type NotificationChannel = 'sms' | 'email';

/** One rendered outbox row, ready for a transport. `id` is the outbox row id. */
export interface OutgoingNotification {
  id: string;
  channel: NotificationChannel;
  /** E.164 phone number for sms, an address for email. */
  recipient: string;
  text: string;
  subject: string;
  template: string;
}

/**
 * Delivers one message or throws. A throw means "not delivered, try again later"; the sender keeps
 * the row and retries with backoff, so a transport never needs its own retry loop.
 */
export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingNotification): Promise<void>;
  /** Releases connections, if the transport keeps any. */
  close?(): Promise<void>;
}

/** The transport for each channel. */
export interface NotificationTransports {
  sms: NotificationTransport;
  email: NotificationTransport;
}

/** Writes one line per message through `log` (stdout by default): the development transport. */
export function consoleTransport(
  options: { log?: (line: string) => void } = {},
): NotificationTransport {
  const log = options.log ?? ((line: string) => console.log(line));
  return {
    name: 'console',
    async send(message) {
      const text = message.text.replace(/\s*\n\s*/g, ' ');
      log(
        `[notification] ${message.channel} to ${message.recipient} (${message.template}, ${message.id}): ${text}`,
      );
    },
  };
}

/**
 * Appends each message as one JSON line to `path`, creating its folder. The file holds phone
 * numbers and sign-in codes, so it is created readable by its owner only. It is kept open between
 * messages, and lines sent while a write is under way go out together in the next one: a rush's
 * confirmations cost a few writes, not an open, a write and a close each.
 */
export function fileTransport(options: { path: string; clock?: Clock }): NotificationTransport {
  const clock = options.clock ?? systemClock;
  const file = lineAppender(options.path);
  return {
    name: 'file',
    async send(message) {
      const line = JSON.stringify({
        at: clock.now().toISOString(),
        id: message.id,
        channel: message.channel,
        to: message.recipient,
        template: message.template,
        subject: message.subject,
        text: message.text,
      });
      await file.append(`${line}\n`);
    },
    close: () => file.close(),
  };
}

/**
 * Appends text to a file it keeps open, one write at a time: text handed in meanwhile waits and
 * goes out with the next write. Each `append` resolves once its text is written and rejects if
 * that write failed; the file is then opened afresh for the next one, so fixing the folder is
 * enough to recover.
 */
function lineAppender(path: string) {
  let handle: Promise<FileHandle> | null = null;
  let waiting: Array<{ text: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  let writing: Promise<void> | null = null;

  const openFile = () =>
    (handle ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a', 0o600)));

  const drop = () => {
    const dropped = handle;
    handle = null;
    return dropped?.then((h) => h.close()).catch(() => undefined);
  };

  async function writeWaiting() {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        const file = await openFile();
        await file.appendFile(group.map((g) => g.text).join(''), 'utf8');
        for (const g of group) g.resolve();
      } catch (error) {
        void drop();
        for (const g of group) g.reject(error);
      }
    }
    writing = null;
  }

  return {
    append(text: string): Promise<void> {
      return new Promise((resolve, reject) => {
        waiting.push({ text, resolve, reject });
        writing ??= writeWaiting();
      });
    },
    async close() {
      await writing;
      await drop();
    },
  };
}

/** Connection settings for `smtpTransport`. */
export interface SmtpTransportOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). When false, STARTTLS is used if the server offers it. */
  secure: boolean;
  user?: string | undefined;
  pass?: string | undefined;
  /** Sender address, e.g. `서로서로학교 <noreply@example.org>`. */
  from: string;
  /** Limit for connecting, the greeting and each socket read; default 15 s. */
  timeoutMs?: number;
}

/**
 * Sends `email` rows over SMTP with nodemailer, over up to four pooled connections. Refuses `sms`
 * rows. The Message-ID is derived from the outbox id, so a message resent after a crash carries
 * the same id and mail systems can tell it is a duplicate.
 */
export function smtpTransport(options: SmtpTransportOptions): NotificationTransport {
  const timeout = options.timeoutMs ?? 15_000;
  const mailer = nodemailer.createTransport({
    // Connections are kept and reused: the sender has up to four messages out at once, and a
    // rush's confirmations should not each pay for a connection and a TLS handshake.
    pool: true,
    maxConnections: SEND_CONCURRENCY,
    idleTimeout: 30_000,
    host: options.host,
    port: options.port,
    secure: options.secure,
    auth: options.user ? { user: options.user, pass: options.pass ?? '' } : undefined,
    // nodemailer's defaults allow minutes per stage; a stuck server must not stall the sender.
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'seoroseoro.invalid';
  return {
    name: 'smtp',
    async send(message) {
      if (message.channel !== 'email') {
        throw new Error(
          `The SMTP transport sends e-mail only; it cannot deliver a ${message.channel} message`,
        );
      }
      try {
        await mailer.sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.id}@${domain}>`,
          headers: { 'X-Outbox-ID': message.id },
        });
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new Error(
          `SMTP delivery failed${typeof code === 'string' ? ` (${code})` : ''}: ${errorMessage(error)}`,
          { cause: error },
        );
      }
    },
    async close() {
      mailer.close();
    },
  };
}

/** Settings for `webhookTransport`. */
export interface WebhookTransportOptions {
  /** The SMS gateway endpoint (http or https). */
  url: string;
  /** Sent as `Authorization: Bearer <token>` when given. */
  token?: string | undefined;
  /** A request that has not answered by then counts as failed; default 10 s. */
  timeoutMs?: number;
}

/**
 * POSTs `{ id, to, text, template }` as JSON to an SMS gateway. Any answer other than 2xx, a
 * timeout or a network error is a failure (the sender retries). The outbox id is sent as
 * `Idempotency-Key`, so a gateway that honours it drops the duplicate that a crash between sending
 * and recording can cause. Refuses `email` rows.
 */
export function webhookTransport(options: WebhookTransportOptions): NotificationTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = parseHttpUrl(options.url, 'webhook url');
  return {
    name: 'webhook',
    async send(message) {
      if (message.channel !== 'sms') {
        throw new Error(
          `The SMS webhook transport sends SMS only; it cannot deliver a ${message.channel} message`,
        );
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'idempotency-key': message.id,
      };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            id: message.id,
            to: message.recipient,
            text: message.text,
            template: message.template,
          }),
          // A redirect would carry the message (and the token) somewhere nobody configured.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if ((error as { name?: unknown }).name === 'TimeoutError') {
          throw new Error(`SMS gateway did not answer within ${timeoutMs} ms`, { cause: error });
        }
        throw new Error(`SMS gateway unreachable: ${errorMessage(error)}`, { cause: error });
      }
      // Free the connection; the body is not needed and may echo the message text.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) {
        throw new Error(`SMS gateway answered HTTP ${response.status}`);
      }
    },
  };
}

/**
 * Where notifications go, read and checked from the environment once at start. Plain data (it is
 * handed to the writer thread); `transportsFrom` turns it into transports there.
 */
export interface NotificationSettings {
  /** A channel with no transport of its own is appended to this JSON-lines file. */
  file: string | null;
  sms: WebhookTransportOptions | null;
  email: SmtpTransportOptions | null;
  /**
   * The public site's origin, for the links in texts (a registration's confirmation page). The
   * server sets it from PUBLIC_ORIGIN, or its own address when that is not set.
   */
  siteOrigin?: string | null;
}

/**
 * Reads the notification settings from environment variables; throws on an incomplete or invalid
 * setting, naming the variable (never its value, which may be a secret), so a misconfigured server
 * fails at start rather than at the first message.
 *
 * | variable | effect |
 * | --- | --- |
 * | `NOTIFY_SMS_WEBHOOK_URL` | SMS go to this gateway (`webhookTransport`) |
 * | `NOTIFY_SMS_WEBHOOK_TOKEN` | optional bearer token for the gateway |
 * | `NOTIFY_SMS_WEBHOOK_TIMEOUT_MS` | optional gateway timeout, default 10000 |
 * | `SMTP_HOST` | e-mail goes over SMTP (`smtpTransport`); needs `SMTP_FROM` |
 * | `SMTP_PORT` | default 587 |
 * | `SMTP_SECURE` | `true`/`false`; default `true` on port 465 (implicit TLS), otherwise STARTTLS when offered |
 * | `SMTP_USER`, `SMTP_PASS` | optional login, both or neither |
 * | `SMTP_FROM` | sender address, e.g. `서로서로학교 <noreply@example.org>` |
 * | `NOTIFY_FILE` | a channel with no transport above is appended to this JSON-lines file |
 * | (none of these) | the channel is written to the console (development) |
 */
export function notificationSettingsFromEnv(
  env: Record<string, string | undefined>,
): NotificationSettings {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const webhookUrl = value('NOTIFY_SMS_WEBHOOK_URL');
  const sms = webhookUrl
    ? {
        url: parseHttpUrl(webhookUrl, 'NOTIFY_SMS_WEBHOOK_URL').href,
        token: value('NOTIFY_SMS_WEBHOOK_TOKEN'),
        timeoutMs: positiveInteger(env, 'NOTIFY_SMS_WEBHOOK_TIMEOUT_MS', 10_000),
      }
    : null;

  const smtpHost = value('SMTP_HOST');
  let email: SmtpTransportOptions | null = null;
  if (smtpHost) {
    const from = value('SMTP_FROM');
    if (!from) throw new Error('SMTP_FROM is required when SMTP_HOST is set');
    const user = value('SMTP_USER');
    const pass = env.SMTP_PASS;
    if (Boolean(user) !== Boolean(pass)) {
      throw new Error('SMTP_USER and SMTP_PASS must be set together');
    }
    const port = positiveInteger(env, 'SMTP_PORT', 587);
    if (port > 65_535) throw new Error('SMTP_PORT must be a port number');
    const secure = value('SMTP_SECURE');
    if (secure !== undefined && secure !== 'true' && secure !== 'false') {
      throw new Error('SMTP_SECURE must be true or false');
    }
    email = {
      host: smtpHost,
      port,
      secure: secure === undefined ? port === 465 : secure === 'true',
      user,
      pass,
      from,
    };
  }
  return { file: value('NOTIFY_FILE') ?? null, sms, email };
}

/** The transport of each channel for checked settings. */
export function transportsFrom(
  settings: NotificationSettings,
  options: { log?: (line: string) => void } = {},
): NotificationTransports {
  const fallback = settings.file
    ? fileTransport({ path: settings.file })
    : consoleTransport(options.log ? { log: options.log } : {});
  return {
    sms: settings.sms ? webhookTransport(settings.sms) : fallback,
    email: settings.email ? smtpTransport(settings.email) : fallback,
  };
}

/** `transportsFrom(notificationSettingsFromEnv(env))`: reads, checks and builds in one step. */
export function transportsFromEnv(
  env: Record<string, string | undefined>,
  options: { log?: (line: string) => void } = {},
): NotificationTransports {
  return transportsFrom(notificationSettingsFromEnv(env), options);
}

function parseHttpUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The value itself is not repeated: it may carry a token.
    throw new Error(`${what} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${what} must be an http or https URL`);
  }
  return url;
}

function positiveInteger(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function errorMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (error instanceof Error) return error.message;
  return String(error);
}
