import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { outbox, type Database } from '@seoro/db';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  LAST_ERROR_MAX_LENGTH,
  createNotificationSender,
  notificationBackoff,
  type NotificationLogger,
  type NotificationSenderOptions,
} from './sender';
import type { NotificationTransport, OutgoingNotification } from './transports';
import { testDatabase } from '@seoro/db/test/vitest';

const T0 = new Date('2026-01-08T01:00:00Z');
const SECOND = 1000;

async function setup() {
  const t = await testDatabase();
  return t.database;
}

/** A clock the test moves by hand. */
function manualClock(start = T0) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (d: Date) => {
      now = d.getTime();
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function memoryLog() {
  const entries: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message: string): void => {
      entries.push({ level, message, fields });
    };
  const log: NotificationLogger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, entries };
}

/** A transport that fails its first `failures` sends, then accepts; it remembers every call. */
function scripted(failures = 0, name = 'scripted') {
  const calls: OutgoingNotification[] = [];
  let left = failures;
  const transport: NotificationTransport = {
    name,
    async send(message) {
      calls.push(message);
      if (left === Infinity || left-- > 0) throw new Error('gateway down');
    },
  };
  return { transport, calls };
}

type RowOverrides = Partial<typeof outbox.$inferInsert>;

async function queue(database: Database, overrides: RowOverrides = {}) {
  const row = {
    id: randomUUID(),
    template: 'enrolment_confirmed',
    channel: 'sms' as const,
    recipient: '+821012345678',
    locale: 'ko' as const,
    payload: {
      code: 'AB12-CD34',
      courseId: 'c1',
      courseTitleKo: '캘리그라피',
      courseTitleEn: 'Calligraphy',
    },
    nextAttemptAt: T0,
    createdAt: T0,
    ...overrides,
  };
  await database.write((tx) => tx.insert(outbox).values(row));
  return row;
}

async function rowOf(database: Database, id: string) {
  const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) throw new Error(`outbox row ${id} is gone`);
  return row;
}

function sender(
  database: Database,
  sms: NotificationTransport,
  overrides: Partial<NotificationSenderOptions> = {},
) {
  return createNotificationSender({
    database,
    transports: { sms, email: scripted(Infinity, 'unused-email').transport },
    clock: manualClock(),
    log: memoryLog().log,
    random: () => 0.5, // no jitter: delays are exactly 30 s, 60 s, 120 s, ...
    ...overrides,
  });
}

