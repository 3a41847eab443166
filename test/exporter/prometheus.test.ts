/**
 * The exporter scraped by a real Prometheus (Debian's package) on loopback, with the shipped alert
 * rules loaded: the series Prometheus stores carry the certificates' real dates; a renewed file
 * replaces its series; an endpoint that goes down keeps its last values while its source reports
 * down and counts errors; promtool accepts what /metrics serves; every shipped rule evaluates
 * cleanly against these metrics.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiryRun } from '../../src/expiry/expiry.js';
import { type RunningExporter, startExporter } from '../../src/exporter/serve.js';
import { SourceMap } from '../../src/exporter/sources.js';
import { ExporterState } from '../../src/exporter/state.js';
import { type Running, site, tlsServer } from '../probe/servers.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { startPrometheus, type TestPrometheus } from '../support/prometheus.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const now = Date.now();
const root = createCertificate({ subject: 'CN=Exporter Root', ca: true });
// 90-day certificates: the file one 80 days in (past its warning point), the endpoint one fresh
// notAfter in whole seconds (the certificate's DER time has no milliseconds)
const end = (days: number) => Math.floor((now + days * DAY) / 1000);
const fileLeaf = serverLeaf('files.exporter.test', root, iso(now - 80 * DAY), iso(end(10) * 1000));
const renewed = serverLeaf('files.exporter.test', root, iso(now - DAY), iso(end(89) * 1000));
const edgeLeaf = serverLeaf('edge.exporter.test', root, iso(now - 5 * DAY), iso(end(85) * 1000));
/** The `fingerprint_sha256` label of a certificate. */
const hex = (c: { der: Uint8Array }) => createHash('sha256').update(c.der).digest('hex');
const RULES = resolve('examples/prometheus/certgate-rules.yml');

const dir = mkdtempSync(join(tmpdir(), 'certgate-exporter-'));
const certs = join(dir, 'certs');
let edge: Running;
let exporter: RunningExporter;
let prometheus: TestPrometheus;
let endpoint: string;
let edgePort: number;

beforeAll(async () => {
  mkdirSync(certs);
  writeFileSync(join(certs, 'files.pem'), fileLeaf.pem);
  edge = await tlsServer([site(['edge.exporter.test'], edgeLeaf)]);
  edgePort = edge.port; // read once: a closed server has no port
  endpoint = `edge.exporter.test:${edgePort}`;
  const state = new ExporterState(new SourceMap([certs]), [certs, endpoint]);
  exporter = await startExporter({
    listen: { host: '127.0.0.1', port: 0 },
    intervalMs: 600,
    state,
    scan: async (signal) => {
      const started = Date.now();
      const run = await expiryRun({
        paths: [certs],
        targets: [endpoint],
        probe: { resolve: [`*:${edgePort}:127.0.0.1`], timeoutMs: 2000, signal },
        roots: root.pem,
      });
      return { ...run, at: new Date(), finishedAt: Date.now(), durationMs: Date.now() - started };
    },
  });
  await exporter.firstScan;
  prometheus = await startPrometheus([`127.0.0.1:${exporter.address.port}`], { ruleFile: RULES });
}, 60_000);

afterAll(async () => {
  await prometheus?.close();
  await exporter?.close();
  await edge?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Prometheus scrapes one series per certificate and place, with the real dates', async () => {
  const series = await prometheus.waitFor(
    'certgate_certificate_not_after_timestamp_seconds',
    (r) => r.length === 2,
  );
  const byName = new Map(series.map((s) => [s.metric.name, s]));
  expect(byName.get('files.exporter.test')!.metric).toMatchObject({
    job: 'certgate',
    fingerprint_sha256: hex(fileLeaf),
    place: join(certs, 'files.pem'),
  });
  expect(Number(byName.get('files.exporter.test')!.value[1])).toBe(end(10));
  expect(byName.get('edge.exporter.test')!.metric.place).toBe(`${endpoint} (127.0.0.1)`);
  expect(Number(byName.get('edge.exporter.test')!.value[1])).toBe(end(85));
  const up = await prometheus.query('certgate_source_up');
  expect(up.map((s) => [s.metric.source, s.value[1]]).sort()).toEqual(
    [
      [certs, '1'],
      [endpoint, '1'],
    ].sort(),
  );
  expect((await prometheus.query('up{job="certgate"}'))[0]!.value[1]).toBe('1');
}, 30_000);

