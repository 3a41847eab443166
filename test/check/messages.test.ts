import { expect, test } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { describeFinding } from '../../src/report/messages.js';
import { CF_RULES } from '../../src/rules/cf/index.js';
import {
  ACCOUNT,
  acmEvidence,
  arnIn,
  defaultCertDistribution,
  distribution,
  gate,
  tenant,
  unresolved,
} from './builders.js';

/** A run in which most rules fire, so their words can be checked on real args. */
function kitchenSink(): Finding[] {
  const eu = arnIn('eu-west-1', '4');
  const other = `arn:aws:acm:us-east-1:444455556666:certificate/abc`;
  const ds = [
    distribution({
      id: 'E1',
      arn: eu,
      aliases: ['www.example.com', 'API.example.com', 'a.b.example.com', '*.w.example.com'],
      quantity: 3,
      etag: 'ETAG1',
      certificate: 'stale',
      certificateSource: 'iam',
      httpVersion: 'http2',
    }),
    distribution({
      id: 'E2',
      aliases: ['www.example.com', '*.example.com'],
      ssl: 'vip',
      httpVersion: 'http1.1',
      accountId: ACCOUNT,
    }),
    distribution({
      id: 'E3',
      arn: other,
      accountId: ACCOUNT,
      ssl: null,
      policy: 'TLSv1.2',
      aliases: ['x.example.com'],
    }),
    distribution({
      id: 'E4',
      arn: null,
      iam: 'my-cert',
      ssl: 'static-ip',
      policy: 'SSLv3',
      connectionMode: 'tenant-only',
    }),
    distribution({
      id: 'E5',
      ssl: 'vip',
      policy: 'TLSv1',
      httpVersion: 'http2',
      arn: arnIn('us-east-1', '6'),
      aliases: ['m.example.com'],
      accountId: '999999999999',
    }),
    distribution({
      id: 'E6',
      ssl: 'vip',
      policy: 'TLSv1',
      arn: arnIn('us-east-1', '7'),
      aliases: ['n.example.com'],
    }),
    distribution({
      id: 'E7',
      policy: 'TLSv1.3_2025',
      aliases: Array.from({ length: 101 }, (_, i) => `h${i}.example.org`),
    }),
    distribution({
      id: 'E8',
      policy: 'TLSv1',
      defaultCertificate: true,
      iam: 'ASCAEXAMPLEEXAMPLE12',
      aliases: ['p.example.com'],
    }),
    defaultCertDistribution({ id: 'E9', policy: 'TLSv1.2_2021' }),
    // MS-01 on its own: with no aliases, W-01 says the same fact (E9)
    defaultCertDistribution({ id: 'E9A', policy: 'TLSv1.2_2021', aliasesUnresolved: '!Ref Aliases' }),
    distribution({ id: 'E13', arn: 'cert-test', aliases: ['t.example.com'] }),
    defaultCertDistribution({ id: 'E10', aliases: ['q.example.com'] }),
    distribution({ id: 'E11', arn: unresolved(), aliases: ['r.example.com'] }),
    distribution({ id: 'E12', policy: 'SSLv3', httpVersion: 'http3', aliases: ['s.example.com'] }),
    // tenants: one of a standard distribution (TN-01), one asking CloudFront for its certificate (TN-02)
    tenant({ id: 'T1', parentId: 'E12', domains: ['u.example.com'] }),
    tenant({ id: 'T2', parentId: 'E12', domains: ['v.example.com'], managed: true }),
  ];
  const evidence = [
    acmEvidence({
      key: eu,
      status: 'PENDING_VALIDATION',
      keyAlgorithm: 'EC_secp384r1',
      notAfter: new Date('2026-06-10'),
      validationMethod: 'EMAIL',
      renewalStatus: 'FAILED',
      keyPairOrigin: 'ACME',
      managedBy: 'CLOUDFRONT',
    }),
    acmEvidence({
      subjectAlternativeNames: ['*.example.com', 'www.example.com'],
      keyAlgorithm: 'RSA_1024',
      type: 'PRIVATE',
    }),
    acmEvidence({
      key: other,
      type: 'IMPORTED',
      notAfter: new Date('2026-06-05'),
      subjectAlternativeNames: [],
    }),
    acmEvidence({
      key: arnIn('us-east-1', '6'),
      subjectAlternativeNames: ['*.example.com'],
      notAfter: new Date('2026-05-01'),
    }),
  ];
  return gate(ds, evidence).flatMap((r) => [...r.findings]);
}

const findings = kitchenSink();

test('most rules fire in the kitchen-sink run', () => {
  const fired = new Set(findings.map((f) => f.code));
  const missing = CF_RULES.filter((r) => !fired.has(r.code)).map((r) => r.id);
  // CF-06..CF-08 need PEM chains (test/rules/cf/chain.test.ts).
  expect(missing.sort()).toEqual(['CF-06', 'CF-08', 'CF-14']);
});

test.each(findings.map((f) => [f.code, f] as const))(
  '%s is worded with its distribution and error',
  (_, f) => {
    const { message, fix } = describeFinding(f);
    expect(message).not.toMatch(/undefined|\[object|\$\{|NaN/);
    expect(fix ?? '').not.toMatch(/undefined|\[object|\$\{|NaN/);
    expect(fix?.length ?? 0).toBeGreaterThan(10);
    if (typeof f.args.distribution === 'string') expect(message).toContain(f.args.distribution);
    if (typeof f.args.alias === 'string') expect(message).toContain(f.args.alias);
    if (f.awsError && f.code !== 'CF_CERTIFICATE_EVIDENCE_MISSING') expect(message).toContain(f.awsError);
    if (f.args.certainty === 'unconfirmed') expect(message).toContain('UNCONFIRMED');
    if (f.args.certainty === 'inferred') expect(message).toContain('INFERRED');
  },
);

test('CF-02 says exactly what to change', () => {
  const f = findings.find((x) => x.code === 'CF_CERTIFICATE_NOT_IN_US_EAST_1')!;
  expect(describeFinding(f).fix).toContain('request or import the certificate in us-east-1 and use that ARN');
  expect(describeFinding(f).message).toContain('eu-west-1');
});
