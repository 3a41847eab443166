// Expiry at scale: `certgate expiry DIR` spawned as users run it, on a folder of 10,000
// certificate files (each a P-256 leaf and its RSA-2048 intermediate, as a fullchain.pem is),
// every chain validated to the bench root to date it. The baseline, side by side in the same
// run, is a spawned node that reads the same files and parses both certificates of each with
// Node's X509Certificate (reading only: no chain, no path validation, no report). Targets: the
// 10,000 files in under 2 s, and the ratio printed. Each side runs several times, alternating,
// and the best of each counts (the machine is shared and noisy).
// Run: npm run bench -- expiry   (BENCH_EXPIRY_FILES=10000, BENCH_EXPIRY_RUNS=3)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeCertificateFolder } from './lib/cert-folder.mjs';

const FILES = Number(process.env.BENCH_EXPIRY_FILES ?? 10000);
const RUNS = Number(process.env.BENCH_EXPIRY_RUNS ?? 3);
const BIN = new URL('../bin/certgate.js', import.meta.url).pathname;

/** The baseline: read every file and parse each PEM block with X509Certificate. */
const BARE = `
const fs = require('node:fs'); const path = require('node:path'); const { X509Certificate } = require('node:crypto');
let n = 0;
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else { const text = fs.readFileSync(p, 'latin1');
    for (const block of text.split('-----END CERTIFICATE-----')) if (block.includes('-----BEGIN')) { new X509Certificate(block + '-----END CERTIFICATE-----'); n++; } } } };
walk(process.argv[1]); process.stdout.write(String(n));`;

function timed(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, r };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-expiry-'));
  try {
    const { certs, rootFile } = writeCertificateFolder(dir, FILES);
    const args = [
      BIN,
      'expiry',
      certs,
      '--roots',
      rootFile,
      '--at',
      '2026-06-01',
      '--format',
      'json',
      '--fail-on',
      'none',
    ];
    let best = { cli: Number.POSITIVE_INFINITY, bare: Number.POSITIVE_INFINITY };
    let report;
    for (let i = 0; i < RUNS; i++) {
      const c = timed(args);
      if (c.r.status !== 0)
        throw new Error(`certgate expiry exited ${c.r.status}: ${c.r.stderr.split('\n')[0]}`);
      report ??= JSON.parse(c.r.stdout);
      const b = timed(['-e', BARE, certs]);
      if (b.r.status !== 0) throw new Error(`baseline exited ${b.r.status}: ${b.r.stderr.split('\n')[0]}`);
      best = { cli: Math.min(best.cli, c.ms), bare: Math.min(best.bare, b.ms) };
    }
    const tracked = report.results.filter((r) => r.subject.kind === 'certificate').length;
    const verified = report.results.filter((r) => r.details?.chainVerified).length;
    if (tracked !== FILES || verified !== FILES)
      throw new Error(`expected ${FILES} certificates tracked and verified, got ${tracked} and ${verified}`);
    const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d });
    console.log(
      `${fmt(FILES)} certificate files (leaf + intermediate each): certgate expiry ${fmt(best.cli)} ms ` +
        `(${fmt(FILES / (best.cli / 1000))} files/s, every chain validated), X509Certificate parsing only ` +
        `${fmt(best.bare)} ms (best of ${RUNS} each, alternating): ${fmt(best.cli / best.bare, 2)}x`,
    );
    console.log(
      `target (10,000 files under 2 s): ${fmt(best.cli)} ms, ${best.cli < 2000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