describe('createNotificationSender', () => {
  it('sends due rows through the transport of their channel and leaves the rest', async () => {
    const database = await setup();
    const clock = manualClock(T0);
    const smsT = scripted();
    const emailT = scripted();
    const later = await queue(database, { nextAttemptAt: new Date(T0.getTime() + SECOND) });
    const text = await queue(database);
    const mail = await queue(database, {
      channel: 'email',
      recipient: 'resident@example.org',
      locale: 'en',
      template: 'one_time_code',
      payload: { otp: '123456' },
    });
    const run = createNotificationSender({
      database,
      transports: { sms: smsT.transport, email: emailT.transport },
      clock,
      log: memoryLog().log,
    });

    expect(await run.runOnce()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smsT.calls).toEqual([
      {
        id: text.id,
        channel: 'sms',
        recipient: '+821012345678',
        text: '[서로서로학교] ‘캘리그라피’ 수강신청이 확정되었습니다. 확인 코드 AB12-CD34',
        subject: '[서로서로학교] 수강신청 확정 안내',
        template: 'enrolment_confirmed',
      },
    ]);
    expect(emailT.calls.map((c) => [c.id, c.recipient, c.subject])).toEqual([
      [mail.id, 'resident@example.org', '[Seoroseoro School] Your sign-in code'],
    ]);
    expect(await rowOf(database, text.id)).toMatchObject({
      status: 'sent',
      sentAt: T0,
      attempts: 0,
      lastError: null,
    });
    expect(await rowOf(database, later.id)).toMatchObject({ status: 'pending', sentAt: null });
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('retries a failing transport after the backoff and sends on the third run', async () => {
    const database = await setup();
    const clock = manualClock(T0);
    const flaky = scripted(2);
    const row = await queue(database);
    const run = sender(database, flaky.transport, { clock });

    expect(await run.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await rowOf(database, row.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Error: gateway down',
      nextAttemptAt: new Date(T0.getTime() + 30 * SECOND),
    });

    clock.advance(30 * SECOND - 1); // not due yet
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(flaky.calls).toHaveLength(1);

    clock.advance(1);
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const second = await rowOf(database, row.id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(second.nextAttemptAt).toEqual(new Date(T0.getTime() + 90 * SECOND));

    clock.set(second.nextAttemptAt);
    expect(await run.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf(database, row.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      sentAt: new Date(T0.getTime() + 90 * SECOND),
      lastError: null,
    });
    expect(flaky.calls.map((c) => c.id)).toEqual([row.id, row.id, row.id]);
  });

  it('keeps a row for a transport that stays down, waiting longer each time, then marks it failed', async () => {
    const database = await setup();
    const clock = manualClock(T0);
    const down = scripted(Infinity);
    const { log, entries } = memoryLog();
    const row = await queue(database);
    const run = sender(database, down.transport, {
      clock,
      log,
      maxAttempts: 5,
      random: () => 0.9,
    });

    const waits: number[] = [];
    for (let attempt = 1; attempt < 5; attempt++) {
      expect(await run.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
      const current = await rowOf(database, row.id);
      expect(current).toMatchObject({ status: 'pending', attempts: attempt });
      waits.push(current.nextAttemptAt.getTime() - clock.now().getTime());
      clock.set(current.nextAttemptAt);
    }
    expect(waits).toEqual([1, 2, 4, 8].map((k) => Math.round(k * 30 * SECOND * 1.16)));

    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf(database, row.id)).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'Error: gateway down',
      sentAt: null,
    });
    clock.advance(24 * 3_600_000);
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(down.calls).toHaveLength(5);
    expect(await database.db.select().from(outbox)).toHaveLength(1);
    expect(entries.filter((e) => e.level === 'warn')).toHaveLength(4);
    const last = entries.find((e) => e.level === 'error');
    expect(last?.fields).toMatchObject({
      id: row.id,
      attempts: 5,
      template: 'enrolment_confirmed',
    });
    // The log names the row, never the person.
    expect(JSON.stringify(entries)).not.toContain('+8210');
  });

  it('marks a row it cannot render failed at once, without sending, and goes on', async () => {
    const database = await setup();
    const ok = scripted();
    const unknown = await queue(database, { template: 'birthday_greeting' });
    const broken = await queue(database, { payload: { code: 'AB12-CD34' } });
    const good = await queue(database);
    const run = sender(database, ok.transport);

    expect(await run.runOnce()).toEqual({ sent: 1, retried: 0, failed: 2 });
    expect(ok.calls.map((c) => c.id)).toEqual([good.id]);
    expect(await rowOf(database, unknown.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: "NotificationTemplateError: Unknown notification template 'birthday_greeting'",
    });
    const rejected = await rowOf(database, broken.id);
    expect(rejected.status).toBe('failed');
    expect(rejected.lastError).toMatch(/^NotificationTemplateError: Payload .* courseId: /);
  });

  it('does not send a sign-in code after it has expired', async () => {
    const database = await setup();
    const clock = manualClock(new Date(T0.getTime() + 5 * 60 * SECOND));
    const ok = scripted();
    const row = await queue(database, { template: 'one_time_code', payload: { otp: '123456' } });
    const run = sender(database, ok.transport, { clock });

    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(ok.calls).toHaveLength(0);
    expect(await rowOf(database, row.id)).toMatchObject({
      status: 'failed',
      attempts: 0,
      lastError: 'Expired at 2026-01-08T01:05:00.000Z before it could be delivered',
    });
  });

  it('keeps no copy of a sign-in code once it is sent or has failed', async () => {
    const database = await setup();
    const ok = scripted();
    const sent = await queue(database, { template: 'one_time_code', payload: { otp: '654321' } });
    const plain = await queue(database);
    expect(await sender(database, ok.transport).runOnce()).toEqual({
      sent: 2,
      retried: 0,
      failed: 0,
    });
    expect(ok.calls.map((c) => c.text).join(' ')).toContain('654321');
    expect(await rowOf(database, sent.id)).toMatchObject({
      status: 'sent',
      payload: { redacted: true },
    });
    // Other messages keep their payload (the record of what was said).
    expect((await rowOf(database, plain.id)).payload).toEqual(plain.payload);

    const late = await queue(database, { template: 'one_time_code', payload: { otp: '111111' } });
    const afterExpiry = manualClock(new Date(T0.getTime() + 5 * 60 * SECOND));
    await sender(database, ok.transport, { clock: afterExpiry }).runOnce();
    expect(await rowOf(database, late.id)).toMatchObject({
      status: 'failed',
      payload: { redacted: true },
    });
  });

  it('never sends a row twice when runs are requested concurrently', async () => {
    const database = await setup();
    const calls: string[] = [];
    let extra: Promise<string> | null = null;
    const slow: NotificationTransport = {
      name: 'slow',
      async send(message) {
        calls.push(message.id);
        // Queued while a run is in progress: a concurrent request must still pick it up. This
        // write also proves the send happens outside the sender's write transactions.
        extra ??= queue(database).then((row) => row.id);
        await extra;
        await new Promise((resolve) => setTimeout(resolve, 15));
      },
    };
    const rows = await Promise.all(Array.from({ length: 5 }, () => queue(database)));
    const run = sender(database, slow, { batchSize: 3 });

    const reports = await Promise.all([run.runOnce(), run.runOnce(), run.runOnce(), run.runOnce()]);
    const more = await Promise.all([run.runOnce(), run.runOnce()]);
    // Callers that share a run share its report; count each run once.
    const distinctRuns = new Set([...reports, ...more]);
    const sent = [...distinctRuns].reduce((n, r) => n + r.sent, 0);

    expect(sent).toBe(6);
    expect(new Set(calls).size).toBe(calls.length);
    expect(calls.sort()).toEqual([...rows.map((r) => r.id), await extra!].sort());
    // The callers that overlapped the first run shared one follow-up run.
    expect(reports[1]).toBe(reports[2]);
    expect(reports[2]).toBe(reports[3]);
    const statuses = await database.db
      .select({ status: outbox.status })
      .from(outbox)
      .orderBy(asc(outbox.createdAt));
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  });

  it('keeps secrets and excess length out of lastError', async () => {
    const database = await setup();
    const leaky: NotificationTransport = {
      name: 'leaky',
      async send() {
        throw new Error(
          `POST https://user:pa55word@sms.example.org/send?key=k3y failed, Authorization: Bearer t0ken-value, otp 654321 ${'x'.repeat(2000)}`,
        );
      },
    };
    const row = await queue(database, { template: 'one_time_code', payload: { otp: '654321' } });
    const run = sender(database, leaky);
    await run.runOnce();
    const { lastError } = await rowOf(database, row.id);
    expect(lastError).toMatch(
      /^Error: POST https:\/\/\[redacted\]@sms\.example\.org\/send\?\[redacted\] failed, Authorization: Bearer \[redacted\], otp \[redacted\] x+…$/,
    );
    expect(lastError).toHaveLength(LAST_ERROR_MAX_LENGTH);
    for (const secret of ['pa55word', 'k3y', 't0ken-value', '654321']) {
      expect(lastError).not.toContain(secret);
    }
  });

  it('treats a send that never settles as a failed attempt', async () => {
    const database = await setup();
    const hung: NotificationTransport = { name: 'hung', send: () => new Promise(() => {}) };
    const row = await queue(database);
    const run = sender(database, hung, { sendTimeoutMs: 50 });
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rowOf(database, row.id)).lastError).toBe(
      'Error: Transport did not settle within 50 ms',
    );
  });
});

