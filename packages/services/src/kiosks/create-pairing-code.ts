import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditLog, kioskPairingCodes, kiosks, newId } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { auditActor, type KioskActor } from './kiosk-actor';
import {
  KIOSK_PAIRING_CODE_TTL_MS,
  kioskPairingCodeHash,
  newKioskPairingCode,
} from './pairing-code';

/**
 * Makes a one-time pairing code for a kiosk, valid for 10 minutes. The code is returned once, to
 * be shown to whoever sets the kiosk up, and only its hash is stored; older codes of the kiosk not
 * used yet stop working at once (they expire now), so only the newest code shown can pair it.
 * Pairing a kiosk that is already paired gives it a new token and ends the old one. A revoked
 * kiosk (`kiosk_revoked`) gets no code: it is made anew instead. The audit row never holds the code.
 */
export const createKioskPairingCode = writeService('createKioskPairingCode');
export { createKioskPairingCodeInPlace };

async function createKioskPairingCodeInPlace(
  ctx: ServiceContext,
  input: { kioskId: string; actor: KioskActor; ip?: string | null },
): Promise<{ kioskId: string; kioskName: string; code: string; expiresAt: Date }> {
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [kiosk] = await tx.select().from(kiosks).where(eq(kiosks.id, input.kioskId)).limit(1);
    if (!kiosk) throw new DomainError('kiosk_not_found');
    if (kiosk.revokedAt) throw new DomainError('kiosk_revoked');
    const voided = await tx
      .update(kioskPairingCodes)
      .set({ expiresAt: now })
      .where(
        and(
          eq(kioskPairingCodes.kioskId, kiosk.id),
          isNull(kioskPairingCodes.usedAt),
          gt(kioskPairingCodes.expiresAt, now),
        ),
      )
      .returning({ id: kioskPairingCodes.id });
    // 40 random bits: a clash with a stored code is next to impossible, but the unique index
    // would turn one into an error, so a clash simply draws again.
    let code = newKioskPairingCode(ctx.random);
    for (let attempt = 0; attempt < 5; attempt++) {
      const [clash] = await tx
        .select({ id: kioskPairingCodes.id })
        .from(kioskPairingCodes)
        .where(eq(kioskPairingCodes.codeHash, kioskPairingCodeHash(code) ?? ''))
        .limit(1);
      if (!clash) break;
      code = newKioskPairingCode(ctx.random);
    }
    const expiresAt = new Date(now.getTime() + KIOSK_PAIRING_CODE_TTL_MS);
    await tx.insert(kioskPairingCodes).values({
      id: newId(),
      kioskId: kiosk.id,
      codeHash: kioskPairingCodeHash(code) ?? '',
      expiresAt,
      createdByStaffId: input.actor.type === 'staff' ? input.actor.id : null,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      at: now,
      ...auditActor(input.actor),
      action: 'kiosk.pairing_code',
      subjectType: 'kiosk',
      subjectId: kiosk.id,
      ip: input.ip ?? null,
      detail: { name: kiosk.name, expiresAt: expiresAt.toISOString(), voided: voided.length },
    });
    return { kioskId: kiosk.id, kioskName: kiosk.name, code, expiresAt };
  });
}
