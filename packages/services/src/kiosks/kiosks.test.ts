import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, kioskPairingCodes, kiosks, staffUsers } from '@seoro/db';
import { makeRoom } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DomainError, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { createKiosk } from './create-kiosk';
import { createKioskPairingCode } from './create-pairing-code';
import { listKiosks } from './list-kiosks';
import { pairKioskWithCode } from './pair-kiosk-with-code';
import { KIOSK_PAIRING_CODE_TTL_MS, kioskPairingCodeHash } from './pairing-code';
import { resolveKioskToken } from './resolve-kiosk-token';
import { revokeKiosk } from './revoke-kiosk';
import { updateKiosk } from './update-kiosk';

const START = Date.parse('2026-01-08T00:30:00Z');
const STAFF = { type: 'staff' as const, id: 'staff-1' };

function manualClock(): Clock & { advance(ms: number): void } {
  let at = START;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

async function setup() {
  const t = await testDatabase();
  const clock = manualClock();
  const ctx = createServiceContext(t.database, { clock });
  const { roomId } = await makeRoom(t.database);
  await t.database.write((tx) =>
    tx.insert(staffUsers).values({
      id: STAFF.id,
      email: 'kim@yongsan.example',
      name: '김담당',
      role: 'staff',
      passwordHash: 'not used here',
      createdAt: new Date(START),
    }),
  );
  const kiosk = await createKiosk(ctx, {
    name: '제3강의실 앞',
    roomId,
    enabledPlugins: ['checkin', 'registration', 'checkin'],
    actor: STAFF,
  });
  const audit = (action: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
  return { ...t, ctx, clock, roomId, kiosk, audit };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe('kiosks', () => {
  it('are created unpaired, listed with their room and plugins, and audited', async () => {
    const { ctx, kiosk, roomId, audit } = await setup();
    const { kiosks: list, rooms } = await listKiosks(ctx);
    expect(rooms.map((r) => r.id)).toContain(roomId);
    expect(list).toEqual([
      expect.objectContaining({
        id: kiosk.id,
        name: '제3강의실 앞',
        room: expect.objectContaining({ id: roomId }),
        enabledPlugins: ['checkin', 'registration'],
        state: 'unpaired',
        lastSeenAt: null,
        codeExpiresAt: null,
      }),
    ]);
    expect(await audit('kiosk.create')).toEqual([
      expect.objectContaining({ actorType: 'staff', actorId: 'staff-1', subjectId: kiosk.id }),
    ]);
    expect(
      await codeOf(
        createKiosk(ctx, { name: ' 제3강의실 앞 ', roomId, enabledPlugins: [], actor: STAFF }),
      ),
    ).toBe('kiosk_name_taken');
    expect(
      await codeOf(
        createKiosk(ctx, { name: '로비', roomId: 'nowhere', enabledPlugins: [], actor: STAFF }),
      ),
    ).toBe('room_not_found');
  });

  it('change room and plugins, with both versions in the audit row', async () => {
    const { ctx, kiosk, database, audit } = await setup();
    await updateKiosk(ctx, {
      kioskId: kiosk.id,
      roomId: null,
      enabledPlugins: ['checkin'],
      staffId: 'staff-1',
    });
    const [row] = await database.db.select().from(kiosks).where(eq(kiosks.id, kiosk.id));
    expect(row).toMatchObject({ roomId: null, enabledPlugins: ['checkin'] });
    const [entry] = await audit('kiosk.update');
    expect(entry?.detail).toMatchObject({
      before: { enabledPlugins: ['checkin', 'registration'] },
      after: { roomId: null, enabledPlugins: ['checkin'] },
    });
  });
});

describe('kiosk pairing codes', () => {
  it('look like K7QP-3MWX, are stored only as a hash and pair the kiosk once', async () => {
    const { ctx, kiosk, database, audit } = await setup();
    const made = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    expect(made.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(made.expiresAt.getTime()).toBe(START + 10 * 60_000);
    const dump = JSON.stringify(
      (await database.client.execute('select * from kiosk_pairing_codes')).rows,
    );
    expect(dump).not.toContain(made.code);
    expect(dump).toContain(kioskPairingCodeHash(made.code));
    const [created] = await audit('kiosk.pairing_code');
    expect(JSON.stringify(created)).not.toContain(made.code);
    expect((await listKiosks(ctx)).kiosks[0]?.codeExpiresAt).toBe(made.expiresAt.toISOString());

    // Typed at the kiosk in lower case, without the dash.
    const paired = await pairKioskWithCode(ctx, { code: made.code.replace('-', '').toLowerCase() });
    expect(paired).toMatchObject({
      kioskId: kiosk.id,
      enabledPlugins: ['checkin', 'registration'],
    });
    expect(paired.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(kiosks).where(eq(kiosks.id, kiosk.id));
    expect(row?.tokenHash).toBeTruthy();
    expect(row?.tokenHash).not.toContain(paired.token);
    expect(row?.pairedAt?.getTime()).toBe(START);
    const [code] = await database.db.select().from(kioskPairingCodes);
    expect(code?.usedAt?.getTime()).toBe(START);
    expect(await resolveKioskToken(ctx, paired.token)).toMatchObject({ id: kiosk.id });
    expect((await listKiosks(ctx)).kiosks[0]).toMatchObject({
      state: 'paired',
      codeExpiresAt: null,
    });
    expect(await audit('kiosk.paired')).toEqual([
      expect.objectContaining({ actorType: 'kiosk', actorId: kiosk.id }),
    ]);

    // The same code a second time is refused like any wrong code.
    expect(await codeOf(pairKioskWithCode(ctx, { code: made.code }))).toBe('pairing_code_invalid');
  });

  it('stop working after 10 minutes', async () => {
    const { ctx, clock, kiosk } = await setup();
    const made = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    clock.advance(KIOSK_PAIRING_CODE_TTL_MS - 1);
    const early = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    clock.advance(KIOSK_PAIRING_CODE_TTL_MS);
    expect(await codeOf(pairKioskWithCode(ctx, { code: early.code }))).toBe('pairing_code_invalid');
    expect(made.expiresAt.getTime()).toBe(START + KIOSK_PAIRING_CODE_TTL_MS);
  });

  it('work until the tenth minute, and not at it', async () => {
    const { ctx, clock, kiosk } = await setup();
    const first = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    clock.advance(KIOSK_PAIRING_CODE_TTL_MS);
    expect(await codeOf(pairKioskWithCode(ctx, { code: first.code }))).toBe('pairing_code_invalid');
    const second = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    clock.advance(KIOSK_PAIRING_CODE_TTL_MS - 1);
    await expect(pairKioskWithCode(ctx, { code: second.code })).resolves.toMatchObject({
      kioskId: kiosk.id,
    });
  });

  it('a newer code voids the older one that was not used', async () => {
    const { ctx, clock, kiosk, audit } = await setup();
    const older = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    clock.advance(60_000);
    const newer = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    expect(newer.code).not.toBe(older.code);
    expect(await codeOf(pairKioskWithCode(ctx, { code: older.code }))).toBe('pairing_code_invalid');
    await expect(pairKioskWithCode(ctx, { code: newer.code })).resolves.toMatchObject({
      kioskId: kiosk.id,
    });
    const rows = await audit('kiosk.pairing_code');
    expect(rows.map((r) => r.detail?.voided)).toEqual([0, 1]);
  });

  it('unknown and malformed codes get the same refusal', async () => {
    const { ctx } = await setup();
    for (const code of ['ABCD-EFGH', '', 'not a code at all', 'ABCD-EFG']) {
      expect(await codeOf(pairKioskWithCode(ctx, { code })), code).toBe('pairing_code_invalid');
    }
  });

  it('pairing again replaces the token: the old one stops working', async () => {
    const { ctx, kiosk } = await setup();
    const a = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    const first = await pairKioskWithCode(ctx, { code: a.code });
    const b = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    const second = await pairKioskWithCode(ctx, { code: b.code });
    expect(await resolveKioskToken(ctx, first.token)).toBeNull();
    expect(await resolveKioskToken(ctx, second.token)).toMatchObject({ id: kiosk.id });
  });
});

describe('revoking a kiosk', () => {
  it('refuses its token and its unused codes, needs a reason, and is audited', async () => {
    const { ctx, kiosk, database, audit } = await setup();
    const made = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });
    const paired = await pairKioskWithCode(ctx, { code: made.code });
    const spare = await createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF });

    expect(
      await codeOf(revokeKiosk(ctx, { kioskId: kiosk.id, reason: '  ', staffId: 'staff-1' })),
    ).toBe('reason_required');
    await revokeKiosk(ctx, { kioskId: kiosk.id, reason: '기기 분실', staffId: 'staff-1' });

    expect(await resolveKioskToken(ctx, paired.token)).toBeNull();
    const [row] = await database.db.select().from(kiosks).where(eq(kiosks.id, kiosk.id));
    expect(row).toMatchObject({ tokenHash: null, revokedAt: new Date(START) });
    expect(await codeOf(pairKioskWithCode(ctx, { code: spare.code }))).toBe('pairing_code_invalid');
    expect(await codeOf(createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: STAFF }))).toBe(
      'kiosk_revoked',
    );
    expect(
      await codeOf(revokeKiosk(ctx, { kioskId: kiosk.id, reason: '다시', staffId: 'staff-1' })),
    ).toBe('kiosk_revoked');
    expect((await listKiosks(ctx)).kiosks[0]).toMatchObject({ state: 'revoked' });
    expect(await audit('kiosk.revoke')).toEqual([
      expect.objectContaining({
        actorId: 'staff-1',
        subjectId: kiosk.id,
        detail: expect.objectContaining({ reason: '기기 분실', wasPaired: true }),
      }),
    ]);
  });
});
