/**
 * Every kiosk procedure is refused with a bare 401 unless the call carries a live device token:
 * never paired, a made-up token, a token replaced by re-pairing, or a revoked kiosk's. The list
 * is read from the router, so a procedure added later is covered without touching this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, makeRoom } from '@seoro/db/test';
import { appRouter, serverPlugins } from '@seoro/api';
import {
  createServiceContext,
  createKioskPairingCode,
  pairKioskWithCode,
  pairNewKiosk,
  revokeKiosk,
} from '@seoro/services';
import { createApp } from '../src/app';

type Env = Awaited<ReturnType<typeof setup>>;
let env: Env;
beforeAll(async () => {
  env = await setup();
});
afterAll(async () => {
  await env.cleanup();
});

async function setup() {
  const t = await createTestDatabase();
  const { roomId } = await makeRoom(t.database);
  const services = createServiceContext(t.database);
  const app = createApp({ database: t.database, services, logger: pino({ level: 'silent' }) });
  const live = await pairNewKiosk(services, { name: 'Live', roomId, enabledPlugins: ['checkin'] });
  const revoked = await pairNewKiosk(services, { name: 'Lost', roomId, enabledPlugins: [] });
  await revokeKiosk(services, { kioskId: revoked.kioskId, reason: 'stolen', staffId: 'cli' });
  const replaced = await pairNewKiosk(services, { name: 'Re-paired', roomId, enabledPlugins: [] });
  const { code } = await createKioskPairingCode(services, {
    kioskId: replaced.kioskId,
    actor: { type: 'system' },
  });
  await pairKioskWithCode(services, { code });
  return { ...t, app, services, live, revoked, replaced };
}

interface Procedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { tier?: string } };
}
const all: Record<string, unknown> = appRouter._def.procedures;
const isProcedure = (p: unknown): p is Procedure =>
  typeof p === 'function' || (typeof p === 'object' && p !== null && '_def' in p);
const procedures = Object.entries(all).flatMap(([path, p]): Array<[string, Procedure]> =>
  isProcedure(p) ? [[path, p]] : [],
);
const kioskProcedures = procedures.filter(([, p]) => p._def.meta?.tier === 'kiosk');

const ORIGIN = 'http://localhost';
function call(path: string, type: string, headers: Record<string, string>) {
  // An empty input: the refusal must come before the input is even read.
  return type === 'query'
    ? env.app.request(`${ORIGIN}/trpc/${path}?input=${encodeURIComponent('{}')}`, { headers })
    : env.app.request(`${ORIGIN}/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
        body: '{}',
      });
}

describe('kiosk procedures', () => {
  it('are every procedure of a kiosk plugin and of the kiosk router, but pairing', () => {
    const kioskRoots = Object.values(serverPlugins)
      .filter((p) => p?.manifest.surfaces.kiosk)
      .flatMap((p) => Object.keys(p?.routes ?? {}));
    const expected = procedures
      .filter(([path, p]) => {
        const root = path.split('.')[0]!;
        return (root === 'kiosk' || kioskRoots.includes(root)) && p._def.meta?.tier !== 'staff';
      })
      .map(([path]) => path)
      .filter((path) => path !== 'kiosk.pair');
    expect(kioskProcedures.map(([path]) => path).sort()).toEqual(expected.sort());
    expect(kioskProcedures.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'kiosk.device',
        'kiosk.heartbeat',
        'checkin.today',
        'checkin.checkIn',
      ]),
    );
  });

  const refusals: Array<[string, () => Record<string, string>]> = [
    ['without a token', () => ({})],
    ['with a made-up token', () => ({ 'x-seoro-kiosk-token': 'A'.repeat(43) })],
    ['with a revoked kiosk’s token', () => ({ 'x-seoro-kiosk-token': env.revoked.token })],
    ['with a token replaced by re-pairing', () => ({ 'x-seoro-kiosk-token': env.replaced.token })],
  ];
  for (const [label, headers] of refusals) {
    it(`answer 401 ${label}`, async () => {
      expect(kioskProcedures.length).toBeGreaterThan(3);
      for (const [path, p] of kioskProcedures) {
        const res = await call(path, p._def.type, headers());
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    });
  }

  it('accept a live token', async () => {
    const res = await call('kiosk.device', 'query', { 'x-seoro-kiosk-token': env.live.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      result: { data: { name: string; enabledPlugins: string[] } };
    };
    expect(body.result.data).toMatchObject({ name: 'Live', enabledPlugins: ['checkin'] });
  });
});
