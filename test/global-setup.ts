/**
 * Builds dist/ (and the CLI bundle in dist/bin/) once before any test file runs: the tests that spawn the real executable
 * (test/cli/bin.test.ts, test/hostile/) need it fresh, and building it once avoids two workers
 * writing the same files at the same time. A type error does not stop the tests (tsc still
 * emits, and `npm run typecheck` is its own CI step); a build that emits nothing does.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (run.error || !existsSync('dist/cli/main.js')) {
    throw new Error(`building dist/ failed: ${run.error?.message ?? run.stdout}`);
  }
  // bin/certgate.js runs the bundle of dist/cli (scripts/bundle-cli.mjs), as users get it
  const bundle = spawnSync(process.execPath, ['scripts/bundle-cli.mjs'], { encoding: 'utf8' });
  if (bundle.status !== 0 || !existsSync('dist/bin/main.js')) {
    throw new Error(`bundling dist/bin/ failed: ${bundle.error?.message ?? bundle.stderr}`);
  }
}
