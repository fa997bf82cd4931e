import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditLog, kioskPairingCodes, kiosks } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';

/**
 * Revokes a kiosk for good (a lost or stolen device): its token hash is cleared, so the token it
 * holds is refused from the next call on, and its unused pairing codes stop working. The reason
 * is required (`reason_required`) and kept in the audit row. Revoking twice is `kiosk_revoked`.
 */
export const revokeKiosk = writeService('revokeKiosk');
export { revokeKioskInPlace };

async function revokeKioskInPlace(
  ctx: ServiceContext,
  input: { kioskId: string; reason: string; staffId: string; ip?: string | null },
): Promise<{ id: string; name: string; revokedAt: Date }> {
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('reason_required');
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [kiosk] = await tx.select().from(kiosks).where(eq(kiosks.id, input.kioskId)).limit(1);
    if (!kiosk) throw new DomainError('kiosk_not_found');
    if (kiosk.revokedAt) throw new DomainError('kiosk_revoked');
    await tx.update(kiosks).set({ revokedAt: now, tokenHash: null }).where(eq(kiosks.id, kiosk.id));
    await tx
      .update(kioskPairingCodes)
      .set({ expiresAt: now })
      .where(
        and(
          eq(kioskPairingCodes.kioskId, kiosk.id),
          isNull(kioskPairingCodes.usedAt),
          gt(kioskPairingCodes.expiresAt, now),
        ),
      );
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'kiosk.revoke',
      subjectType: 'kiosk',
      subjectId: kiosk.id,
      ip: input.ip ?? null,
      detail: { name: kiosk.name, reason, wasPaired: kiosk.tokenHash !== null },
    });
    return { id: kiosk.id, name: kiosk.name, revokedAt: now };
  });
}
