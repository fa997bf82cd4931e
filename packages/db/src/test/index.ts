/**
 * Test support: a fresh, migrated libSQL file per suite, and factories that make their own rows.
 * Tests never rely on demo seed data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../client';

export * from './factories';

/**
 * Opens a database in a new temporary folder, migrated unless `migrate: false`; `cleanup()`
 * closes and deletes it.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<{
  database: Database;
  url: string;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'seoro-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await Database.open({ url });
  if (options.migrate !== false) await database.migrate();
  return {
    database,
    url,
    dir,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
