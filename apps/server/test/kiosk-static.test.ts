/**
 * The kiosk's files as the server hands them out: hashed assets cached for good; index.html, the
 * service worker and the web manifest looked at again on every load, so a new build is picked up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTestDatabase } from '@seoro/db/test';
import { createServiceContext } from '@seoro/services';
import { createApp } from '../src/app';

let dir: string;
let env: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seoro-kiosk-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"kiosk"}');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  env = await createTestDatabase();
  app = createApp({
    database: env.database,
    services: createServiceContext(env.database),
    logger: pino({ level: 'silent' }),
    kioskDir: dir,
  });
});
afterAll(async () => {
  await env.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the kiosk static files', () => {
  it('serves the service worker and the manifest uncached, with their types', async () => {
    const sw = await app.request('/kiosk/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await app.request('/kiosk/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const index = await app.request('/kiosk/');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps hashed assets cached for good', async () => {
    const asset = await app.request('/kiosk/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A missing one is a 404, never the app's page cached for a year.
    const missing = await app.request('/kiosk/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    // Client-side routes still get the page.
    const deep = await app.request('/kiosk/some/screen');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
  });
});
