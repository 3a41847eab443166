/**
 * Faults at the output edge: standard output on a full disk, and `--output` files that a killed
 * run must not leave truncated or stale.
 */

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/certgate.js');
const tmp = mkdtempSync(join(tmpdir(), 'certgate-output-'));

/** Runs the real executable with its stdout on `stdoutFd`; resolves with the exit code and stderr. */
function runWithStdout(args: string[], stdoutFd: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    stdio: ['ignore', stdoutFd, 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(guard);
      done({ code, stderr });
    }),
  );
}

test.runIf(existsSync('/dev/full'))(
  'stdout on a full disk: one error line and exit 3, no stack trace',
  async () => {
    for (const format of ['text', 'json']) {
      const r = await runWithStdout(
        ['inspect', 'examples/certs/fullchain.pem', '--at', '2027-03-01', '--format', format],
        openSync('/dev/full', 'w'),
      );
      expect(r.stderr).toBe('certgate: error: cannot write to standard output (ENOSPC)\n');
      expect(r.code).toBe(3);
    }
  },
);

const checkArgs = (output: string) => [
  'check',
  'examples/cloudfront/get-distribution-config.json',
  '--cert',
  'examples/cloudfront/acm-certificate.json',
  '--at',
  '2027-01-20',
  '--format',
  'json',
  '--output',
  output,
];

test('--output replaces the file whole and leaves no temporary file beside it', async () => {
  const dir = mkdtempSync(join(tmp, 'replace-'));
  const output = join(dir, 'report.json');
  writeFileSync(output, 'x'.repeat(1_000_000)); // longer than the report: no tail may survive
  const r = await runCli(checkArgs(output));
  expect(r.code).toBe(0);
  expect(JSON.parse(readFileSync(output, 'utf8')).verdict).toBe('pass');
  expect(readdirSync(dir)).toEqual(['report.json']);
});

test('--output that cannot be written is exit 2 with one line, and no temporary file is left', async () => {
  const dir = mkdtempSync(join(tmp, 'dir-'));
  const r = await runCli(checkArgs(dir)); // a directory: cannot be replaced
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^certgate: error: --output .*: cannot replace the file \(\w+\)\n$/);
  expect(readdirSync(dir)).toEqual([]);
});

test("a run killed before it writes leaves no previous report saying 'pass'", async () => {
  const dir = mkdtempSync(join(tmp, 'killed-'));
  const output = join(dir, 'report.json');
  writeFileSync(output, JSON.stringify({ tool: 'certgate', verdict: 'pass' }));
  // The input is standard input, left open: the run waits for it until it is killed.
  const args = checkArgs(output);
  args[1] = '-';
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const deadline = Date.now() + 30_000;
  while (existsSync(output) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  expect(existsSync(output)).toBe(false);
});
