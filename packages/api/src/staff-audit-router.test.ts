import { describe, expect, it } from 'vitest';
import { appRouter } from './router';

/** A procedure's kind (query, mutation), read from tRPC's definition of it. */
function procedureType(procedure: object): string {
  const def: unknown = Reflect.get(procedure, '_def');
  const type: unknown = typeof def === 'object' && def !== null ? Reflect.get(def, 'type') : null;
  return typeof type === 'string' ? type : 'unknown';
}

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  type: procedureType(procedure),
}));

describe('the audit log is append-only', () => {
  it('has a search procedure (the list below is not empty by accident)', () => {
    expect(procedures.map((p) => p.path)).toContain('staff.audit.search');
  });

  it('no procedure is named for changing or removing audit rows', () => {
    const changesAudit = procedures.filter(
      (p) =>
        /audit/i.test(p.path) &&
        /(delete|remove|update|edit|erase|purge|clear|truncate|set|patch)/i.test(p.path),
    );
    expect(changesAudit).toEqual([]);
  });

  it('every audit procedure only reads', () => {
    const audit = procedures.filter((p) => /audit/i.test(p.path));
    for (const p of audit) expect(p.type, p.path).toBe('query');
  });
});
