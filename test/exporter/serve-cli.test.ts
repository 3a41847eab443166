/**
 * `certgate expiry ... --serve` as users start it: the real executable serves /metrics after its
 * first scan, logs one line per scan, and stops cleanly on SIGTERM (exit 0). Bad listen
 * addresses, too-short intervals and a port in use are one-line usage errors (exit 2).
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseListenAddress } from '../../src/exporter/listen.js';
import { jitteredDelay } from '../../src/exporter/serve.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const BIN = resolve(import.meta.dirname, '../../bin/certgate.js');
const dir = mkdtempSync(join(tmpdir(), 'certgate-serve-'));
const root = createCertificate({ subject: 'CN=Serve Root', ca: true });
const leaf = serverLeaf('serve.example.test', root, '2026-09-01Z', '2026-12-30Z');
writeFileSync(join(dir, 'leaf.pem'), leaf.pem);
writeFileSync(join(dir, 'root.pem'), root.pem);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('serves /metrics after the first scan, one log line per scan, exit 0 on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'expiry',
      join(dir, 'leaf.pem'),
      '--roots',
      join(dir, 'root.pem'),
      '--serve',
      '127.0.0.1:0',
      '--interval',
      '10s',
      '--at',
      '2026-12-01',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b;
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`no scan line: ${stderr}`)), 30_000);
    child.stderr.on('data', (b: Buffer) => {
      stderr += b;
      const m = /serving \/metrics on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (m && /scan 1: 1 certificate\n/.test(stderr)) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
  });
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  expect(text).toMatch(
    /^certgate_certificate_not_after_timestamp_seconds\{fingerprint_sha256="[0-9a-f]{64}",name="serve\.example\.test",place="[^"]+leaf\.pem"\} 1798588800$/m,
  );
  expect(text).toMatch(/^certgate_expiry_run_timestamp_seconds 1796083200$/m);
  expect(text).toMatch(/^certgate_scans_total 1$/m);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/certgate: stopped\n$/);
  expect(stdout).toBe('');
}, 60_000);

test('usage errors: a bad address, an interval too short (stricter with --aws), --serve with a report format', async () => {
  const bad = await spawnCertgate(['expiry', dir, '--serve', 'localhost:http']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--serve <\[addr:\]port>.*expected PORT or ADDR:PORT/);
  const short = await spawnCertgate(['expiry', dir, '--serve', '0', '--interval', '5s']);
  expect(short.code).toBe(2);
  expect(short.stderr).toMatch(/--interval: at least 10s/);
  const aws = await spawnCertgate(['expiry', '--aws', '--serve', '0', '--interval', '5m']);
  expect(aws.code).toBe(2);
  expect(aws.stderr).toMatch(/--interval: at least 10m with --aws/);
  const json = await spawnCertgate(['expiry', dir, '--serve', '0', '--format', 'json']);
  expect(json.code).toBe(2);
  expect(json.stderr).toMatch(/--serve serves the metrics at \/metrics/);
  for (const r of [bad, short, aws, json]) expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('a port in use is named, exit 2', async () => {
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
  const { port } = taken.address() as { port: number };
  const run = await spawnCertgate(['expiry', dir, '--serve', `127.0.0.1:${port}`]);
  await new Promise<void>((r) => taken.close(() => r()));
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`certgate: error: --serve 127.0.0.1:${port}: the address is in use\n`);
});

test('listen addresses and the jittered wait', () => {
  expect(parseListenAddress('9793')).toEqual({ port: 9793 });
  expect(parseListenAddress(':9793')).toEqual({ port: 9793 });
  expect(parseListenAddress('127.0.0.1:9793')).toEqual({ host: '127.0.0.1', port: 9793 });
  expect(parseListenAddress('[::1]:9793')).toEqual({ host: '::1', port: 9793 });
  expect(parseListenAddress('70000')).toMatch(/expected PORT/);
  expect(parseListenAddress('::1:9793')).toMatch(/expected PORT/);
  expect(jitteredDelay(3_600_000, 0.1, () => 0)).toBe(3_240_000);
  expect(jitteredDelay(3_600_000, 0.1, () => 0.5)).toBe(3_600_000);
  expect(jitteredDelay(3_600_000, 0.1, () => 0.999999)).toBeLessThanOrEqual(3_960_000);
});
