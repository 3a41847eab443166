/**
 * `certgate explain` on hostile pastes: every pattern must stay linear in the input (a pattern
 * such as `^\s*` under the m flag re-scans every following blank line from every line start:
 * 60,000 blank lines took 13 s), and a paste cut at the input limit says so.
 */

import { describe, expect, test } from 'vitest';
import { explain } from '../../src/explain/explain.js';
import { MAX_EXPLAIN_INPUT } from '../../src/explain/input.js';
import { spawnCertgate } from '../support/spawn-cli.js';

/** Each repeated until it fills the input: whitespace, and the first words of the patterns. */
const UNITS = [
  '\n',
  ' ',
  '\t',
  ' \n',
  '0 s:',
  'i:',
  'Host: ',
  "is not in the cert's altnames: ",
  'DNS:a, ',
  'x509: ',
  'verify error:num=1:',
  "'",
  '"',
  'CN = a',
  '-connect ',
  'arn:aws:acm:',
  'InvalidViewerCertificate ',
  'a.',
  'a-',
  'ERR_',
  "Value 'a' at '",
  'SSL certificate problem: ',
  "no alternative certificate subject name matches target host name '",
  'candidate authority certificate "',
  'certificate is valid for a, ',
  'No subject alternative DNS name matching ',
  '│ ',
  '\\n',
  'Resource handler returned message: "',
];

/** A hang guard, not a timing test: each of these runs in tens of milliseconds. */
const GUARD_MS = 10_000;

describe('every pattern is linear in the input', () => {
  test.each(UNITS.map((u) => [JSON.stringify(u), u]))('%s repeated to the limit', (_, unit) => {
    const text = unit.repeat(Math.ceil(MAX_EXPLAIN_INPUT / unit.length)).slice(0, MAX_EXPLAIN_INPUT - 40);
    const started = performance.now();
    const result = explain(`${text}\nInvalidViewerCertificate`);
    expect(performance.now() - started).toBeLessThan(GUARD_MS);
    expect(result.truncated).toBe(false);
  });
});

test('60,000 blank lines before a code: the code is explained, no hang', async () => {
  const r = await spawnCertgate(['explain', '-'], {
    stdin: `${'\n'.repeat(60_000)}InvalidViewerCertificate\n`,
    timeoutMs: 60_000,
    maxHeapMiB: 256,
  });
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('line 60001');
  expect(r.stdout).toContain('InvalidViewerCertificate');
});

test('an error past the input limit: not recognised, and the error says the input was cut', async () => {
  const r = await spawnCertgate(['explain', '-'], {
    stdin: `${'x'.repeat(200_000)}\nunable to get local issuer certificate\n`,
    timeoutMs: 60_000,
  });
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]).toBe(
    'certgate: error: not recognised: no CloudFront, TLS client or certgate error found in the text (only the first 64 KiB of the input were read)',
  );
});

test('a recognised error in a cut input: the text output says the input was cut', async () => {
  const r = await spawnCertgate(['explain', '-'], {
    stdin: `unable to get local issuer certificate\n${'x'.repeat(200_000)}\n`,
    timeoutMs: 60_000,
  });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Only the first 64 KiB of the input were read.');
});
