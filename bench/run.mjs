// Runs every benchmark in bench/ (files exporting `run()`), one after another, in this process.
// Usage: npm run bench [-- NAME...]   e.g. npm run bench -- decode
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort();

for (const file of files) {
  console.log(`\n== ${file.replace(/\.mjs$/, '')}`);
  const mod = await import(new URL(file, import.meta.url));
  await mod.run();
}
