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

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapterNodeWithKitServer({ out: 'build', precompress: true }),
    // The content security policy is set by `src/lib/server/csp.ts` (hashes by Node's sha256).
  },
};

export default config;
