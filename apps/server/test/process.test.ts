/**
 * The built server as an operator runs it: a fresh database file is created, migrated and seeded
 * on first start; pages, kiosk and API answer on one port; SIGTERM lets requests in flight finish,
 * closes the database and exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createClient } from '@libsql/client';
import { endServer, startServer, type ServerProcess } from './support/spawn-server';

let dir: string;
let server: ServerProcess | undefined;
let base: string;
const output = () => server?.output() ?? '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-process-'));
  server = await startServer({
    databaseUrl: `file:${join(dir, 'nested', 'app.db')}`,
    env: { LOG_LEVEL: 'info' },
  });
  base = server.base;
}, 30_000);

afterAll(async () => {
  await endServer(server);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('the server process', () => {
  it('creates, migrates and seeds the database on first start', async () => {
    const db = createClient({ url: `file:${join(dir, 'nested', 'app.db')}` });
    const terms = await db.execute('select slug from terms order by starts_on');
    db.close();
    expect(terms.rows.map((r) => r.slug)).toContain('2026-1');
    expect(terms.rows).toHaveLength(2);
    expect(output()).toContain('demo data created');
  });

  it('prints a one-step pairing address for the demo kiosk, which pairs it once', async () => {
    const line = output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { pairAt?: string })
      .find((l) => l.pairAt);
    const code = /\/kiosk\/#pair=([0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(line?.pairAt ?? '')?.[1];
    expect(code).toBeDefined();
    const pair = () =>
      fetch(`${base}/trpc/kiosk.pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ code }),
      });
    const first = await pair();
    expect(first.status).toBe(200);
    const { token } = ((await first.json()) as { result: { data: { token: string } } }).result.data;
    const device = await fetch(`${base}/trpc/kiosk.device`, {
      headers: { 'x-seoro-kiosk-token': token },
    });
    const described = (
      (await device.json()) as {
        result: { data: { room: { en: string }; enabledPlugins: string[] } };
      }
    ).result.data;
    expect(described.room.en).toBe('Lecture Room 3');
    expect(described.enabledPlugins).toContain('checkin');
    expect((await pair()).status).toBe(400);
  });

  it('serves the site with its own CSP, the kiosk and the API on one port', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain('lang="ko"');
    expect(html).toContain('알아두면 쓸모있는 세금 꿀팁');
    const csp = home.headers.get('content-security-policy') ?? '';
    // Inline scripts are allowed by their hashes (never a nonce: a public page can be served again
    // from the page cache), and each inline script of the page is one of them.
    expect(csp).not.toContain("'nonce-");
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, body] of inline) {
      const digest = createHash('sha256').update(body!).digest('base64');
      expect(csp).toMatch(
        new RegExp(`script-src[^;]*'sha256-${digest.replace(/[+/=]/g, '\\$&')}'`),
      );
    }
    expect(csp).toContain("frame-ancestors 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');

    const en = await fetch(`${base}/en`);
    const enHtml = await en.text();
    expect(enHtml).toContain('Helpful Tax Tips');
    expect(enHtml).toMatch(/^<!doctype html>\s*<html lang="en">/i);

    const kioskRedirect = await fetch(`${base}/kiosk`, { redirect: 'manual' });
    expect(kioskRedirect.status).toBe(301);
    const kiosk = await fetch(`${base}/kiosk/`);
    expect(kiosk.status).toBe(200);
    expect(await kiosk.text()).toContain('/kiosk/assets/');
    const deep = await fetch(`${base}/kiosk/some/screen`);
    expect(deep.status).toBe(200);

    const ping = await fetch(`${base}/trpc/system.ping`);
    expect(((await ping.json()) as { result: { data: { ok: boolean } } }).result.data.ok).toBe(
      true,
    );
    expect((await fetch(`${base}/no/such/page`)).status).toBe(404);
  });

  it('logs one JSON line per request without confirmation codes', async () => {
    await fetch(`${base}/registrations/DEM1-2026`);
    await new Promise((r) => setTimeout(r, 200));
    const lines = output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.path === '/registrations/:code');
    expect(line).toMatchObject({ method: 'GET', status: 200 });
    expect(output()).not.toContain('/registrations/DEM1-2026');
  });

  it('finishes a request in flight on SIGTERM, closes the database and exits 0', async () => {
    const inFlight = fetch(`${base}/`);
    await new Promise((r) => setTimeout(r, 5));
    process.kill(server!.pid, 'SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect((await server!.exited).code).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
