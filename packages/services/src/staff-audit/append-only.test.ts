import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { auditLog } from '@seoro/db';
import { testDatabase } from '@seoro/db/test/vitest';

/** The repository's root, from this file (packages/services/src/staff-audit). */
const ROOT = resolve(import.meta.dirname, '../../../..');

/** Every `.ts` source under packages/ and apps/, without tests, build output or dependencies. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'dist', 'build', '.svelte-kit', '.turbo'].includes(entry.name)) {
        return [];
      }
      return sources(path);
    }
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) return [];
    if (/\.(test|spec)\.ts$/.test(entry.name) || path.includes('/e2e/')) return [];
    return [path];
  });
}

/** What changing or removing an audit row would look like, in drizzle or in raw SQL. */
const FORBIDDEN = [
  /\.update\(\s*auditLog\b/,
  /\.delete\(\s*auditLog\b/,
  /\bupdate\s+[`"']?audit_log\b/i,
  /\bdelete\s+from\s+[`"']?audit_log\b/i,
];

/** The message of a refused statement and of what caused it (drizzle wraps the driver's error). */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(' / ');
}

describe('the audit log is append-only', () => {
  it('the database refuses to update or delete a row', async () => {
    const { database } = await testDatabase();
    await database.write((tx) =>
      tx.insert(auditLog).values({ at: new Date(), actorType: 'system', action: 'test.row' }),
    );
    expect(
      await refusal(
        database.write((tx) =>
          tx.update(auditLog).set({ action: 'changed' }).where(eq(auditLog.action, 'test.row')),
        ),
      ),
    ).toMatch(/append-only/);
    expect(await refusal(database.write((tx) => tx.delete(auditLog)))).toMatch(/append-only/);
    expect(
      await refusal(
        database.write(async (tx) => {
          await tx.run(sql`delete from audit_log where action = 'test.row'`);
        }),
      ),
    ).toMatch(/append-only/);
    const rows = await database.db.select().from(auditLog);
    expect(rows.map((row) => row.action)).toEqual(['test.row']);
  });

  it('no source under packages/ or apps/ updates or deletes audit rows', () => {
    const files = [...sources(join(ROOT, 'packages')), ...sources(join(ROOT, 'apps'))];
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((pattern) => pattern.test(text)).map(
        (pattern) => `${relative(ROOT, file)}: ${pattern.source}`,
      );
    });
    expect(offenders).toEqual([]);
  });
});
