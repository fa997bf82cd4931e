import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/vitest';

describe('values libSQL cannot bind', () => {
  // Bound unchecked, each of these aborts the process inside libSQL's native code (a panic, not an
  // exception): without the check this test ends its worker instead of failing.
  it.each([
    ['a boolean', true],
    ['a Date', new Date(0)],
    ['a Buffer', Buffer.from('x')],
    ['an object', { a: 1 }],
  ])('fail the write with a TypeError for %s, and the writer goes on', async (_, value) => {
    const t = await testDatabase();
    await expect(t.database.write(async (tx) => tx.all(sql`select ${value} as v`))).rejects.toThrow(
      /^Statement parameter 1 is a \w+, which libSQL cannot bind$/,
    );
    // Drizzle wraps a failed `run` in its own error, with the refusal as the cause.
    const failure: unknown = await t.database
      .write(async (tx) => tx.run(sql`select 1, ${value}`))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure instanceof Error ? failure.cause : failure).toBeInstanceOf(TypeError);
    expect(await t.database.write(async (tx) => tx.all(sql`select ${'still'} as v`))).toEqual([
      { v: 'still' },
    ]);
  });

  it('bind what libSQL binds: text, numbers, big integers and null', async () => {
    const t = await testDatabase();
    const rows = await t.database.write(async (tx) =>
      tx.all(sql`select ${'글'} as s, ${1.5} as n, ${2n ** 40n} as b, ${null} as z`),
    );
    expect(rows).toEqual([{ s: '글', n: 1.5, b: 2 ** 40, z: null }]);
  });
});
