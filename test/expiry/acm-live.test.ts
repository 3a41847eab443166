/**
 * `certgate expiry --aws` as users run it: the real executable and SDK against the fake account,
 * with ACM certificates of every kind and renewal state in three regions (one opt-in region not
 * enabled). Each issued one has a real PEM (GetCertificate), so it is dated by its chain and
 * recognised when a file holds the same certificate.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCertificate, serverLeaf } from '../support/cert-factory.js';
import {
  childEnv,
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET,
  FAKE_SESSION_TOKEN,
  type FakeAws,
  type FakeCertificate,
  startFakeAws,
} from '../support/fake-aws.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const ACCOUNT = '111122223333';
const AT = '2026-12-01';
const root = createCertificate({ subject: 'CN=ACM Test Root', ca: true });
const intermediate = createCertificate({
  subject: 'CN=ACM Test Intermediate',
  issuer: root,
  ca: true,
  pathLen: 0,
});
const arn = (region: string, n: number) =>
  `arn:aws:acm:${region}:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const inUse = [`arn:aws:cloudfront::${ACCOUNT}:distribution/E1EXAMPLE`];

/** An ACM certificate with a real PEM for `name`, valid `from`..`to`. */
function acm(
  n: number,
  region: string,
  name: string,
  from: string,
  to: string,
  fields: Partial<FakeCertificate> = {},
): FakeCertificate {
  const leaf = serverLeaf(name, intermediate, from, to);
  return {
    CertificateArn: arn(region, n),
    DomainName: name,
    SubjectAlternativeNames: [name],
    Status: 'ISSUED',
    Type: 'AMAZON_ISSUED',
    KeyAlgorithm: 'EC-prime256v1',
    NotBefore: new Date(from).toISOString(),
    NotAfter: new Date(to).toISOString(),
    InUseBy: inUse,
    RenewalEligibility: 'ELIGIBLE',
    DomainValidationOptions: [{ DomainName: name, ValidationMethod: 'DNS', ValidationStatus: 'SUCCESS' }],
    CertificatePem: leaf.pem,
    CertificateChainPem: intermediate.pem,
    ...fields,
  };
}

const good = acm(1, 'us-east-1', 'good.example.com', '2026-10-01Z', '2027-04-17Z');
const certificates: Record<string, FakeCertificate[]> = {
  'us-east-1': [
    good,
    acm(2, 'us-east-1', 'imported.example.com', '2026-06-01Z', '2027-06-01Z', {
      Type: 'IMPORTED',
      RenewalEligibility: 'INELIGIBLE',
    }),
    acm(3, 'us-east-1', 'unused.example.com', '2026-10-01Z', '2027-04-17Z', { InUseBy: [] }),
    acm(4, 'us-east-1', 'email.example.com', '2026-10-01Z', '2027-04-17Z', {
      DomainValidationOptions: [
        { DomainName: 'email.example.com', ValidationMethod: 'EMAIL', ValidationStatus: 'SUCCESS' },
      ],
    }),
    // a 198-day certificate 30 days from its end: ACM starts at 45 days, a week of grace has passed
    acm(5, 'us-east-1', 'late.example.com', '2026-06-14Z', '2026-12-31Z', {
      RenewalSummary: { RenewalStatus: 'PENDING_AUTO_RENEWAL' },
    }),
    {
      CertificateArn: arn('us-east-1', 6),
      DomainName: 'new.example.com',
      Status: 'PENDING_VALIDATION',
      Type: 'AMAZON_ISSUED',
      KeyAlgorithm: 'RSA-2048',
    },
  ],
  'eu-west-1': [
    acm(7, 'eu-west-1', 'eu.example.com', '2026-10-01Z', '2027-04-17Z', {
      KeyAlgorithm: 'EC-secp384r1',
      RenewalSummary: {
        RenewalStatus: 'PENDING_VALIDATION',
        RenewalStatusReason: 'CAA_ERROR',
        DomainValidationOptions: [{ DomainName: 'eu.example.com', ValidationStatus: 'PENDING_VALIDATION' }],
      },
    }),
  ],
  'me-south-1': [acm(8, 'me-south-1', 'hidden.example.com', '2026-10-01Z', '2027-04-17Z')],
};

