import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrate as migrateSync } from 'drizzle-orm/better-sqlite3/migrator';
import { migrate as migrateAsync } from 'drizzle-orm/libsql/migrator';
import type { ClientDb, SyncDb } from './types';

/**
 * The committed migrations. Resolved through the package (not this file's URL) so it also holds
 * when this module is bundled into the server.
 */
export const MIGRATIONS_FOLDER = join(
  dirname(createRequire(import.meta.url).resolve('@seoro/db/package.json')),
  'drizzle',
);

/**
 * Applies the migrations in `migrationsFolder` that the database has not seen yet: through the
 * embedded writer's own connection when there is one, else through the libSQL client.
 */
export async function applyMigrations(
  target: { writer: SyncDb } | { client: ClientDb },
  migrationsFolder: string,
): Promise<void> {
  if ('writer' in target) migrateSync(target.writer, { migrationsFolder });
  else await migrateAsync(target.client, { migrationsFolder });
}
