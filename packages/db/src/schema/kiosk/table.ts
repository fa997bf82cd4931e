import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, instant } from '../_columns';
import { rooms } from '../venue/table';
import { staffUsers } from '../staff/table';

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
  /** Check-ins the kiosk holds offline, as it last reported them, and when it did. */
  queueLength: integer('queue_length').notNull().default(0),
  queueReportedAt: instant('queue_reported_at'),
  createdAt: createdAt(),
});

/**
 * A one-time code that pairs a kiosk (valid at most 10 minutes). Only its hash is stored; using
 * it sets `usedAt`, and creating a new one for the same kiosk leaves older ones to expire.
 */
export const kioskPairingCodes = sqliteTable(
  'kiosk_pairing_codes',
  {
    id: id(),
    kioskId: text('kiosk_id')
      .notNull()
      .references(() => kiosks.id),
    codeHash: text('code_hash').notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdByStaffId: text('created_by_staff_id').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('kiosk_pairing_codes_kiosk_idx').on(t.kioskId)],
);
