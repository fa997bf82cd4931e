/**
 * The reads residents and kiosks make most (the catalogue, a course page, a registration by its
 * code, today's classes at a kiosk's room, the kiosk behind a device token) are prepared statements; this reads SQLite's plan for
 * each, on the demo data, and requires that every table it touches is reached through an index
 * (or its primary key), never scanned. A query or schema change that loses an index fails here,
 * not on opening day.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoData } from '@seoro/db/seed';
import { testDatabase } from '@seoro/db/test/vitest';
import { catalogueStatements } from './catalogue/get-current-catalogue';
import { courseStatements } from './catalogue/get-course';
import { kioskRoomStatements } from './checkin/kiosk-room';
import { todayAtRoomStatements } from './checkin/today-at-room';
import { kioskTokenStatements } from './kiosks/resolve-kiosk-token';
import { registrationByCodeStatements } from './registration/get-registration-by-code';
import { cardStatements } from './views';

/** Every hot read statement, by name, as drizzle prepared it. */
function hotStatements(db: Parameters<typeof cardStatements>[0]) {
  const named: Record<string, { getQuery(): { sql: string; params: unknown[] } }> = {};
  const add = (group: string, statements: Record<string, unknown>) => {
    for (const [name, statement] of Object.entries(statements))
      named[`${group}.${name}`] = statement as (typeof named)[string];
  };
  add('catalogue', catalogueStatements(db));
  add('cards', cardStatements(db));
  add('course', courseStatements(db));
  add('registrationByCode', registrationByCodeStatements(db));
  add('todayAtRoom', todayAtRoomStatements(db));
  add('kioskRoom', kioskRoomStatements(db));
  add('kioskToken', kioskTokenStatements(db));
  return named;
}

/** SQLite's plan for a statement, one line per step. */
async function planOf(
  t: Awaited<ReturnType<typeof testDatabase>>,
  sql: string,
  params: unknown[],
): Promise<string[]> {
  const args = params.map((p) => (typeof p === 'object' && p !== null ? 'x' : p));
  const plan = await t.database.client.execute({
    sql: `explain query plan ${sql}`,
    args: args as string[],
  });
  return plan.rows.map((r) => String(r.detail));
}

describe('hot reads', () => {
  it('reach every table through an index, never by scanning it', async () => {
    const t = await testDatabase();
    await seedDemoData(t.database);
    // No ANALYZE: SQLite then plans as for large tables, so a table of three rows that would be
    // scanned today still has to have its index for the day it has three thousand.
    const statements = hotStatements(t.database.db);
    expect(Object.keys(statements).length).toBeGreaterThanOrEqual(9);
    const scans: string[] = [];
    for (const [name, statement] of Object.entries(statements)) {
      const { sql, params } = statement.getQuery();
      const plan = await planOf(t, sql, params);
      expect(plan.length, name).toBeGreaterThan(0);
      for (const step of plan) {
        // "SCAN t" reads a whole table; "SCAN t USING (COVERING) INDEX" walks an index in order.
        if (/^SCAN /.test(step) && !/USING (COVERING )?INDEX/.test(step)) {
          scans.push(`${name}: ${step}`);
        }
      }
    }
    expect(scans).toEqual([]);
  });
});