test('what /metrics serves passes promtool check metrics; /healthz answers; other paths do not', async () => {
  const base = `http://127.0.0.1:${exporter.address.port}`;
  const metrics = await fetch(`${base}/metrics`);
  expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await metrics.text();
  expect(execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
  expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  expect(text).toMatch(/^# TYPE certgate_source_scan_errors_total counter$/m);
  // docs/metrics.md documents exactly what is served: every family, nothing that is not
  const served = new Set([...text.matchAll(/^# TYPE (\S+) (?:gauge|counter)$/gm)].map((m) => m[1]));
  const documented = new Set(
    [...readFileSync('docs/metrics.md', 'utf8').matchAll(/^\| `([a-z_]+)` \|/gm)]
      .map((m) => m[1]!)
      .filter((name) => /^(certgate|process)_/.test(name)),
  );
  expect([...served].sort()).toEqual([...documented].sort());
  // gzip when asked (as Prometheus asks): two members, one stream, the same text
  const zipped = await new Promise<Buffer>((done, fail) => {
    get(`${base}/metrics`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      expect(res.headers['content-encoding']).toBe('gzip');
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(Buffer.concat(chunks)));
    }).on('error', fail);
  });
  const unzipped = gunzipSync(zipped).toString('utf8');
  expect(unzipped.replace(/^process_resident_memory_bytes \d+$/m, '')).toBe(
    text.replace(/^process_resident_memory_bytes \d+$/m, ''),
  );
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/nothing`)).status).toBe(404);
  expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
});

test('every shipped alert rule evaluates cleanly against the exporter; the overdue file certificate alerts', async () => {
  const deadline = Date.now() + 20_000;
  let groups = await prometheus.rules();
  while (groups.flatMap((g) => g.rules).some((r) => r.health === 'unknown') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    groups = await prometheus.rules();
  }
  const rules = groups.flatMap((g) => g.rules);
  expect(rules.length).toBeGreaterThan(5);
  for (const r of rules)
    expect({ rule: r.name, health: r.health, error: r.lastError ?? '' }).toEqual({
      rule: r.name,
      health: 'ok',
      error: '',
    });
  // 10 of 90 days left: past the warning point (a sixth of the lifetime), not yet critical (4.5 days)
  const pending = await prometheus.waitFor(
    'ALERTS{alertname="CertificateNeedsRenewal"}',
    (r) => r.length > 0,
  );
  expect(pending.map((a) => a.metric.name)).toEqual(['files.exporter.test']);
}, 30_000);

test('a renewed file replaces its series; an endpoint that goes down keeps its last values', async () => {
  writeFileSync(join(certs, 'files.pem'), renewed.pem);
  await edge.close();
  await prometheus.waitFor(`certgate_source_up{source="${endpoint}"}`, (r) => r[0]?.value[1] === '0');
  const files = await prometheus.waitFor(
    `certgate_certificate_not_after_timestamp_seconds{name="files.exporter.test"}`,
    (r) => r.length === 1 && r[0]!.metric.fingerprint_sha256 === hex(renewed),
  );
  expect(Number(files[0]!.value[1])).toBe(end(89));
  // the endpoint's certificate is still there, as last seen
  const kept = await prometheus.query(
    `certgate_certificate_not_after_timestamp_seconds{name="edge.exporter.test"}`,
  );
  expect(kept.map((s) => Number(s.value[1]))).toEqual([end(85)]);
  const errors = await prometheus.query(`certgate_source_scan_errors_total{source="${endpoint}"}`);
  expect(Number(errors[0]!.value[1])).toBeGreaterThanOrEqual(1);
  const probe = await prometheus.query('certgate_endpoint_probe_error');
  expect(probe.map((s) => s.metric.code)).toEqual(['PROBE_CONNECTION_REFUSED']);
  expect((await prometheus.query(`certgate_source_up{source="${certs}"}`))[0]!.value[1]).toBe('1');
}, 30_000);