describe('delivering several at once', () => {
  it('keeps `concurrency` messages with a slow gateway at a time, oldest first, and sends every row once', async () => {
    const database = await setup();
    const started: string[] = [];
    let inFlight = 0;
    let most = 0;
    const slow: NotificationTransport = {
      name: 'slow',
      async send(message) {
        started.push(message.id);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
      },
    };
    const rows = [];
    for (let i = 0; i < 10; i++) {
      rows.push(await queue(database, { createdAt: new Date(T0.getTime() + i) }));
    }
    const run = sender(database, slow, { concurrency: 3 });

    expect(await run.runOnce()).toEqual({ sent: 10, retried: 0, failed: 0 });
    expect(most).toBe(3);
    expect(started).toEqual(rows.map((r) => r.id));
    for (const row of rows) expect((await rowOf(database, row.id)).status).toBe('sent');
  });

  it('stops taking rows when an outcome cannot be written, and lets the messages in hand finish', async () => {
    const database = await setup();
    const rows = [];
    for (let i = 0; i < 6; i++) {
      rows.push(await queue(database, { createdAt: new Date(T0.getTime() + i) }));
    }
    const ids = rows.map((r) => r.id);
    let writes = 0;
    // The real database, except that it refuses the second outcome written.
    const failing = new Proxy(database, {
      get(target, key) {
        if (key === 'write') {
          return (work: Parameters<Database['write']>[0]) =>
            ++writes === 2 ? Promise.reject(new Error('disk full')) : target.write(work);
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const sent: string[] = [];
    const slow: NotificationTransport = {
      name: 'slow',
      async send(message) {
        sent.push(message.id);
        // The first message is quick, so its lane takes the third while the second is in hand.
        await new Promise((resolve) => setTimeout(resolve, message.id === ids[0] ? 5 : 200));
      },
    };
    const run = sender(failing, slow, { concurrency: 2 });

    await expect(run.runOnce()).rejects.toThrow('disk full');
    // The second's outcome failed; the third, already with the gateway, finished and was
    // written; nothing after it was sent.
    expect(sent).toEqual(ids.slice(0, 3));
    const statuses = await Promise.all(ids.map(async (id) => (await rowOf(database, id)).status));
    expect(statuses).toEqual(['sent', 'pending', 'sent', 'pending', 'pending', 'pending']);
  });

  it('refuses a concurrency below one', async () => {
    const database = await setup();
    expect(() => sender(database, scripted().transport, { concurrency: 0 })).toThrow(RangeError);
  });
});

describe('the sender loop', () => {
  it('delivers on its own and stop() waits for the messages in hand, leaving the rest pending', async () => {
    const database = await setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls: string[] = [];
    const gated: NotificationTransport = {
      name: 'gated',
      async send(message) {
        calls.push(message.id);
        await gate;
      },
    };
    const rows = [];
    for (let i = 0; i < 3; i++) {
      rows.push(await queue(database, { createdAt: new Date(T0.getTime() + i) }));
    }
    const [first, second, third] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    const run = sender(database, gated, { concurrency: 2 });

    run.start(10);
    run.start(10); // a second start is harmless
    await vi.waitFor(() => expect(calls).toEqual([first.id, second.id]), { timeout: 10_000 });
    let stopped = false;
    const stopping = run.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect((await rowOf(database, first.id)).status).toBe('sent');
    expect((await rowOf(database, second.id)).status).toBe('sent');
    expect(await rowOf(database, third.id)).toMatchObject({ status: 'pending', attempts: 0 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toEqual([first.id, second.id]);

    // After stop() the sender works again, by hand or as a loop.
    expect(await run.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('logs a failing run and keeps going instead of throwing', async () => {
    const { log, entries } = memoryLog();
    let reads = 0;
    // A database whose every read fails: only `db.select` is ever reached by the sender.
    // eslint-disable-next-line no-restricted-syntax
    const broken = {
      db: {
        select() {
          reads++;
          throw new Error('disk I/O error');
        },
      },
    } as unknown as Database;
    const run = createNotificationSender({
      database: broken,
      transports: { sms: scripted().transport, email: scripted().transport },
      log,
    });
    await expect(run.runOnce()).rejects.toThrow('disk I/O error');
    run.start(5);
    await vi.waitFor(() => expect(reads).toBeGreaterThanOrEqual(4), { timeout: 10_000 });
    await run.stop();
    expect(entries.filter((e) => e.message === 'notification run failed').length).toBeGreaterThan(
      2,
    );
    expect(entries[0]?.fields.error).toBe('Error: disk I/O error');
  });
});

describe('notificationBackoff', () => {
  const nominal = (attempt: number) =>
    Math.min(BACKOFF_BASE_MS * 2 ** (attempt - 1), BACKOFF_CAP_MS);
  const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

  it('doubles from 30 s to a 1 h cap without jitter at the midpoint', () => {
    expect([1, 2, 3, 4, 7, 8, 9, 50].map((a) => notificationBackoff(a, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('stays within ±20% of the nominal delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), unit, (attempt, r) => {
        const delay = notificationBackoff(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal(attempt) * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.ceil(nominal(attempt) * 1.2));
      }),
    );
  });

  it('never shrinks as attempts grow, for the same draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        unit,
        (attempt, more, r) => {
          const a = notificationBackoff(attempt, () => r);
          const b = notificationBackoff(attempt + more, () => r);
          expect(b).toBeGreaterThanOrEqual(a);
          if (nominal(attempt) < BACKOFF_CAP_MS && more > 0) expect(b).toBeGreaterThan(a);
        },
      ),
    );
  });
});
