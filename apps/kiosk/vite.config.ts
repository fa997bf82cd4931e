import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const api = { '/trpc': 'http://127.0.0.1:3000' };

export default defineConfig({
  // The Hono server serves dist/ under /kiosk with an SPA fallback.
  base: '/kiosk/',
  plugins: [svelte()],
  resolve: {
    // Resolve from this app so the shell and its plugins share one copy.
    dedupe: ['svelte', '@trpc/client'],
  },
  server: { port: 5174, strictPort: true, proxy: api },
  preview: { proxy: api },
  build: {
    target: 'es2022',
    // Fonts and icons as files, never data: URLs, so a strict CSP needs no exceptions.
    assetsInlineLimit: 0,
    // Read by scripts/report-size.mjs to tell start-up chunks from those loaded on demand.
    manifest: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
