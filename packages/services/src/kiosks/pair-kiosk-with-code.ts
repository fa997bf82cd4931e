import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditLog, kioskPairingCodes, kiosks } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { kioskPairingCodeHash, kioskTokenHash, newKioskToken } from './pairing-code';

/** What a kiosk gets for a good code: its token (kept on the device, never shown) and settings. */
export interface KioskPairing {
  kioskId: string;
  name: string;
  /** 256 random bits, base64url; the server keeps only its hash. */
  token: string;
  enabledPlugins: string[];
}

/**
 * Pairs the kiosk a one-time code was made for, as the kiosk sends it (any case, spaces, dashes).
 * A fresh device token is returned once and only its hash stored; any token the kiosk had before
 * stops working; the code is used up. An unknown, mistyped, expired or used code, or one for a
 * revoked kiosk, gets the same refusal (`pairing_code_invalid`), so the answer tells a guesser
 * nothing. Pairing is audited as the kiosk's act.
 */
export const pairKioskWithCode = writeService('pairKioskWithCode');
export { pairKioskWithCodeInPlace };

async function pairKioskWithCodeInPlace(
  ctx: ServiceContext,
  input: { code: string; ip?: string | null },
): Promise<KioskPairing> {
  const codeHash = kioskPairingCodeHash(input.code.slice(0, 100));
  if (!codeHash) throw new DomainError('pairing_code_invalid');
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [found] = await tx
      .select({ codeId: kioskPairingCodes.id, kiosk: kiosks })
      .from(kioskPairingCodes)
      .innerJoin(kiosks, eq(kiosks.id, kioskPairingCodes.kioskId))
      .where(
        and(
          eq(kioskPairingCodes.codeHash, codeHash),
          isNull(kioskPairingCodes.usedAt),
          gt(kioskPairingCodes.expiresAt, now),
          isNull(kiosks.revokedAt),
        ),
      )
      .limit(1);
    if (!found) throw new DomainError('pairing_code_invalid');
    const { kiosk } = found;
    const token = newKioskToken(ctx.random);
    await tx
      .update(kioskPairingCodes)
      .set({ usedAt: now })
      .where(eq(kioskPairingCodes.id, found.codeId));
    await tx
      .update(kiosks)
      .set({ tokenHash: kioskTokenHash(token), pairedAt: now, lastSeenAt: now })
      .where(eq(kiosks.id, kiosk.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'kiosk',
      actorId: kiosk.id,
      action: 'kiosk.paired',
      subjectType: 'kiosk',
      subjectId: kiosk.id,
      ip: input.ip ?? null,
      detail: { name: kiosk.name, repaired: kiosk.tokenHash !== null },
    });
    return { kioskId: kiosk.id, name: kiosk.name, token, enabledPlugins: kiosk.enabledPlugins };
  });
}
