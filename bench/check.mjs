// The CloudFront gate as users run it: `bin/certgate.js check` spawned on one
// `aws cloudfront list-distributions` file of 10,000 distributions x 10 aliases and one JSON array
// of 5,000 `aws acm describe-certificate` outputs, written to a temp dir. The baseline, side by
// side in the same run, is a spawned node that reads the same files and JSON.parses them (the same
// start-up cost, no gate): the target is the CLI within 3x of it. A 1,000-distribution run shows
// the growth (linear: the ratio stays put). Each size is run several times, CLI and baseline
// alternating, and the best of each is compared (the machine is shared and noisy).
// Run: npm run bench -- check   (BENCH_CHECK_SIZES=1000,10000,50000 adds sizes; BENCH_CHECK_RUNS=5)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const SIZES = (process.env.BENCH_CHECK_SIZES ?? '1000,10000').split(',').map(Number);
const ALIASES = 10;
const ACCOUNT = '111122223333';
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

/** Writes one list-distributions file and one describe-certificate array; returns their paths and size. */
export function writeInputs(dir, distributions) {
  const items = [];
  for (let i = 0; i < distributions; i++) items.push(distributionSummary(i));
  const list = {
    DistributionList: {
      Items: items,
      Marker: '',
      MaxItems: items.length,
      IsTruncated: false,
      Quantity: items.length,
    },
  };
  const certs = [];
  for (let j = 0; j < distributions / 2; j++) certs.push(describeCertificate(j));
  // the AWS CLI indents its JSON output with four spaces
  const dist = join(dir, `list-distributions-${distributions}.json`);
  const acm = join(dir, `acm-${distributions}.json`);
  const distText = JSON.stringify(list, null, 4);
  const acmText = JSON.stringify(certs, null, 4);
  writeFileSync(dist, distText);
  writeFileSync(acm, acmText);
  return { dist, acm, bytes: distText.length + acmText.length };
}

// CERTGATE_BIN: another build to compare (a checkout of the previous commit, say)
const BIN = process.env.CERTGATE_BIN ?? new URL('../bin/certgate.js', import.meta.url).pathname;
// the baseline: what any tool must do with these inputs at least, in a node of its own
const BARE_PARSE =
  "const fs=require('node:fs');let n=0;for(const f of process.argv.slice(1))n+=JSON.stringify(Object.keys(JSON.parse(fs.readFileSync(f,'utf8')))).length;process.stdout.write(String(n))";

/** Wall time of one spawned process, and its result. */
function timed(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (r.error) throw r.error;
  return { ms, r };
}

/** The CLI as users run it, JSON report to stdout (as in CI). */
const cli = (files) =>
  timed([
    BIN,
    'check',
    files.dist,
    '--cert',
    files.acm,
    '--at',
    '2026-06-01',
    '--format',
    'json',
    '--fail-on',
    'none',
  ]);
const bare = (files) => timed(['-e', BARE_PARSE, files.dist, files.acm]);

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function measureSize(dir, size, runs) {
  const files = writeInputs(dir, size);
  let best = { cli: Number.POSITIVE_INFINITY, bare: Number.POSITIVE_INFINITY };
  let report;
  for (let i = 0; i < runs; i++) {
    const c = cli(files);
    if (c.r.status !== 0)
      throw new Error(`certgate check exited ${c.r.status}: ${c.r.stderr.split('\n')[0]}`);
    report ??= JSON.parse(c.r.stdout);
    const b = bare(files);
    if (b.r.status !== 0) throw new Error(`baseline exited ${b.r.status}: ${b.r.stderr.split('\n')[0]}`);
    best = { cli: Math.min(best.cli, c.ms), bare: Math.min(best.bare, b.ms) };
  }
  const failing = report.results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const ratio = best.cli / best.bare;
  console.log(
    `${fmt(size)} distributions x ${ALIASES} aliases, ${fmt(size / 2)} certificates (2 files, ${fmt(files.bytes / 1048576, 1)} MB): ` +
      `certgate check ${fmt(best.cli)} ms, bare JSON.parse ${fmt(best.bare)} ms (best of ${runs} each, alternating): ` +
      `${fmt(ratio, 2)}x; ${fmt(report.results.length)} results, ${fmt(failing)} with errors`,
  );
  return { size, ...best, ratio };
}

/** Runs the benchmark: each size side by side with its baseline, the growth, the 3x target. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-check-'));
  try {
    const runs = Number(process.env.BENCH_CHECK_RUNS ?? 5);
    const rows = SIZES.map((size) => measureSize(dir, size, runs));
    const base = rows.find((r) => r.size === 1000);
    for (const r of rows)
      if (base && r !== base) {
        // linear: the gate's own time (above the shared start-up) grows like the input
        const own = (r.cli - r.bare) / (base.cli - base.bare);
        console.log(
          `growth ${fmt(base.size)} -> ${fmt(r.size)}: ${fmt(r.cli / base.cli, 1)}x the CLI time, ` +
            `${fmt(own, 1)}x the time above the baseline, for ${fmt(r.size / base.size)}x the input`,
        );
      }
    const tenK = rows.find((r) => r.size === 10000);
    if (tenK)
      console.log(
        `10k target (within 3x of bare JSON.parse): ${fmt(tenK.ratio, 2)}x, ${tenK.ratio <= 3 ? 'met' : 'NOT met'}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
