// Fails when a message exists in one locale but not in the other, or is empty.
// Paraglide falls back to the base locale silently; we would rather not ship that.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../messages/', import.meta.url).pathname;
const locales = ['ko', 'en'];
const problems = [];
const seen = new Map();
for (const area of readdirSync(root)) {
  const files = Object.fromEntries(
    locales.map((l) => [l, JSON.parse(readFileSync(join(root, area, `${l}.json`), 'utf8'))]),
  );
  const keys = new Set(
    locales.flatMap((l) => Object.keys(files[l]).filter((k) => k !== '$schema')),
  );
  for (const key of keys) {
    if (seen.has(key)) problems.push(`${key}: defined in both ${seen.get(key)} and ${area}`);
    seen.set(key, area);
    for (const l of locales) {
      const v = files[l][key];
      if (typeof v !== 'string' || v.trim() === '')
        problems.push(`${area}/${l}.json: missing "${key}"`);
    }
  }
}
if (problems.length) {
  console.error(`Message catalogue is incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Message catalogue complete: ${seen.size} messages in ${locales.join(', ')}.`);

// The compiler reports success even when its plugin failed to load and it emitted nothing.
const compiled = new URL('../src/paraglide/messages/_index.js', import.meta.url);
try {
  const index = readFileSync(compiled, 'utf8');
  const missing = [...seen.keys()].filter((k) => !index.includes(k));
  if (missing.length) {
    console.error(
      `Compiled messages lack: ${missing.join(', ')} (did the compiler load its plugin?)`,
    );
    process.exit(1);
  }
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
