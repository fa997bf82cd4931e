// Bundles the server and the workspace packages it uses into dist/index.js. npm dependencies stay
// external (native libSQL bindings cannot be bundled) and are resolved from this package at run
// time, so each must be one of its own dependencies: the build checks that and names any missing.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const result = await build({
  // The writer thread is its own entry: a worker starts from a file.
  entryPoints: { index: 'src/index.ts', 'writer-thread': 'src/writer/thread.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  metafile: true,
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

const require = createRequire(new URL('./package.json', import.meta.url));
const externals = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && !i.path.startsWith('node:'))
    .map((i) => i.path),
);
const missing = [...externals].filter((name) => {
  try {
    require.resolve(name);
    return false;
  } catch {
    try {
      // Packages without a CommonJS entry still have their package.json.
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0];
      require.resolve(`${pkg}/package.json`);
      return false;
    } catch {
      return true;
    }
  }
});
if (missing.length > 0) {
  console.error(
    `The server bundle imports packages that apps/server does not depend on: ${missing.join(', ')}.\n` +
      'Add them to apps/server/package.json dependencies (as "catalog:").',
  );
  process.exit(1);
}
console.log(
  `server bundled: dist/index.js, dist/writer-thread.js (${externals.size} external packages, all resolvable)`,
);
