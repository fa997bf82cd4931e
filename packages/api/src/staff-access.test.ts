import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type StaffIdentity, type TrpcContext } from '@seoro/trpc';
import { testDatabase } from '@seoro/db/test/vitest';
import { appRouter } from './router';

/** The staff procedures anyone may call: signing in and out. */
const OPEN_TO_ANYONE = ['staff.auth.signIn', 'staff.auth.signOut'];

/** The staff procedures for administrators alone; staff and viewers are refused, reads included. */
const ADMINS_ONLY = [
  'staff.audit.search',
  'staff.accounts.list',
  'staff.accounts.create',
  'staff.accounts.setRole',
  'staff.accounts.setDisabled',
  'staff.accounts.unlock',
  'staff.accounts.resetPassword',
];

/** A procedure's kind (query, mutation), read from tRPC's definition of it. */
function procedureType(procedure: object): string {
  const def: unknown = Reflect.get(procedure, '_def');
  const type: unknown = typeof def === 'object' && def !== null ? Reflect.get(def, 'type') : null;
  return typeof type === 'string' ? type : 'unknown';
}

const staffProcedures = Object.entries(appRouter._def.procedures)
  .filter(([path]) => path.startsWith('staff.') && !OPEN_TO_ANYONE.includes(path))
  .map(([path, procedure]) => ({
    path,
    type: procedureType(procedure),
  }));

async function contexts() {
  const { database } = await testDatabase();
  const services = createServiceContext(database);
  const rateLimiter = createRateLimiter();
  const base: TrpcContext = {
    services,
    rateLimiter,
    locale: 'en',
    ip: '127.0.0.1',
    requestId: 'test',
    staff: null,
    kiosk: null,
    resident: null,
  };
  const viewer: StaffIdentity = {
    id: 'viewer-1',
    role: 'viewer',
    email: 'viewer@seoroseoro.example',
    name: 'Viewer',
  };
  const staff: StaffIdentity = {
    id: 'staff-1',
    role: 'staff',
    email: 'staff@seoroseoro.example',
    name: 'Staff',
  };
  return {
    anonymous: base,
    resident: { ...base, resident: { id: 'resident-1' } },
    kiosk: {
      ...base,
      kiosk: { id: 'kiosk-1', name: 'Kiosk', roomId: null, enabledPlugins: ['checkin'] },
    },
    viewer: { ...base, staff: viewer },
    staff: { ...base, staff },
  };
}

/** Calls a procedure by its dotted path with an empty input; resolves to the error code, if any. */
async function call(ctx: TrpcContext, path: string): Promise<string> {
  let target: unknown = appRouter.createCaller(ctx);
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  try {
    await (target as (input: unknown) => Promise<unknown>)({});
    return 'allowed';
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}

describe('staff procedures', () => {
  it('are found (the list below is not empty by accident)', () => {
    const paths = staffProcedures.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['staff.auth.me', 'staff.courses.cancel', ...ADMINS_ONLY]),
    );
    // Each is read as a query or a mutation, so the viewer check below cannot skip one unread.
    for (const p of staffProcedures) expect(['query', 'mutation'], p.path).toContain(p.type);
  });

  it.each(staffProcedures)(
    '$path refuses callers who are not signed-in staff',
    async ({ path }) => {
      const ctx = await contexts();
      for (const who of ['anonymous', 'resident', 'kiosk'] as const) {
        expect([`${who}: UNAUTHORIZED`, `${who}: FORBIDDEN`]).toContain(
          `${who}: ${await call(ctx[who], path)}`,
        );
      }
    },
  );

  it.each(staffProcedures.filter((p) => p.type === 'mutation'))(
    '$path refuses a viewer (viewers only look)',
    async ({ path }) => {
      const ctx = await contexts();
      expect(await call(ctx.viewer, path)).toBe('FORBIDDEN');
    },
  );

  it.each(staffProcedures.filter((p) => ADMINS_ONLY.includes(p.path)))(
    '$path refuses staff and viewers (administrators only)',
    async ({ path }) => {
      const ctx = await contexts();
      expect(await call(ctx.viewer, path)).toBe('FORBIDDEN');
      expect(await call(ctx.staff, path)).toBe('FORBIDDEN');
    },
  );
});
