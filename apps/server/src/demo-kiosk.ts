/**
 * The demo's kiosk: on a demo start, the kiosk by Lecture Room 3 exists with every kiosk plugin on,
 * and while it is not paired the server makes a fresh one-time code for it, so the person trying
 * the product opens one address on the kiosk and it pairs itself. Nothing is done for a kiosk
 * already paired or revoked: pairing again is staff's decision, in the admin.
 */
import { KIOSK_PLUGINS } from '@seoro/api';
import type { Database } from '@seoro/db';
import {
  createKiosk,
  createKioskPairingCode,
  createServiceContext,
  listKiosks,
} from '@seoro/services';

export const DEMO_KIOSK_NAME = '용산아트홀 제3강의실 앞';

export async function demoKioskPairingCode(
  database: Database,
): Promise<{ kioskName: string; code: string; expiresAt: Date } | null> {
  const ctx = createServiceContext(database);
  const { kiosks, rooms } = await listKiosks(ctx);
  const existing = kiosks.find((k) => k.name === DEMO_KIOSK_NAME);
  if (existing && existing.state !== 'unpaired') return null;
  const room = rooms.find((r) => r.name.en === 'Lecture Room 3') ?? rooms[0];
  const kiosk =
    existing ??
    (await createKiosk(ctx, {
      name: DEMO_KIOSK_NAME,
      roomId: room?.id ?? null,
      enabledPlugins: KIOSK_PLUGINS.map((p) => p.id),
      actor: { type: 'system' },
    }));
  return createKioskPairingCode(ctx, { kioskId: kiosk.id, actor: { type: 'system' } });
}
