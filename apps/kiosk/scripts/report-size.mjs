/**
 * Reports the kiosk's JavaScript after `vite build`, gzipped: what the kiosk loads to start (the
 * entry and every chunk it imports statically) and what it loads later, on demand (the camera's
 * barcode reader, for example). The start-up load must stay at or under the budget: the build
 * fails above it. Writes `dist/size.json` for anyone who wants the figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

const entries = Object.values(manifest).filter((c) => c.isEntry);
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const next of chunk.imports ?? []) visit(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const js = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) =>
  f.endsWith('.js'),
);
const sizes = Object.fromEntries(js.map((f) => [f, gz(f)]));
const sum = (files) => files.reduce((n, f) => n + (sizes[f] ?? 0), 0);
const startUp = sum([...initial].filter((f) => f.endsWith('.js')));
const later = js.filter((f) => !initial.has(f));
const wasm = Object.values(manifest)
  .flatMap((c) => [c.file, ...(c.assets ?? [])])
  .filter((f) => f.endsWith('.wasm'));

const report = {
  entries: entries.length,
  startUpKb: kb(startUp),
  onDemandKb: kb(sum(later)),
  totalKb: kb(sum(js)),
  budgetKb: BUDGET_KB,
  onDemand: Object.fromEntries(later.map((f) => [f, kb(sizes[f])])),
  wasmKb: Object.fromEntries([...new Set(wasm)].map((f) => [f, kb(gz(f))])),
};
writeFileSync(join(dist, 'size.json'), JSON.stringify(report, null, 2));
console.log(
  `kiosk JavaScript, gzipped: ${report.startUpKb} KB at start-up (budget ${BUDGET_KB} KB), ` +
    `${report.onDemandKb} KB on demand, ${report.totalKb} KB in all`,
);
if (startUp > BUDGET_KB * 1024) {
  console.error(`the kiosk's start-up JavaScript is over its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
