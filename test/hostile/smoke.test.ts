/** The hostile-input harness itself: a spawned run reports its exit code, output and memory. */

import { expect, test } from 'vitest';
import { spawnCertgate } from '../support/spawn-cli.js';

test('a spawned certgate reports exit code, output and peak memory', async () => {
  const r = await spawnCertgate(['inspect', 'does-not-exist.pem'], { timeoutMs: 30_000 });
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('certgate: error: does-not-exist.pem: no such file or directory\n');
  expect(r.peakMiB).toBeGreaterThan(10);
  expect(r.peakMiB).toBeLessThan(512);
});
