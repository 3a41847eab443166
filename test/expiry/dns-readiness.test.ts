/**
 * The renewal checks that need DNS, against a real DNS server on loopback (dnsmasq) and ACM
 * certificates of the fake account: each validation CNAME present, missing or pointing
 * elsewhere, and CAA records that allow and forbid Amazon, up the tree as CAs look.
 */

import { afterAll, beforeAll, expect, test } from 'vitest';
import { expiry } from '../../src/expiry/expiry.js';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import { startDns, type TestDns } from '../support/dnsmasq.js';
import type { FakeCertificate } from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';

const ACCOUNT = '111122223333';
const root = createCertificate({ subject: 'CN=DNS Test Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=DNS Test Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
const record = (name: string) => ({
  Name: `_${name.replace(/\W/g, '')}.${name.replace(/^\*\./, '')}.`,
  Type: 'CNAME',
  Value: `_v${name.replace(/\W/g, '')}.acm-validations.aws.`,
});

function acm(n: number, names: string[]): FakeCertificate {
  const leaf = serverLeaf(names[0]!.replace(/^\*\./, 'x.'), intermediate, '2026-10-01Z', '2027-04-17Z');
  return {
    CertificateArn: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`,
    DomainName: names[0]!,
    SubjectAlternativeNames: names,
    Status: 'ISSUED',
    Type: 'AMAZON_ISSUED',
    KeyAlgorithm: 'RSA-2048',
    NotBefore: '2026-10-01T00:00:00.000Z',
    NotAfter: '2027-04-17T00:00:00.000Z',
    InUseBy: [`arn:aws:cloudfront::${ACCOUNT}:distribution/E1EXAMPLE`],
    RenewalEligibility: 'ELIGIBLE',
    DomainValidationOptions: names.map((name) => ({
      DomainName: name,
      ValidationMethod: 'DNS',
      ValidationStatus: 'SUCCESS',
      ResourceRecord: record(name),
    })),
    CertificatePem: leaf.pem,
    CertificateChainPem: intermediate.pem,
  };
}

const certificates = [
  acm(1, ['good.example.com', 'www.good.example.com']),
  acm(2, ['gone.example.com']),
  acm(3, ['wrong.example.com']),
  acm(4, ['*.locked.example.org']),
  acm(5, ['*.wild.example.net', 'wild.example.net']),
];

let dns: TestDns;
beforeAll(async () => {
  const cname = (name: string, target?: string) => {
    const r = record(name);
    return { name: r.Name.slice(0, -1), cname: target ?? r.Value };
  };
  dns = await startDns(
    ['example.com', 'example.org', 'example.net'],
    [
      cname('good.example.com'),
      cname('www.good.example.com'),
      cname('wrong.example.com', '_stale.acm-validations.aws.'),
      // gone.example.com's record was deleted
      cname('*.locked.example.org'),
      cname('*.wild.example.net'),
      cname('wild.example.net'),
      { name: 'example.com', caa: { tag: 'issue', value: 'amazon.com' } },
      { name: 'locked.example.org', caa: { tag: 'issue', value: 'letsencrypt.org' } },
      { name: 'example.net', caa: { tag: 'issue', value: 'amazontrust.com; cansignhttpexchanges=yes' } },
      { name: 'example.net', caa: { tag: 'issuewild', value: ';' } },
    ],
  );
});
afterAll(async () => {
  await dns.close();
});

const useFake = fakeAwsInProcess(1);

test('validation records and CAA decide whether the next renewal can succeed', async () => {
  await useFake({ accountId: ACCOUNT, distributions: [], certificates: { 'us-east-1': certificates } });
  const results = await expiry({
    aws: { regions: ['us-east-1'] },
    dns: { servers: [dns.address] },
    at: new Date('2026-12-01T00:00:00Z'),
    roots: root.pem,
  });
  const byName = new Map(results.flatMap((r) => (r.details ? [[r.details.name, r] as const] : [])));
  const view = (name: string) => {
    const r = byName.get(name)!;
    return { renewal: r.details!.renewal.status, codes: r.findings.map((f) => f.code) };
  };
  expect(view('good.example.com')).toEqual({ renewal: 'managed', codes: [] });
  expect(view('gone.example.com')).toEqual({
    renewal: 'at-risk',
    codes: ['EXPIRY_ACM_VALIDATION_RECORD_MISSING'],
  });
  const gone = byName.get('gone.example.com')!.findings[0]!;
  expect(gone.args).toMatchObject({ record: '_goneexamplecom.gone.example.com', found: 'nothing' });
  expect(byName.get('wrong.example.com')!.findings[0]!.args).toMatchObject({
    found: '_stale.acm-validations.aws',
  });
  // the wildcard's names: no issuewild at locked.example.org, and issue names another CA
  expect(view('x.locked.example.org')).toEqual({ renewal: 'at-risk', codes: ['EXPIRY_ACM_CAA_FORBIDS'] });
  expect(byName.get('x.locked.example.org')!.findings[0]!.args).toMatchObject({
    at: 'locked.example.org',
    domain: '*.locked.example.org',
  });
  // example.net: issue allows Amazon (with a parameter), issuewild ";" forbids the wildcard only
  const wild = byName.get('x.wild.example.net')!.findings;
  expect(wild.map((f) => [f.code, f.args.domain])).toEqual([
    ['EXPIRY_ACM_CAA_FORBIDS', '*.wild.example.net'],
  ]);
});

test('--no-dns (dns: false) makes no lookups', async () => {
  await useFake({
    accountId: ACCOUNT,
    distributions: [],
    certificates: { 'us-east-1': certificates.slice(1, 2) },
  });
  const [r] = await expiry({
    aws: { regions: ['us-east-1'] },
    dns: false,
    at: new Date('2026-12-01T00:00:00Z'),
    roots: root.pem,
  });
  expect(r!.details!.renewal.status).toBe('managed');
  expect(r!.findings).toEqual([]);
});
