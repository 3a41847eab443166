// The CloudFront gate end to end: `aws cloudfront list-distributions` output and an array of
// `aws acm describe-certificate` outputs, written to a temp dir, then read, checked, reported
// and serialised (loadGateInputs + runGate + buildReport + formatJson), at 1k, 10k and 100k
// distributions × 10 aliases with half as many certificates.
//
// Target: 10,000 distributions × 10 aliases against 5,000 certificates in under 2 s,
// cost growing linearly, not aliases × SANs. The baseline, in the same run, is what the design
// forbids: every alias compared with every SAN of every certificate (1k size only; at 10k it is
// 100x the work, measured on a 1% sample). Run: npm run bench -- check
// (BENCH_CHECK_SIZES=1000,10000,100000 adds the 100k size: ~640 MB of temp files, ~2.5 GB of memory).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const SIZES = (process.env.BENCH_CHECK_SIZES ?? '1000,10000').split(',').map(Number);
const ALIASES = 10;
const AT = new Date('2026-06-01T00:00:00Z');
const ACCOUNT = '111122223333';
// Input files stay under the 16 MiB input limit: a list-distributions page set of up to 5,000
// distributions per file, and 1,000 certificates per evidence file.
const DISTRIBUTIONS_PER_FILE = 5000;
const CERTIFICATES_PER_FILE = 1000;

const hex = (n, width) => n.toString(16).padStart(width, '0');
const certArn = (j) =>
  `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/${hex(j, 8)}-0000-4000-8000-${hex(j, 12)}`;
const distId = (i) => `E${hex(i, 12).toUpperCase()}`;
const zone = (j) => `app${j}.example.com`;

/**
 * Certificate j: the apex and a wildcard of its zone, a wildcard one level down, and seven
 * explicit names in a second domain (ACM's default quota is 10 SANs). Distributions 2j and 2j+1
 * use it. Every 20th distribution has an alias two levels down that the wildcard does not cover
 * (CF_ALIAS_NOT_COVERED); every 100th repeats an alias of its neighbour (an alias conflict).
 */
function sansOf(j) {
  const z = zone(j);
  const sans = [z, `*.${z}`, `*.api.${z}`];
  for (let m = 0; m < 7; m++) sans.push(`svc${m}.app${j}.example.org`);
  return sans;
}

function aliasesOf(i) {
  const j = i >> 1;
  const z = zone(j);
  const aliases =
    i % 2 === 0
      ? [z, `www.${z}`, `static.${z}`, `img.${z}`, `cdn.${z}`, `m.${z}`, `v1.api.${z}`, `v2.api.${z}`]
      : [`svc0.app${j}.example.org`, `svc1.app${j}.example.org`, `svc2.app${j}.example.org`, `eu.${z}`];
  for (let k = aliases.length; k < ALIASES; k++) aliases.push(`e${k}-${i % 2}.${z}`);
  if (i % 20 === 19) aliases[ALIASES - 1] = `deep.two.${z}`;
  if (i % 100 === 99) aliases[0] = aliasesOf(i - 1)[1];
  return aliases;
}

