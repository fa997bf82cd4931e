import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const api = { '/trpc': 'http://127.0.0.1:3000' };

export default defineConfig({
  // The Hono server serves dist/ under /kiosk with an SPA fallback.
  base: '/kiosk/',
  plugins: [
    svelte(),
    // A service worker so the kiosk starts with the network down: the built shell (scripts,
    // styles, every font subset) is precached, and a page load falls back to index.html. Calls
    // to /trpc are never cached; what a screen cannot send waits in its plugin's own queue.
    VitePWA({
      strategies: 'generateSW',
      // main.ts registers it: no inline script, the CSP allows none.
      injectRegister: false,
      registerType: 'autoUpdate',
      scope: '/kiosk/',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: '서로서로학교 키오스크',
        short_name: '서로서로학교',
        description: '서로서로학교 출석·신청 키오스크',
        lang: 'ko',
        start_url: '/kiosk/',
        scope: '/kiosk/',
        display: 'fullscreen',
        orientation: 'portrait',
        background_color: '#faf8f4',
        theme_color: '#0b5e44',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        // favicon.svg (includeAssets) and the web manifest are added by the plugin. The camera's
        // barcode reader (WebAssembly, about 1.1 MB) too: a QR check-in must work offline.
        globPatterns: ['**/*.{js,css,html,woff2,wasm}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/kiosk/index.html',
        navigateFallbackAllowlist: [/^\/kiosk(\/|$)/],
        navigateFallbackDenylist: [/^\/trpc/],
        // No runtime caching at all: only the precached shell is ever answered from the cache.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // One file to serve with no-cache, rather than sw.js plus a workbox runtime chunk.
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
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
