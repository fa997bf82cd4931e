import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { kioskPairingCodes, kiosks, rooms, venues } from '@seoro/db';
import type { LocalizedText } from '../views';
import type { ServiceContext } from '../context';

/** Where a kiosk stands: never paired (or waiting for its code), paired, or revoked for good. */
export type KioskState = 'unpaired' | 'paired' | 'revoked';

/** One kiosk as the admin lists it. */
export interface KioskSummary {
  id: string;
  name: string;
  room: { id: string; name: LocalizedText; venue: LocalizedText } | null;
  enabledPlugins: string[];
  state: KioskState;
  /** ISO instants, or null. */
  pairedAt: string | null;
  revokedAt: string | null;
  /** The last time the kiosk called the server with its token. */
  lastSeenAt: string | null;
  /** Check-ins the kiosk holds offline, as of its last heartbeat. */
  queueLength: number;
  /** When the newest pairing code still usable runs out; null when there is none. */
  codeExpiresAt: string | null;
  createdAt: string;
}

/** A room a kiosk can stand in. */
export interface KioskRoomOption {
  id: string;
  name: LocalizedText;
  venue: LocalizedText;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a kiosk's columns say about its state. */
export function kioskState(row: {
  revokedAt: Date | null;
  pairedAt: Date | null;
  tokenHash: string | null;
}): KioskState {
  if (row.revokedAt) return 'revoked';
  return row.pairedAt && row.tokenHash ? 'paired' : 'unpaired';
}

/**
 * Every kiosk, by name, with its room, plugins, state and last contact, and the rooms one can be
 * put in. Kiosks hold no personal data, so reading them is not audited.
 */
export async function listKiosks(
  ctx: ServiceContext,
): Promise<{ kiosks: KioskSummary[]; rooms: KioskRoomOption[] }> {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const rows = await db
    .select({
      id: kiosks.id,
      name: kiosks.name,
      roomId: kiosks.roomId,
      enabledPlugins: kiosks.enabledPlugins,
      tokenHash: kiosks.tokenHash,
      pairedAt: kiosks.pairedAt,
      revokedAt: kiosks.revokedAt,
      lastSeenAt: kiosks.lastSeenAt,
      queueLength: kiosks.queueLength,
      createdAt: kiosks.createdAt,
    })
    .from(kiosks)
    .orderBy(asc(kiosks.name), asc(kiosks.createdAt));
  const codes = await db
    .select({
      kioskId: kioskPairingCodes.kioskId,
      expiresAt: sql<number>`max(${kioskPairingCodes.expiresAt})`,
    })
    .from(kioskPairingCodes)
    .where(and(isNull(kioskPairingCodes.usedAt), gt(kioskPairingCodes.expiresAt, now)))
    .groupBy(kioskPairingCodes.kioskId);
  const codeExpiry = new Map(codes.map((c) => [c.kioskId, new Date(Number(c.expiresAt))]));
  const roomRows = await db
    .select({
      id: rooms.id,
      nameKo: rooms.nameKo,
      nameEn: rooms.nameEn,
      venueKo: venues.nameKo,
      venueEn: venues.nameEn,
    })
    .from(rooms)
    .innerJoin(venues, eq(venues.id, rooms.venueId))
    .orderBy(asc(venues.nameKo), asc(rooms.nameKo));
  const roomOptions = roomRows.map((r) => ({
    id: r.id,
    name: { ko: r.nameKo, en: r.nameEn },
    venue: { ko: r.venueKo, en: r.venueEn },
  }));
  const roomById = new Map(roomOptions.map((r) => [r.id, r]));
  return {
    rooms: roomOptions,
    kiosks: rows.map((row) => {
      const state = kioskState(row);
      return {
        id: row.id,
        name: row.name,
        room: row.roomId ? (roomById.get(row.roomId) ?? null) : null,
        enabledPlugins: row.enabledPlugins,
        state,
        pairedAt: iso(row.pairedAt),
        revokedAt: iso(row.revokedAt),
        lastSeenAt: iso(row.lastSeenAt),
        queueLength: state === 'paired' ? row.queueLength : 0,
        codeExpiresAt: state === 'revoked' ? null : iso(codeExpiry.get(row.id) ?? null),
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}
