// Reports the built kiosk's JavaScript, gzipped: what every start loads (the entry and the
// chunks it imports statically, held to a budget) and what loads only when asked for (the
// camera's QR reader and its WebAssembly), each on its own line. Run after `vite build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most gzipped JavaScript a kiosk may load before anything is tapped. */
const INITIAL_BUDGET = 150 * 1024;

const dist = join(import.meta.dirname, '..', 'dist');
const assets = join(dist, 'assets');
const gz = (file) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="[^"]*\/assets\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
const initial = new Set();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.pop();
  if (initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(join(assets, file), 'utf8');
  // Static imports only: `import(` (a lazy chunk) is not followed.
  for (const m of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
  )) {
    queue.push(m[1]);
  }
}

const files = readdirSync(assets);
const initialBytes = [...initial].reduce((sum, f) => sum + gz(f), 0);
console.log(
  `initial JS (${[...initial].join(', ')}): ${kb(initialBytes)} of ${kb(INITIAL_BUDGET)}`,
);
for (const file of files.filter(
  (f) => (f.endsWith('.js') && !initial.has(f)) || f.endsWith('.wasm'),
)) {
  console.log(`on demand: ${file}: ${kb(gz(file))}`);
}
if (initialBytes > INITIAL_BUDGET) {
  console.error(
    `The kiosk's initial JavaScript is over budget by ${kb(initialBytes - INITIAL_BUDGET)}.`,
  );
  process.exit(1);
}