function distributionSummary(i) {
  const id = distId(i);
  const aliases = aliasesOf(i);
  return {
    Id: id,
    ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/${id}`,
    Status: 'Deployed',
    LastModifiedTime: '2026-03-01T10:00:00.000000+00:00',
    DomainName: `d${hex(i, 12)}.cloudfront.net`,
    Aliases: { Quantity: aliases.length, Items: aliases },
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: `origin-${i}`,
          DomainName: `origin-${i}.s3.eu-west-1.amazonaws.com`,
          OriginPath: '',
          S3OriginConfig: { OriginAccessIdentity: '' },
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: `origin-${i}`,
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    },
    Comment: `service ${i}`,
    PriceClass: 'PriceClass_100',
    Enabled: true,
    ViewerCertificate: {
      CloudFrontDefaultCertificate: false,
      ACMCertificateArn: certArn(i >> 1),
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      Certificate: certArn(i >> 1),
      CertificateSource: 'acm',
    },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: '',
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
    Staging: false,
  };
}

function describeCertificate(j) {
  const sans = sansOf(j);
  const arn = certArn(j);
  return {
    Certificate: {
      CertificateArn: arn,
      DomainName: sans[0],
      SubjectAlternativeNames: sans,
      DomainValidationOptions: sans.map((name) => ({
        DomainName: name,
        ValidationDomain: name,
        ValidationStatus: 'SUCCESS',
        ResourceRecord: {
          Name: `_${hex(j * 31 + name.length, 32)}.${name.replace(/^\*\./, '')}.`,
          Type: 'CNAME',
          Value: `_${hex(j * 17 + name.length, 32)}.xlfgrmvvlj.acm-validations.aws.`,
        },
        ValidationMethod: 'DNS',
      })),
      Serial: hex(j, 32).match(/../g).join(':'),
      Subject: `CN=${sans[0]}`,
      Issuer: 'Amazon',
      CreatedAt: '2026-01-10T09:00:00+00:00',
      IssuedAt: '2026-01-10T09:05:00+00:00',
      Status: 'ISSUED',
      NotBefore: '2026-01-10T00:00:00+00:00',
      NotAfter: '2027-02-09T23:59:59+00:00',
      KeyAlgorithm: 'RSA-2048',
      SignatureAlgorithm: 'SHA256WITHRSA',
      InUseBy: [2 * j, 2 * j + 1].map((i) => `arn:aws:cloudfront::${ACCOUNT}:distribution/${distId(i)}`),
      Type: 'AMAZON_ISSUED',
      KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
      ExtendedKeyUsages: [
        { Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' },
        { Name: 'TLS_WEB_CLIENT_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.2' },
      ],
      RenewalEligibility: 'ELIGIBLE',
      Options: { CertificateTransparencyLoggingPreference: 'ENABLED' },
    },
  };
}

/** Writes the inputs of one size; returns the file lists and their total size (exported for profiling). */
export function writeInputs(dir, distributions) {
  const certificates = distributions / 2;
  const files = { dists: [], certs: [], bytes: 0 };
  for (let start = 0; start < distributions; start += DISTRIBUTIONS_PER_FILE) {
    const items = [];
    for (let i = start; i < Math.min(distributions, start + DISTRIBUTIONS_PER_FILE); i++)
      items.push(distributionSummary(i));
    const doc = {
      DistributionList: {
        Items: items,
        Marker: '',
        MaxItems: items.length,
        IsTruncated: false,
        Quantity: items.length,
      },
    };
    const path = join(dir, `distributions-${distributions}-${start}.json`);
    const text = JSON.stringify(doc, null, 4);
    writeFileSync(path, text);
    files.dists.push(path);
    files.bytes += text.length;
  }
  for (let start = 0; start < certificates; start += CERTIFICATES_PER_FILE) {
    const items = [];
    for (let j = start; j < Math.min(certificates, start + CERTIFICATES_PER_FILE); j++)
      items.push(describeCertificate(j));
    const path = join(dir, `acm-${distributions}-${start}.json`);
    const text = JSON.stringify(items, null, 4);
    writeFileSync(path, text);
    files.certs.push(path);
    files.bytes += text.length;
  }
  return files;
}

/** The gate as `certgate check --format json` runs it, minus argv and stdout; with split times. */
async function runEndToEnd(lib, files) {
  const t0 = performance.now();
  const { inputs, errors } = await lib.loadGateInputs(files.dists, { certs: files.certs, parameters: {} });
  if (errors.length > 0) throw new Error(`inputs not read: ${errors[0].message}`);
  const t1 = performance.now();
  const results = lib.runGate(inputs, { at: AT, warnDays: 30 });
  const t2 = performance.now();
  const report = lib.buildReport({ command: 'check', version: '0', results, failOn: 'error' });
  const json = lib.formatJson(report);
  const t3 = performance.now();
  return { results, bytes: json.length, split: { load: t1 - t0, gate: t2 - t1, report: t3 - t2 } };
}

// --- the baseline the design forbids: every alias against every SAN of every certificate
function sanCovers(san, alias) {
  if (san === alias) return true;
  if (!san.startsWith('*.')) return false;
  const dot = alias.indexOf('.');
  return dot > 0 && alias.slice(dot) === san.slice(1);
}

export function naiveAllPairs(dists, certs) {
  let uncovered = 0;
  for (const d of dists) {
    const own = d.ViewerCertificate.ACMCertificateArn;
    for (const alias of d.Aliases.Items) {
      // Which certificates cover this alias, and does the distribution's own one?
      let coveredByOwn = false;
      for (const c of certs)
        for (const san of c.Certificate.SubjectAlternativeNames)
          if (sanCovers(san, alias) && c.Certificate.CertificateArn === own) coveredByOwn = true;
      if (!coveredByOwn) uncovered++;
    }
  }
  return uncovered;
}

async function timeBest(runs, fn) {
  let best = { ms: Number.POSITIVE_INFINITY };
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const value = await fn();
    const ms = performance.now() - start;
    if (ms < best.ms) best = { ms, value };
  }
  return best;
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function loadLibrary() {
  const [{ loadGateInputs }, { runGate }, { buildReport }, { formatJson }] = await Promise.all([
    import('../dist/sources/load.js'),
    import('../dist/check/run-gate.js'),
    import('../dist/report/report.js'),
    import('../dist/report/json.js'),
  ]);
  return { loadGateInputs, runGate, buildReport, formatJson };
}

async function measureSize(lib, dir, size) {
  const files = writeInputs(dir, size);
  const runs = size <= 1000 ? 5 : size <= 10000 ? 3 : 1;
  const { ms, value } = await timeBest(runs, () => runEndToEnd(lib, files));
  const failing = value.results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const { load, gate, report } = value.split;
  console.log(
    `${fmt(size)} distributions x ${ALIASES} aliases, ${fmt(size / 2)} certificates ` +
      `(${files.dists.length + files.certs.length} files, ${fmt(files.bytes / 1048576, 1)} MB): ` +
      `${fmt(ms)} ms${runs > 1 ? ` (best of ${runs})` : ''}, ${fmt((ms / size) * 1000, 1)} µs/distribution ` +
      `[read ${fmt(load)} ms, gate ${fmt(gate)} ms, report ${fmt(report)} ms]; ${fmt(failing)} failing`,
  );
  return { size, ms, gate, files };
}

/** The forbidden baseline at 1k, and at 10k on a 1% sample of the distributions, scaled. */
async function measureBaseline(dir, base) {
  const { readFileSync } = await import('node:fs');
  const read = (files) => ({
    dists: files.dists.flatMap((p) => JSON.parse(readFileSync(p, 'utf8')).DistributionList.Items),
    certs: files.certs.flatMap((p) => JSON.parse(readFileSync(p, 'utf8'))),
  });
  const small = read(base.files);
  const naive = await timeBest(1, () => naiveAllPairs(small.dists, small.certs));
  console.log(
    `baseline, naive all-pairs alias x SAN at 1k (${fmt(10000 * 5000)} comparisons, inputs pre-parsed, no report): ` +
      `${fmt(naive.ms)} ms; certgate is ${fmt(naive.ms / base.ms, 1)}x faster end to end, ` +
      `${fmt(naive.ms / base.gate, 1)}x comparing the gate alone`,
  );
  const big = read(writeInputs(dir, 10000));
  const sample = big.dists.filter((_, i) => i % 100 === 0);
  const sampled = await timeBest(1, () => naiveAllPairs(sample, big.certs));
  return sampled.ms * 100;
}

/** Runs the benchmark and prints ms and µs/distribution per size, the growth and the baseline. */
export async function run() {
  let lib;
  try {
    lib = await loadLibrary();
  } catch (err) {
    console.log(`skipped: the gate is not built (${err.message.split('\n')[0]}); run npm run build`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-check-'));
  try {
    await runEndToEnd(lib, writeInputs(dir, 1000)); // warm-up: the JIT and the file cache
    const rows = [];
    for (const size of SIZES) rows.push(await measureSize(lib, dir, size));
    const base = rows.find((r) => r.size === 1000);
    for (const r of rows)
      if (base && r !== base)
        console.log(
          `growth ${fmt(base.size)} → ${fmt(r.size)}: ${fmt(r.ms / base.ms, 1)}x the time for ${fmt(r.size / base.size)}x the input`,
        );
    const tenK = rows.find((r) => r.size === 10000);
    if (tenK)
      console.log(`10k target (< 2,000 ms): ${fmt(tenK.ms)} ms, ${tenK.ms < 2000 ? 'met' : 'NOT met'}`);
    if (!SIZES.includes(100000))
      console.log(
        '100k size skipped: about 640 MB of inputs in 70 files and 2.5 GB of memory; ' +
          'run with BENCH_CHECK_SIZES=1000,10000,100000',
      );
    if (base) {
      const naive10k = await measureBaseline(dir, base);
      if (tenK)
        console.log(
          `baseline at 10k (${fmt(100000 * 50000)} comparisons), measured on 1% of the distributions and scaled: ` +
            `${fmt(naive10k / 1000, 1)} s, ${fmt(naive10k / tenK.ms)}x certgate end to end`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
