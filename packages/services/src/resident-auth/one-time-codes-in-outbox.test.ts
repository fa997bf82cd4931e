import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { outbox, type Database } from '@seoro/db';
import { makeResident } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import type { Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { createNotificationSender, type NotificationLogger } from '../notifications/sender';
import { ONE_TIME_CODE_TTL_MS } from '../notifications/templates';
import type { NotificationTransport } from '../notifications/transports';
import { purgeEndedSignIns } from './purge-sign-ins';
import { requestResidentCode } from './request-resident-code';

const START = Date.parse('2026-01-12T01:00:00Z');
const SECOND = 1000;

const quiet: NotificationLogger = { info() {}, warn() {}, error() {} };

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void } {
  let at = START;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

/** A gateway that accepts every message, or refuses each one repeating its text back. */
function gateway(accepts: boolean): NotificationTransport {
  return {
    name: accepts ? 'accepting' : 'refusing',
    async send(message) {
      if (!accepts) throw new Error(`gateway refused "${message.text}"`);
    },
  };
}

async function setup() {
  const t = await testDatabase();
  const clock = manualClock();
  const ctx = createServiceContext(t.database, { clock });
  await makeResident(t.database, { name: '홍길동', phoneE164: '+821055501234' });
  const sender = (sms: NotificationTransport, maxAttempts = 8) =>
    createNotificationSender({
      database: t.database,
      transports: { sms, email: sms },
      clock,
      log: quiet,
      maxAttempts,
      random: () => 0.5,
    });
  return { ...t, ctx, clock, sender };
}

/** Asks for a sign-in code and returns it as it was queued for the SMS gateway. */
async function requestCode(ctx: ReturnType<typeof createServiceContext>, database: Database) {
  await requestResidentCode(ctx, { phone: '010-5550-1234', locale: 'ko' });
  const [row] = await database.db
    .select({ id: outbox.id, payload: outbox.payload })
    .from(outbox)
    .where(eq(outbox.template, 'one_time_code'))
    .orderBy(sql`rowid desc`)
    .limit(1);
  const otp = row?.payload.otp;
  if (typeof otp !== 'string' || !/^\d{6}$/.test(otp)) throw new Error('no code was queued');
  return { id: row!.id, otp };
}

/** Every column of the outbox row, read with plain SQL. */
async function rawRow(database: Database, id: string): Promise<Record<string, unknown>> {
  const rows = await database.db.all<Record<string, unknown>>(
    sql`select * from outbox where id = ${id}`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Fails if the code, or anything shaped like a six-digit code, is left in any column. */
function expectNoCode(row: Record<string, unknown>, otp: string) {
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string') {
      expect(value, column).not.toContain(otp);
      // The id is a UUID, whose hex may happen to hold six digits in a row.
      if (column !== 'id') expect(value, column).not.toMatch(/(?<!\d)\d{6}(?!\d)/);
    } else {
      expect(value, column).not.toBe(Number(otp));
    }
  }
}

describe('One-time codes lie in plain text in the outbox', () => {
  it('keeps no copy of a code once its message is sent', async () => {
    const { ctx, database, sender } = await setup();
    const { id, otp } = await requestCode(ctx, database);
    expect(await sender(gateway(true)).runOnce()).toMatchObject({ sent: 1 });

    const row = await rawRow(database, id);
    expect(row.status).toBe('sent');
    expectNoCode(row, otp);
  });

  it('keeps no copy of a code that expired while no sender ran', async () => {
    const { ctx, database, clock, sender } = await setup();
    const { id, otp } = await requestCode(ctx, database);
    clock.advance(ONE_TIME_CODE_TTL_MS);
    await purgeEndedSignIns(ctx);

    const row = await rawRow(database, id);
    expectNoCode(row, otp);
    expect(row.status).toBe('failed');
    // A sender that comes back has nothing left to send.
    expect(await sender(gateway(true)).runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('keeps no copy of a code that expired while its next try was waiting', async () => {
    const { ctx, database, clock, sender } = await setup();
    const { id, otp } = await requestCode(ctx, database);
    // Refused at 0 s, 30 s, 90 s and 210 s; the fifth try would be at 450 s.
    const refusing = sender(gateway(false));
    for (let i = 0; i < 4; i++) {
      if (i > 0) clock.advance(30 * SECOND * 2 ** (i - 1));
      expect(await refusing.runOnce()).toMatchObject({ retried: 1 });
    }
    const [waiting] = await database.db
      .select({ status: outbox.status, nextAttemptAt: outbox.nextAttemptAt })
      .from(outbox)
      .where(eq(outbox.id, id));
    expect(waiting!.status).toBe('pending');
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(START + ONE_TIME_CODE_TTL_MS);

    clock.advance(START + ONE_TIME_CODE_TTL_MS - clock.now().getTime());
    await purgeEndedSignIns(ctx);

    const row = await rawRow(database, id);
    expectNoCode(row, otp);
    expect(row.status).toBe('failed');
  });

  it('keeps no copy of a code whose message was given up', async () => {
    const { ctx, database, sender } = await setup();
    const { id, otp } = await requestCode(ctx, database);
    expect(await sender(gateway(false), 1).runOnce()).toMatchObject({ failed: 1 });

    const row = await rawRow(database, id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/gateway refused/);
    expectNoCode(row, otp);
  });

  it('blanks a finished row that still holds its code, whoever finished it', async () => {
    const { ctx, database } = await setup();
    const { id, otp } = await requestCode(ctx, database);
    // Given up outside the sender (by hand, or by a version that kept payloads).
    await database.write((tx) =>
      tx.update(outbox).set({ status: 'failed', lastError: 'withdrawn' }).where(eq(outbox.id, id)),
    );
    await purgeEndedSignIns(ctx);

    const row = await rawRow(database, id);
    expectNoCode(row, otp);
    expect(row).toMatchObject({ status: 'failed', last_error: 'withdrawn' });
  });
});
