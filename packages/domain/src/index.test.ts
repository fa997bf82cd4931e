import { describe, expect, it } from 'vitest';
import * as domain from './index';

// Every module of the package, as Vite sees the folder (tests excluded).
const modules = import.meta.glob<Record<string, unknown>>(
  ['./*.ts', '!./*.test.ts', '!./index.ts'],
  {
    eager: true,
  },
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
