// Bundles the server and the workspace packages it uses into dist/index.js. npm dependencies stay
// external (native libSQL bindings cannot be bundled); the SvelteKit and kiosk builds are loaded
// from their own packages at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-npm',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@seoro/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
console.log('server bundled: dist/index.js');
