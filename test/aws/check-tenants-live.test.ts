/**
 * `check --aws` and distribution tenants, against the fake account (the real SDK over loopback):
 * the account's tenants (ListDistributionTenants, every page) hold their domains, so an alias of
 * the inputs that is one conflicts; a tenant of the inputs whose parent is only in the account
 * gets that parent's certificate checked against its domains; a denied call or an unreadable
 * Domains list is said, never taken as "no tenants" or "no domains".
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { describeFinding } from '../../src/report/messages.js';
import type { FakeAccountSpec } from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';
import { issuedCertificate } from './template.js';

const ACCOUNT = '111122223333';
const SITE_CERT = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-000000000001`;
const WILDCARD = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-00000000000a`;
const PARENT = 'E1MULTITENANT1';
const AT = new Date('2027-01-20');

/** The multi-tenant parent (only in the account) and three tenants: one page of two, then one. */
function account(extra: Partial<FakeAccountSpec> = {}): FakeAccountSpec {
  return {
    accountId: ACCOUNT,
    certificates: {
      'us-east-1': [
        issuedCertificate(SITE_CERT, ['site.example.com', 'shop.taken.example']),
        issuedCertificate(WILDCARD, ['*.saas.example']),
      ],
    },
    distributions: [
      {
        Id: PARENT,
        ARN: `arn:aws:cloudfront::${ACCOUNT}:distribution/${PARENT}`,
        Aliases: [],
        ConnectionMode: 'tenant-only',
        ViewerCertificate: {
          ACMCertificateArn: WILDCARD,
          SSLSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      },
    ],
    tenants: [
      { Id: 'dt_other1', Name: 'other', DistributionId: PARENT, Domains: [{ Domain: 'other.saas.example' }] },
      // the template's own AcmeTenant, created before: its domains are no conflict with itself
      { Id: 'dt_acme01', Name: 'acme', DistributionId: PARENT, Domains: [{ Domain: 'acme.saas.example' }] },
      { Id: 'dt_taken1', Name: 'taken', DistributionId: PARENT, Domains: [{ Domain: 'shop.taken.example' }] },
    ],
    ...extra,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-tenants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const template = join(dir, 'template.yaml');
writeFileSync(
  template,
  `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [site.example.com, shop.taken.example]
        ViewerCertificate:
          AcmCertificateArn: ${SITE_CERT}
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        HttpVersion: http2
        Origins:
          - Id: origin
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: origin
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
  AcmeTenant:
    Type: AWS::CloudFront::DistributionTenant
    Properties:
      Name: acme
      DistributionId: ${PARENT}
      Domains:
        - acme.saas.example
        - shop.acme.example
`,
);

const useFake = fakeAwsInProcess(2);

async function run() {
  const { results, awsUnavailable } = await check([template], { aws: {}, at: AT });
  const findings = (id: string) => results.find((r) => r.subject.id === id)?.findings ?? [];
  const all = results.flatMap((r) => r.findings);
  return { results, awsUnavailable, findings, all };
}

const conflictOn = (findings: readonly { code: string; args: Record<string, unknown> }[], alias: string) =>
  findings.find((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS' && f.args.alias === alias);

test("a tenant domain in the account conflicts with a template alias; every page read, the inputs' own tenant is itself", async () => {
  const aws = await useFake(account());
  const r = await run();
  const conflict = conflictOn(r.findings('Site'), 'shop.taken.example');
  expect(conflict).toMatchObject({ severity: 'error', awsError: 'CNAMEAlreadyExists' });
  expect(conflict?.args.accountHolder).toBe('taken');
  // the account tenant named acme is the template's AcmeTenant
  expect(conflictOn(r.findings('AcmeTenant'), 'acme.saas.example')).toBeUndefined();
  // page size 2: two pages, the account's tenants are context, not results
  expect(aws.requests.filter((q) => q.operation === 'ListDistributionTenants')).toHaveLength(2);
  expect(r.results.map((x) => x.subject.id)).not.toContain('taken');
  expect(r.awsUnavailable).toBeUndefined();
});

test("a template tenant whose parent is only in the account is checked against the parent's certificate", async () => {
  const aws = await useFake(account());
  const r = await run();
  const codes = r.findings('AcmeTenant').map((f) => f.code);
  expect(codes).not.toContain('INPUT_UNRESOLVED_VALUE');
  expect(codes).not.toContain('CF_TENANT_PARENT_NOT_MULTI_TENANT');
  const uncovered = r.findings('AcmeTenant').filter((f) => f.code === 'CF_ALIAS_NOT_COVERED');
  expect(uncovered.map((f) => f.args.alias)).toEqual(['shop.acme.example']);
  expect(uncovered[0]?.args.tenantOf).toBe(PARENT);
  // the parent's certificate was described, though no input names it
  const described = aws.requests.filter((q) => q.operation === 'DescribeCertificate');
  expect(described.some((q) => q.body.includes(WILDCARD))).toBe(true);
});

test('an account without tenants costs one ListDistributionTenants call', async () => {
  const aws = await useFake(account({ tenants: [] }));
  const r = await run();
  expect(aws.requests.filter((q) => q.operation === 'ListDistributionTenants')).toHaveLength(1);
  expect(conflictOn(r.findings('Site'), 'shop.taken.example')).toBeUndefined();
});

test('AccessDenied on ListDistributionTenants is a finding on what was not checked; the rest still runs', async () => {
  await useFake(
    account({
      faults: {
        ListDistributionTenants: [
          { status: 403, code: 'AccessDenied', message: 'User is not authorized', always: true },
        ],
      },
    }),
  );
  const r = await run();
  const denied = r.all.find((f) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied?.args).toMatchObject({
    operation: 'ListDistributionTenants',
    iamAction: 'cloudfront:ListDistributionTenants',
  });
  expect(String(denied?.args.unchecked)).toContain('tenants');
  expect(conflictOn(r.findings('Site'), 'shop.taken.example')).toBeUndefined();
  // the distributions were still listed: the parent's certificate is still checked
  const uncovered = r.findings('AcmeTenant').filter((f) => f.code === 'CF_ALIAS_NOT_COVERED');
  expect(uncovered.map((f) => f.args.alias)).toEqual(['shop.acme.example']);
  expect(r.awsUnavailable).toBeUndefined();
});

test('an empty Domains list (DomainResult items the SDK does not read) is unknown, said in a note', async () => {
  await useFake(account({ tenantDomainItem: 'DomainResult' }));
  const r = await run();
  // the conflict cannot be seen, and the report says why instead of passing it silently
  expect(conflictOn(r.findings('Site'), 'shop.taken.example')).toBeUndefined();
  const note = r.all.find((f) => f.code === 'AWS_TENANT_DOMAINS_UNKNOWN');
  expect(note?.severity).toBe('note');
  // acme is the template's own tenant: only the account's others are unknown
  expect(note?.args).toMatchObject({ tenants: ['other', 'taken'], count: 2 });
  expect(note && describeFinding(note).message).toContain('unknown, not absent');
});
