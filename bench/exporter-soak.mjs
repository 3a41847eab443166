// Exporter soak: the exporter (dist/, as `certgate expiry DIR --serve` runs it) on 10,000
// certificate files (a leaf and its intermediate each, every chain validated), scanning back to
// back while a scraper reads /metrics every 250 ms, as Prometheus would, for BENCH_SOAK_SCANS
// scans (default 30: more than a day of hourly scans). It runs in a child node with --expose-gc
// so the memory the exporter keeps can be read after a full collection at each scan. The
// baseline, side by side in the same run, is that retained heap after the second scan (warm:
// every module loaded); the target is no growth: the last scan within 10% of it. The slope per
// scan is printed too, and what it would add over a day of 10-second scans if it were linear.
// Run: npm run bench -- exporter-soak   (BENCH_SOAK_SCANS=30, BENCH_SOAK_FILES=10000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCertificateFolder } from './lib/cert-folder.mjs';

const FILES = Number(process.env.BENCH_SOAK_FILES ?? 10000);
const SCANS = Number(process.env.BENCH_SOAK_SCANS ?? 30);
const DIST = new URL('../dist/', import.meta.url).href;

/** The child: the exporter, a scraper, and a heap reading after a full GC at each scan. */
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
let served = 0, scrapes = 0, done;
const finished = new Promise((r) => { done = r; });
const exporter = await startExporter({
  listen: { host: '127.0.0.1', port: 0 }, intervalMs: 0, state,
  scan: async () => { const t = Date.now(); const run = await expiryRun({ paths: [certs], roots }); return { ...run, at: new Date(), finishedAt: Date.now(), durationMs: Date.now() - t }; },
  onScan: (s) => { globalThis.gc(); samples.push([s.scan, process.memoryUsage().heapUsed, process.memoryUsage.rss(), s.certificates]); if (s.scan >= Number(scans)) done(); },
});
// scrapes still in flight when the last scan ends are awaited: closing the exporter under them would fail them
const inflight = new Set();
const scrape = async () => { const text = await (await fetch('http://127.0.0.1:' + exporter.address.port + '/metrics')).text(); served = text.length; scrapes++; };
const scraper = setInterval(() => { const p = scrape().finally(() => inflight.delete(p)); inflight.add(p); }, 250);
await finished;
clearInterval(scraper);
await Promise.all(inflight);
await exporter.close();
process.stdout.write(JSON.stringify({ samples, served, scrapes }));
`;

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-soak-'));
  const { certs, rootFile } = writeCertificateFolder(dir, FILES);
  try {
    const started = Date.now();
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--input-type=module', '-e', CHILD, certs, rootFile, String(SCANS)],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (r.status !== 0) throw new Error(`the soak child failed: ${r.stderr}`);
    const { samples, served, scrapes } = JSON.parse(r.stdout);
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
      `${last[3]} certificates, ${last[0]} scans back to back, ${scrapes} scrapes of ${mib(served)} MiB in ${((Date.now() - started) / 1000).toFixed(0)} s: ` +
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
