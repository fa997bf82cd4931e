import { eq } from 'drizzle-orm';
import { kiosks, rooms, venues } from '@seoro/db';
import type { ServiceContext } from '../context';
import { writeService } from '../context';
import type { LocalizedText } from '../views';

/** A paired kiosk as it describes itself on screen, and the plugins staff enabled on it. */
export interface KioskDeviceView {
  id: string;
  name: string;
  venue: LocalizedText;
  room: LocalizedText;
  roomId: string | null;
  enabledPlugins: string[];
}

/** The kiosk's name, room and venue (empty names while staff have not chosen a room). */
export async function getKioskDevice(
  ctx: ServiceContext,
  kioskId: string,
): Promise<KioskDeviceView | null> {
  const [row] = await ctx.database.db
    .select({
      id: kiosks.id,
      name: kiosks.name,
      roomId: kiosks.roomId,
      enabledPlugins: kiosks.enabledPlugins,
      roomKo: rooms.nameKo,
      roomEn: rooms.nameEn,
      venueKo: venues.nameKo,
      venueEn: venues.nameEn,
    })
    .from(kiosks)
    .leftJoin(rooms, eq(rooms.id, kiosks.roomId))
    .leftJoin(venues, eq(venues.id, rooms.venueId))
    .where(eq(kiosks.id, kioskId))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    roomId: row.roomId,
    enabledPlugins: row.enabledPlugins,
    room: { ko: row.roomKo ?? '', en: row.roomEn ?? '' },
    venue: { ko: row.venueKo ?? '', en: row.venueEn ?? '' },
  };
}

/**
 * A kiosk's heartbeat: when it was last heard from, and how many check-ins it holds offline. The
 * kiosk sends one every half minute and right after its queue changes, so staff see both within
 * a minute. Nothing is audited: it is the device's state, not a person's act.
 */
export const recordKioskContact = writeService('recordKioskContact');
export { recordKioskContactInPlace };

async function recordKioskContactInPlace(
  ctx: ServiceContext,
  input: { kioskId: string; queueLength: number },
): Promise<{ lastSeenAt: Date }> {
  const now = ctx.clock.now();
  const queueLength = Math.max(0, Math.min(100_000, Math.trunc(input.queueLength)));
  await ctx.database.write((tx) =>
    tx
      .update(kiosks)
      .set({ lastSeenAt: now, queueLength, queueReportedAt: now })
      .where(eq(kiosks.id, input.kioskId)),
  );
  return { lastSeenAt: now };
}
