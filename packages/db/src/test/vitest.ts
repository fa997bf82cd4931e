import { onTestFinished } from 'vitest';
import { createTestDatabase } from './index';

/**
 * A fresh, migrated database for the test that is running, closed and deleted when that test
 * finishes: the per-file cleanup list and `afterEach` it replaces were the same in every suite.
 */
export async function testDatabase(
  options: { migrate?: boolean } = {},
): ReturnType<typeof createTestDatabase> {
  const t = await createTestDatabase(options);
  onTestFinished(t.cleanup);
  return t;
}
