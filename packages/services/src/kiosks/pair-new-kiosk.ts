import type { ServiceContext } from '../context';
import { createKiosk } from './create-kiosk';
import { createKioskPairingCode } from './create-pairing-code';
import { pairKioskWithCode } from './pair-kiosk-with-code';

/**
 * Creates a kiosk and pairs it at once, as the operator at the command line would (no staff
 * member): for set-up scripts and tests that need a device token. Each step is the real one, so
 * the audit log reads as if the code had been typed on the kiosk.
 */
export async function pairNewKiosk(
  ctx: ServiceContext,
  input: { name: string; roomId: string | null; enabledPlugins: string[] },
): Promise<{ kioskId: string; token: string }> {
  const kiosk = await createKiosk(ctx, { ...input, actor: { type: 'system' } });
  const { code } = await createKioskPairingCode(ctx, {
    kioskId: kiosk.id,
    actor: { type: 'system' },
  });
  const paired = await pairKioskWithCode(ctx, { code });
  return { kioskId: paired.kioskId, token: paired.token };
}
