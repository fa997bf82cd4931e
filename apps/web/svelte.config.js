import { mkdirSync, writeFileSync } from 'node:fs';
import nodeAdapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * adapter-node, plus an importable `Server` and `manifest` in `<out>/kit` for the Hono host
 * (`new Server(manifest)`, then `server.respond(request, { getClientAddress, platform })`).
 * adapter-node alone only emits hashed chunks, so there is no stable `Server` to import.
 *
 * @param {import('@sveltejs/adapter-node').AdapterOptions & { out: string }} opts
 * @returns {import('@sveltejs/kit').Adapter}
 */
function adapterNodeWithKitServer(opts) {
  const node = nodeAdapter(opts);
  return {
    ...node,
    name: 'adapter-node+kit-server',
    async adapt(builder) {
      await node.adapt(builder); // build/{handler,index}.js, build/client, build/prerendered
      const dir = `${opts.out}/kit`;
      mkdirSync(dir, { recursive: true });
      builder.writeServer(dir); // the Server class and the route nodes
      writeFileSync(
        `${dir}/manifest.js`,
        `export const manifest = ${builder.generateManifest({ relativePath: './' })};\n` +
          `export const prerendered = new Set(${JSON.stringify(builder.prerendered.paths)});\n` +
          `export const base = ${JSON.stringify(builder.config.kit.paths.base)};\n`,
      );
    },
  };
}

/**
 * SvelteKit's route announcer (a visually hidden live region it adds after hydration) carries a
 * fixed `style` attribute. 'unsafe-hashes' plus its hash allows exactly that attribute and nothing
 * else; `src/lib/csp.test.ts` recomputes the hash from the installed SvelteKit so an upgrade that
 * changes it fails the tests instead of silently breaking the CSP.
 */
export const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapterNodeWithKitServer({ out: 'build', precompress: true }),
    // Hashes of the inline scripts, never nonces: a public page may be served again from the
    // server's page cache or a proxy, and a nonce must not be seen twice, while a page's hash
    // stays true of the page it was computed for. No 'unsafe-inline' for styles:
    // we use no Svelte transitions and no style attributes (SvelteKit adds it by itself in `vite dev`).
    // The one inline style allowed is SvelteKit's own announcer (see ANNOUNCER_STYLE_HASH).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-hashes', ANNOUNCER_STYLE_HASH],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'frame-ancestors': ['none'],
        'form-action': ['self'],
        'base-uri': ['self'],
      },
    },
  },
};

export default config;