const dir = mkdtempSync(join(tmpdir(), 'certgate-expiry-acm-'));
let fake: FakeAws;
beforeAll(async () => {
  fake = await startFakeAws({
    accountId: ACCOUNT,
    distributions: [],
    certificates,
    disabledRegions: ['me-south-1'],
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const REGIONS = ['--region', 'us-east-1', '--region', 'eu-west-1', '--region', 'me-south-1'];

interface Json {
  results: {
    subject: { kind: string; id: string };
    findings: { code: string; message: string }[];
    details?: {
      name: string;
      renewal: { status: string };
      places: { kind: string }[];
      chainVerified: boolean;
    };
  }[];
}

test('every ACM certificate once, with whether ACM will renew it; the same certificate in a file is one entry', async () => {
  const file = join(dir, 'good.pem');
  writeFileSync(file, good.CertificatePem! + intermediate.pem);
  const rootFile = join(dir, 'root.pem');
  writeFileSync(rootFile, root.pem);
  const run = await spawnCertgate(
    ['expiry', file, '--aws', '--no-dns', ...REGIONS, '--roots', rootFile, '--at', AT, '--format', 'json'],
    { env: childEnv(fake), timeoutMs: 60_000 },
  );
  for (const secret of [FAKE_SECRET, FAKE_SESSION_TOKEN, FAKE_ACCESS_KEY_ID])
    expect(run.stdout + run.stderr).not.toContain(secret);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1); // the failing renewal is an error
  const report = JSON.parse(run.stdout) as Json;
  const byName = new Map(report.results.flatMap((r) => (r.details ? [[r.details.name, r] as const] : [])));
  const renewal = (name: string) => byName.get(name)?.details?.renewal.status;
  const codes = (name: string) => byName.get(name)?.findings.map((f) => f.code);
  expect(renewal('good.example.com')).toBe('managed');
  expect(codes('good.example.com')).toEqual([]);
  expect(byName.get('good.example.com')?.details?.places.map((p) => p.kind)).toEqual(['file', 'acm']);
  expect(byName.get('good.example.com')?.details?.chainVerified).toBe(true);
  expect([renewal('imported.example.com'), codes('imported.example.com')]).toEqual([
    'manual',
    ['EXPIRY_ACM_IMPORTED'],
  ]);
  expect([renewal('unused.example.com'), codes('unused.example.com')]).toEqual([
    'not-renewing',
    ['EXPIRY_ACM_WILL_NOT_RENEW'],
  ]);
  expect([renewal('email.example.com'), codes('email.example.com')]).toEqual([
    'needs-human',
    ['EXPIRY_ACM_EMAIL_VALIDATION'],
  ]);
  expect(renewal('late.example.com')).toBe('late');
  expect(codes('late.example.com')).toContain('EXPIRY_ACM_RENEWAL_LATE');
  // an EC P-384 certificate in eu-west-1: ListCertificates was asked for every key type
  expect(renewal('eu.example.com')).toBe('failing');
  const failing = byName.get('eu.example.com')!.findings.find((f) => f.code === 'EXPIRY_ACM_RENEWAL_FAILING');
  expect(failing?.message).toContain('PENDING_VALIDATION (CAA_ERROR) for eu.example.com');
  const pending = report.results.find((r) => r.subject.id === arn('us-east-1', 6));
  expect(pending?.findings.map((f) => f.code)).toEqual(['EXPIRY_ACM_NOT_ISSUED']);
  // the opt-in region the account has not enabled is passed over, not an error
  expect(byName.has('hidden.example.com')).toBe(false);
  expect(report.results.some((r) => r.subject.kind === 'aws')).toBe(false);
});

test('no credentials accepted: exit 3 and one line; nothing else is lost', async () => {
  const env = { ...childEnv(fake), AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' };
  const file = join(dir, 'good.pem');
  const run = await spawnCertgate(
    ['expiry', file, '--aws', '--no-dns', '--region', 'us-east-1', '--at', AT, '--format', 'json'],
    {
      env,
      timeoutMs: 60_000,
    },
  );
  expect(run.code).toBe(3);
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^certgate: error: --aws: nothing could be read from the account: ListCertificates failed/,
    ),
  ]);
  const report = JSON.parse(run.stdout) as Json;
  expect(report.results.some((r) => r.details?.name === 'good.example.com')).toBe(true);
  expect(report.results.find((r) => r.subject.kind === 'aws')?.findings[0]?.code).toMatch(/^AWS_/);
});
