import { sveltekit } from '@sveltejs/kit/vite';
// From 'vitest/config' so that `test` type-checks.
import { defineConfig } from 'vitest/config';

// The API and the kiosk live in the Hono server (apps/server); in `vite dev` we forward to it.
const apiServer = process.env.API_DEV_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // No paraglide Vite plugin: it keeps processes alive after a build. Messages are
  // compiled by `pnpm i18n` in packages/i18n.
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/trpc': { target: apiServer, changeOrigin: false },
      '/kiosk': { target: apiServer, changeOrigin: false, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
