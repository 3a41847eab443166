/**
 * Builds dist/ once before any test file runs: the tests that spawn the real executable
 * (test/cli/bin.test.ts, test/hostile/) need it fresh, and building it once avoids two workers
 * writing the same files at the same time.
 */

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
}
