// Exporter soak: the exporter (dist/, as `certgate expiry DIR --serve` runs it) on 10,000
// certificate files (a leaf and its intermediate each, every chain validated), scanning back to
// back while a scraper in another process (this one, as Prometheus is) reads /metrics every 250 ms,
// for BENCH_SOAK_SCANS scans (default 30: more than a day of hourly scans). The exporter runs in a
// child node with --expose-gc so the memory it keeps can be read after a full collection at each
// scan. The baseline, side by side in the same run, is that retained heap after the second scan
// (warm: every module loaded); the target is no growth: the last scan within 10% of it. The slope
// per scan is printed too, and what it would add over a day of 10-second scans if it were linear,
// and how many scrapes were answered (a scraper in the exporter's own process would compete with
// the scans for the event loop and the thread pool, which no real scraper does).
// Run: npm run bench -- exporter-soak   (BENCH_SOAK_SCANS=30, BENCH_SOAK_FILES=10000)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { writeCertificateFolder } from './lib/cert-folder.mjs';

const FILES = Number(process.env.BENCH_SOAK_FILES ?? 10000);
const SCANS = Number(process.env.BENCH_SOAK_SCANS ?? 30);
const DIST = new URL('../dist/', import.meta.url).href;

/**
 * The child: the exporter and a heap reading after a full GC at each scan. It says `PORT n` once
 * listening and `DONE` after the last scan, then waits for its standard input to end (the
 * scraper has finished) before closing and printing its samples as `RESULT {...}`.
 */
const CHILD = `
const [certs, rootFile, scans] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { startExporter } = await import('${DIST}exporter/serve.js');
const { SourceMap } = await import('${DIST}exporter/sources.js');
const { ExporterState } = await import('${DIST}exporter/state.js');
const { expiryRun } = await import('${DIST}expiry/expiry.js');
const roots = readFileSync(rootFile, 'utf8');
const state = new ExporterState(new SourceMap([certs]), [certs]);
const samples = [];
let done;
const finished = new Promise((r) => { done = r; });
const exporter = await startExporter({
  listen: { host: '127.0.0.1', port: 0 }, intervalMs: 0, state,
  scan: async () => { const t = Date.now(); const run = await expiryRun({ paths: [certs], roots }); return { ...run, at: new Date(), finishedAt: Date.now(), durationMs: Date.now() - t }; },
  onScan: (s) => { if (samples.length >= Number(scans)) return; globalThis.gc(); samples.push([s.scan, process.memoryUsage().heapUsed, process.memoryUsage.rss(), s.certificates]); if (samples.length === Number(scans)) done(); },
});
process.stdout.write('PORT ' + exporter.address.port + '\\n');
await finished;
process.stdout.write('DONE\\n');
process.stdin.resume();
await new Promise((r) => process.stdin.on('end', r));
await exporter.close();
process.stdout.write('RESULT ' + JSON.stringify({ samples }) + '\\n');
`;

/** Scrapes `url` every `everyMs` until stopped; counts answers and failures (as Prometheus's `up` would). */
function scraper(url, everyMs) {
  const stats = { ok: 0, failed: 0, firstFailure: '', served: 0 };
  const inflight = new Set();
  const once = async () => {
    try {
      const text = await (await fetch(url)).text();
      stats.served = text.length;
      stats.ok++;
    } catch (e) {
      stats.failed++;
      stats.firstFailure ||= String(e?.cause?.message ?? e?.message ?? e);
    }
  };
  const timer = setInterval(() => {
    const p = once().finally(() => inflight.delete(p));
    inflight.add(p);
  }, everyMs);
  return {
    stats,
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inflight);
    },
  };
}

/** Runs the child to its last scan while this process scrapes it; gives its samples and the scrape counts. */
async function soak(certs, rootFile) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--input-type=module', '-e', CHILD, certs, rootFile, String(SCANS)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('close', resolve));
  let scrape;
  let result;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('PORT ')) scrape = scraper(`http://127.0.0.1:${line.slice(5)}/metrics`, 250);
    else if (line === 'DONE') {
      await scrape?.stop();
      child.stdin.end();
    } else if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7));
  }
  const code = await exited;
  if (code !== 0 || !result) throw new Error(`the soak child failed (exit ${code}): ${stderr}`);
  return { ...result, scrapes: scrape.stats };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-soak-'));
  const { certs, rootFile } = writeCertificateFolder(dir, FILES);
  try {
    const started = Date.now();
    const { samples, scrapes } = await soak(certs, rootFile);
    const served = scrapes.served;
    const mib = (b) => (b / 1048576).toFixed(1);
    const warm = samples.find(([scan]) => scan === 2);
    const last = samples.at(-1);
    if (!warm || last === warm) {
      console.log('fewer than 3 scans: raise BENCH_SOAK_SCANS');
      return;
    }
    const ratio = last[1] / warm[1];
    const perScan = (last[1] - warm[1]) / (last[0] - warm[0]);
    console.log(
      `${last[3]} certificates, ${last[0]} scans back to back, ${scrapes.ok} scrapes of ${mib(served)} MiB answered (${scrapes.failed} failed${scrapes.failed ? `, first: ${scrapes.firstFailure}` : ''}) in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
        `heap kept after scan 2 ${mib(warm[1])} MiB (baseline), after scan ${last[0]} ${mib(last[1])} MiB: ${ratio.toFixed(2)}x; ` +
        `slope ${(perScan / 1024).toFixed(0)} KiB/scan (${mib(Math.max(0, perScan) * 8640)} MiB over a day of 10 s scans, if linear); RSS ${mib(warm[2])} -> ${mib(last[2])} MiB`,
    );
    console.log(`heap kept by scan (MiB): ${samples.map(([s, h]) => `${s}:${mib(h)}`).join(' ')}`);
    console.log(
      `target (no growth: within 10% of the warm baseline): ${ratio.toFixed(2)}x, ${ratio <= 1.1 ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
