import type { Database } from '@seoro/db';
import { HISTORY_SAMPLE_FILE_NAME, readHistorySample } from '@seoro/db/seed';
import { createServiceContext, importHistory, sha256Hex } from '@seoro/services';

/**
 * Imports the shipped sample of past terms into the demo database through the import service (as
 * staff would, marked as a sample), so the admin's history shows the years before this system.
 * Importing it again adds nothing.
 */
export async function importHistorySample(database: Database) {
  const bytes = await readHistorySample();
  return importHistory(createServiceContext(database), {
    fileName: HISTORY_SAMPLE_FILE_NAME,
    fileBase64: Buffer.from(bytes).toString('base64'),
    sha256: sha256Hex(bytes),
    staffId: null,
    sample: true,
  });
}
