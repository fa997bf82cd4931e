import { eq, sql } from 'drizzle-orm';
import { kiosks, statementsFor, type Db } from '@seoro/db';
import type { ServiceContext } from '../context';
import { SESSION_TOKEN_PATTERN } from '../resident-auth/secrets';
import { kioskTokenHash } from './pairing-code';

/** A paired kiosk, as its token identifies it. */
export interface KioskByToken {
  id: string;
  name: string;
  roomId: string | null;
  enabledPlugins: string[];
}

/** Every kiosk call starts with this read: prepared once per connection. */
export const kioskTokenStatements = statementsFor((db: Db) => ({
  byHash: db
    .select({
      id: kiosks.id,
      name: kiosks.name,
      roomId: kiosks.roomId,
      enabledPlugins: kiosks.enabledPlugins,
      revokedAt: kiosks.revokedAt,
    })
    .from(kiosks)
    .where(eq(kiosks.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare(),
}));

/**
 * The kiosk a device token belongs to, or null: for a token of the wrong shape, one never issued,
 * one replaced by a later pairing, or one of a revoked kiosk (revoking clears the stored hash).
 * One indexed read; recording the contact (`lastSeenAt`) is the caller's business.
 */
export async function resolveKioskToken(
  ctx: ServiceContext,
  token: string | null | undefined,
): Promise<KioskByToken | null> {
  if (!token || !SESSION_TOKEN_PATTERN.test(token)) return null;
  const [row] = await kioskTokenStatements(ctx.database.db).byHash.all({
    hash: kioskTokenHash(token),
  });
  if (!row || row.revokedAt) return null;
  return { id: row.id, name: row.name, roomId: row.roomId, enabledPlugins: row.enabledPlugins };
}
