// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/bin/: the entry and one chunk per
// part loaded on demand (each command, the YAML reader, ...). Node's ESM loader resolves, reads and
// links every module on its own, and `certgate check` touched some 200 of them: about 100 ms of a
// small run's 250 ms before the first input was read. The library (dist/index.js) stays unbundled
// for those who import it; npm packages stay outside the bundle, loaded from node_modules.
// Run by `npm run build` after tsc; bin/certgate.js imports dist/bin/main.js.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bin/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // the chunks sit two levels under the package root, as dist/cli/version.js does, so
  // `new URL('../../package.json', import.meta.url)` still finds package.json
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
