import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as domain from './index';

// Every module in the package's folder (tests and the index itself excluded).
const modules: Record<string, Record<string, unknown>> = Object.fromEntries(
  await Promise.all(
    readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
      .map(async (f) => [f, (await import(`./${f}`)) as Record<string, unknown>] as const),
  ),
);

describe('the package index', () => {
  it('finds the modules it should re-export', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(5);
  });

  it.each(Object.entries(modules))('re-exports every export of %s, the same value', (_, module) => {
    for (const [name, value] of Object.entries(module)) {
      expect(domain, `${name} is not exported from @seoro/domain`).toHaveProperty(name);
      expect((domain as Record<string, unknown>)[name], `${name} is another value`).toBe(value);
    }
  });

  it('exports nothing that no module declares (two modules must not export one name)', () => {
    const declared = Object.values(modules).flatMap((module) => Object.keys(module));
    expect(new Set(declared).size).toBe(declared.length);
    expect(Object.keys(domain).sort()).toEqual([...declared].sort());
  });
});
