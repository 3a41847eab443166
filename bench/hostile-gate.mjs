/**
 * Hostile gate benchmark (issue 10, items 3 and 4): the gate (loadGateInputs + runGate) on
 * - 20,000 distributions sharing one alias and one certificate, with ACM evidence covering the
 *   alias (CF-23, MS-04 and MS-09 meet the whole group; this took over five minutes, and eleven
 *   with the evidence, when each distribution filtered and sorted the group);
 * - a Terraform plan 64 modules deep (the module depth limit) holding 20,000 distributions and
 *   their certificates in planned_values;
 * - a plan whose 20,000 distributions each link, through the configuration, to one of 20,000
 *   certificates known after apply (one lookup per distribution, not a scan of all of them),
 * each against a linear baseline measured in the same run: the same input at a tenth of the size,
 * times ten. A ratio near 1 means linear; 10 would mean quadratic. Run `npm run bench -- hostile-gate`.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bestMs, linearRow } from './lib/linear.mjs';

const N = 20_000;
const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-4333-8444-555555555555';
const DEPTH = 64;

const hex = (n) => n.toString(16).toUpperCase().padStart(12, '0');

/** list-distributions output: `n` distributions in 1,000 accounts, all with one alias and one certificate. */
function sharedAlias(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const id = `E${hex(i)}`;
    items.push({
      Id: id,
      ARN: `arn:aws:cloudfront::${100000000000 + (i % 1000)}:distribution/${id}`,
      DomainName: `d${i}.cloudfront.net`,
      Aliases: { Quantity: 1, Items: ['shared.example.com'] },
      ViewerCertificate: {
        CloudFrontDefaultCertificate: false,
        ACMCertificateArn: ARN,
        SSLSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      },
      HttpVersion: i % 2 ? 'http2' : 'http1.1',
      Enabled: true,
    });
  }
  return JSON.stringify({ DistributionList: { Items: items, Quantity: n, IsTruncated: false } });
}

const acm = JSON.stringify({
  Certificate: {
    CertificateArn: ARN,
    DomainName: 'shared.example.com',
    SubjectAlternativeNames: ['shared.example.com', '*.example.com'],
    Status: 'ISSUED',
    Type: 'AMAZON_ISSUED',
    KeyAlgorithm: 'RSA-2048',
    NotBefore: '2026-01-01T00:00:00Z',
    NotAfter: '2099-01-01T00:00:00Z',
    InUseBy: [],
  },
});

const distributionValues = (i, arn) => ({
  aliases: [`www${i}.example.com`],
  http_version: 'http2',
  viewer_certificate: [
    {
      acm_certificate_arn: arn,
      cloudfront_default_certificate: false,
      minimum_protocol_version: 'TLSv1.2_2021',
      ssl_support_method: 'sni-only',
    },
  ],
});

/** planned_values 64 modules deep, `n` distributions and certificates spread over the levels. */
function deepPlan(n) {
  const perLevel = Math.ceil(n / DEPTH);
  const address = (d) => Array.from({ length: d }, (_, i) => `module.m${i}`).join('.');
  let child;
  for (let d = DEPTH; d >= 1; d--) {
    const resources = [];
    for (let k = 0; k < perLevel; k++) {
      const i = (d - 1) * perLevel + k;
      resources.push(
        {
          address: `${address(d)}.aws_cloudfront_distribution.d${k}`,
          mode: 'managed',
          type: 'aws_cloudfront_distribution',
          name: `d${k}`,
          values: distributionValues(i, ARN),
        },
        {
          address: `${address(d)}.aws_acm_certificate.c${k}`,
          mode: 'managed',
          type: 'aws_acm_certificate',
          name: `c${k}`,
          values: { domain_name: `www${i}.example.com`, validation_method: 'DNS' },
        },
      );
    }
    child = { address: address(d), resources, child_modules: child ? [child] : [] };
  }
  return JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: { child_modules: [child] } },
  });
}

/** resource_changes with configuration: distribution i's ARN, known after apply, is certificate i's. */
function linkedPlan(n) {
  const changes = [];
  const config = [];
  for (let i = 0; i < n; i++) {
    changes.push(
      {
        address: `aws_acm_certificate.c${i}`,
        mode: 'managed',
        type: 'aws_acm_certificate',
        name: `c${i}`,
        change: {
          actions: ['create'],
          after: { domain_name: `www${i}.example.com`, validation_method: 'DNS' },
          after_unknown: { arn: true },
        },
      },
      {
        address: `aws_cloudfront_distribution.d${i}`,
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: `d${i}`,
        change: {
          actions: ['create'],
          after: distributionValues(i, null),
          after_unknown: { viewer_certificate: [{ acm_certificate_arn: true }] },
        },
      },
    );
    config.push(
      {
        address: `aws_acm_certificate.c${i}`,
        mode: 'managed',
        type: 'aws_acm_certificate',
        name: `c${i}`,
        expressions: {},
      },
      {
        address: `aws_cloudfront_distribution.d${i}`,
        mode: 'managed',
        type: 'aws_cloudfront_distribution',
        name: `d${i}`,
        expressions: {
          viewer_certificate: [
            {
              acm_certificate_arn: {
                references: [`aws_acm_certificate.c${i}.arn`, `aws_acm_certificate.c${i}`],
              },
            },
          ],
        },
      },
    );
  }
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: changes,
    configuration: { root_module: { resources: config } },
  });
}

export async function run() {
  const lib = await import('../dist/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'certgate-bench-hostile-gate-'));
  try {
    const write = (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const acmPath = write('acm.json', acm);
    const gate = (files, certs) => async () => {
      const { inputs, errors } = await lib.loadGateInputs(files, { certs, parameters: {} });
      if (errors.length > 0) throw new Error(errors[0].message);
      const results = lib.runGate(inputs, { at: new Date('2026-06-01T00:00:00Z'), warnDays: 30 });
      if (results.length < N / 10) throw new Error('distributions were not read');
    };
    const cases = [
      [
        '20,000 distributions sharing one alias and certificate (CF-23, MS-04, MS-09)',
        sharedAlias,
        [acmPath],
      ],
      [`20,000 distributions in planned_values ${DEPTH} modules deep`, deepPlan, []],
      ['20,000 distributions each linked to one of 20,000 certificates known after apply', linkedPlan, []],
    ];
    for (const [label, make, certs] of cases) {
      const full = write(`full-${make.name}.json`, make(N));
      const tenth = write(`tenth-${make.name}.json`, make(N / 10));
      linearRow(label, await bestMs(gate([full], certs)), await bestMs(gate([tenth], certs)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
