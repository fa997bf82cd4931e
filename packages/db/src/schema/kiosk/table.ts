import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { rooms } from '../venue/table';

/**
 * A paired touchscreen. Only a hash of its device token is stored; `enabledPlugins` is the JSON
 * list of plugin ids this kiosk shows, changed in the admin.
 */
export const kiosks = sqliteTable('kiosks', {
  id: id(),
  name: text('name').notNull(),
  roomId: text('room_id').references(() => rooms.id),
  tokenHash: text('token_hash').unique(),
  enabledPlugins: text('enabled_plugins', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(['checkin']),
  pairedAt: instant('paired_at'),
  revokedAt: instant('revoked_at'),
  lastSeenAt: instant('last_seen_at'),
  createdAt: createdAt(),
});
