/**
 * `check --aws --aws-preflight` against the fake account (the real SDK over loopback): aliases and
 * tenant domains the account does not hold are looked up with ListDomainConflicts through a
 * standard distribution or a distribution tenant whose certificate covers them; holders in other
 * accounts (distributions and tenants, masked as AWS returns them) are CF_ALIAS_ALREADY_EXISTS;
 * every page is read; a refused ListDomainConflicts falls back to ListConflictingAliases through
 * a distribution, and says what that leaves out.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { describeFinding } from '../../src/report/messages.js';
import type { FakeAccountSpec, FakeAws } from '../support/fake-aws.js';
import { fakeAwsInProcess } from '../support/fake-aws-in-process.js';
import { issuedCertificate, templateYaml } from './template.js';

const ACCOUNT = '111122223333';
const COM = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-0000000000c0`;
const SAAS = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/00000000-0000-4000-8000-0000000000a5`;
const STANDARD = 'E1STANDARD0001';
const PARENT = 'E1MULTITENANT1';
const AT = new Date('2027-01-20');

const ELSEWHERE = { distributionId: '*******EXAMPLE', accountId: '******444455' } as const;
const TENANT_ELSEWHERE = { distributionId: 'dt_*******OTHER', accountId: '******666677' } as const;

/** A standard distribution with `*.example.com`, a multi-tenant one with `*.saas.example` and its tenant. */
function account(extra: Partial<FakeAccountSpec> = {}): FakeAccountSpec {
  const viewer = (arn: string) => ({
    ACMCertificateArn: arn,
    SSLSupportMethod: 'sni-only' as const,
    MinimumProtocolVersion: 'TLSv1.2_2021',
  });
  return {
    accountId: ACCOUNT,
    certificates: {
      'us-east-1': [issuedCertificate(COM, ['*.example.com']), issuedCertificate(SAAS, ['*.saas.example'])],
    },
    distributions: [
      { Id: STANDARD, Aliases: ['static.example.com'], ViewerCertificate: viewer(COM) },
      { Id: PARENT, Aliases: [], ConnectionMode: 'tenant-only', ViewerCertificate: viewer(SAAS) },
    ],
    tenants: [
      {
        Id: 'dt_mine00001',
        Name: 'mine',
        DistributionId: PARENT,
        Domains: [{ Domain: 'mine.saas.example' }],
      },
      // the template's own NewTenant, created before: its domain comes back unmasked, and is no conflict
      {
        Id: 'dt_again0001',
        Name: 'again',
        DistributionId: PARENT,
        Domains: [{ Domain: 'again.saas.example' }],
      },
    ],
    conflicts: [
      { alias: 'elsewhere.example.com', ...ELSEWHERE, resourceType: 'distribution' },
      { alias: 'shop.example.com', ...TENANT_ELSEWHERE, resourceType: 'distribution-tenant' },
      { alias: 'new.saas.example', ...TENANT_ELSEWHERE, resourceType: 'distribution-tenant' },
    ],
    ...extra,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'certgate-aws-preflight-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const site = templateYaml([
  { id: 'Site', aliases: ['elsewhere.example.com', 'shop.example.com', 'free.example.com'], arn: COM },
]);
const template = write(
  'template.yaml',
  `${site}  NewTenant:
    Type: AWS::CloudFront::DistributionTenant
    Properties:
      Name: again
      DistributionId: ${PARENT}
      Domains:
        - again.saas.example
        - new.saas.example
`,
);

const useFake = fakeAwsInProcess(1);

async function run(file = template) {
  const { results, awsUnavailable } = await check([file], { aws: { preflight: true }, at: AT });
  const findings = (id: string) => results.find((r) => r.subject.id === id)?.findings ?? [];
  return { results, awsUnavailable, findings, all: results.flatMap((r) => r.findings) };
}

type Found = { code: string; args: Record<string, unknown> };
const conflictOn = (findings: readonly Found[], alias: string) =>
  findings.find((f) => f.code === 'CF_ALIAS_ALREADY_EXISTS' && f.args.alias === alias);
const bodies = (aws: FakeAws, operation: string) =>
  aws.requests.filter((q) => q.operation === operation).map((q) => q.body);

test('ListDomainConflicts finds holders in other accounts, distributions and tenants, named masked with their kind', async () => {
  const aws = await useFake(account());
  const r = await run();
  const elsewhere = conflictOn(r.findings('Site'), 'elsewhere.example.com');
  expect(elsewhere?.args.elsewhereHolder).toBe(
    `distribution ${ELSEWHERE.distributionId} (account ${ELSEWHERE.accountId})`,
  );
  // a holder in another account is never this distribution deployed before: an error, said so
  expect(elsewhere).toMatchObject({ severity: 'error', awsError: 'CNAMEAlreadyExists' });
  expect(elsewhere?.args.maybeSelf).toBeUndefined();
  expect(elsewhere?.args.accountHolder).toBeUndefined();
  expect(elsewhere && describeFinding(elsewhere as never).message).toContain(' in another account;');
  const shop = conflictOn(r.findings('Site'), 'shop.example.com');
  expect(shop?.args.elsewhereHolder).toBe(
    `distribution tenant ${TENANT_ELSEWHERE.distributionId} (account ${TENANT_ELSEWHERE.accountId})`,
  );
  expect(shop && describeFinding(shop as never).message).toContain(TENANT_ELSEWHERE.accountId);
  expect(conflictOn(r.findings('Site'), 'free.example.com')).toBeUndefined();
  // the tenant domain of the inputs: asked through the account's tenant, whose parent's certificate covers it
  const fresh = conflictOn(r.findings('NewTenant'), 'new.saas.example');
  expect(fresh).toMatchObject({ severity: 'error', awsError: 'CNAMEAlreadyExists' });
  expect(String(fresh?.args.elsewhereHolder)).toContain('distribution tenant dt_*******OTHER');
  // the inputs' own tenant (unmasked in the answer) is no holder of its own domain
  expect(conflictOn(r.findings('NewTenant'), 'again.saas.example')).toBeUndefined();

  // the recommended call only, with the body the SDK serializes (XML, the 2020-05-31 namespace)
  expect(bodies(aws, 'ListConflictingAliases')).toEqual([]);
  const sent = aws.requests.filter((q) => q.operation === 'ListDomainConflicts');
  expect(sent).toHaveLength(5);
  for (const q of sent) {
    expect(q.method).toBe('POST');
    expect(q.path).toBe('/2020-05-31/domain-conflicts');
    expect(q.headers['content-type']).toBe('application/xml');
  }
  expect(sent.map((q) => q.body)).toContain(
    '<?xml version="1.0" encoding="UTF-8"?><ListDomainConflictsRequest xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Domain>elsewhere.example.com</Domain><DomainControlValidationResource><DistributionId>E1STANDARD0001</DistributionId></DomainControlValidationResource><MaxItems>100</MaxItems></ListDomainConflictsRequest>',
  );
  const viaTenant = sent.filter((q) =>
    q.body.includes('<DistributionTenantId>dt_mine00001</DistributionTenantId>'),
  );
  expect(viaTenant.map((q) => /<Domain>([^<]*)<\/Domain>/.exec(q.body)?.[1]).sort()).toEqual([
    'again.saas.example',
    'new.saas.example',
  ]);
  // never through the multi-tenant distribution itself (neither API takes one)
  expect(sent.some((q) => q.body.includes(PARENT))).toBe(false);
  expect(r.all.filter((f) => f.code.startsWith('AWS_'))).toEqual([]);
});

test('every page of ListDomainConflicts is read: NextMarker goes back as Marker', async () => {
  const aws = await useFake(
    account({
      conflictPageSize: 1,
      conflicts: [
        { alias: '*.example.com', distributionId: '*******WILDCARD', accountId: '******222233' },
        { alias: 'elsewhere.example.com', ...ELSEWHERE },
      ],
    }),
  );
  const file = write(
    'one.yaml',
    templateYaml([{ id: 'Site', aliases: ['elsewhere.example.com'], arn: COM }]),
  );
  const r = await run(file);
  expect(conflictOn(r.findings('Site'), 'elsewhere.example.com')?.args.elsewhereHolder).toBe(
    `distribution ${ELSEWHERE.distributionId} (account ${ELSEWHERE.accountId})`,
  );
  const pages = bodies(aws, 'ListDomainConflicts');
  expect(pages).toHaveLength(2);
  expect(pages[0]).not.toContain('<Marker>');
  const marker = /<Marker>([^<]+)<\/Marker>/.exec(pages[1]!)?.[1];
  const first = aws.requests.find((q) => q.operation === 'ListDomainConflicts')!.responseBody!;
  expect(first).toContain(`<NextMarker>${marker}</NextMarker>`);
});

test('AccessDenied on ListDomainConflicts: ListConflictingAliases answers through the distribution, and the gap is said', async () => {
  const aws = await useFake(
    account({
      faults: {
        ListDomainConflicts: [
          { status: 403, code: 'AccessDenied', message: 'User is not authorized', always: true },
        ],
      },
    }),
  );
  const r = await run();
  // the distribution holder is still found; the tenant holder cannot be (ListConflictingAliases sees distributions only)
  expect(conflictOn(r.findings('Site'), 'elsewhere.example.com')?.args.elsewhereHolder).toBe(
    `distribution ${ELSEWHERE.distributionId} (account ${ELSEWHERE.accountId})`,
  );
  expect(conflictOn(r.findings('Site'), 'shop.example.com')).toBeUndefined();
  const denied = r.findings('Site').filter((f) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied).toHaveLength(3);
  expect(denied[0]?.args).toMatchObject({
    operation: 'ListDomainConflicts',
    iamAction: 'cloudfront:ListDomainConflicts and cloudfront:GetDistribution',
  });
  expect(denied.map((f) => String(f.args.unchecked))).toContain(
    'conflicts of alias shop.example.com with distribution tenants in other accounts (ListConflictingAliases, asked instead, sees distributions only)',
  );
  // refused once, the queries through a distribution go to the fallback at once
  const viaDistribution = bodies(aws, 'ListDomainConflicts').filter((b) => b.includes('<DistributionId>'));
  expect(viaDistribution.length).toBeLessThanOrEqual(2);
  expect(bodies(aws, 'ListConflictingAliases')).toHaveLength(3);
  // through a tenant there is no fallback: the tenant domain is not checked, and the finding names the pair
  const tenantDenied = r
    .findings('NewTenant')
    .find((f) => f.code === 'AWS_ACCESS_DENIED' && String(f.args.unchecked).includes('new.saas.example'));
  expect(tenantDenied?.args).toMatchObject({
    iamAction: 'cloudfront:ListDomainConflicts and cloudfront:GetDistributionTenant',
    unchecked: 'conflicts of alias new.saas.example in other accounts',
  });
  expect(tenantDenied && describeFinding(tenantDenied).message).toContain(
    'the credentials lack cloudfront:ListDomainConflicts and cloudfront:GetDistributionTenant',
  );
  expect(conflictOn(r.findings('NewTenant'), 'new.saas.example')).toBeUndefined();
  expect(r.awsUnavailable).toBeUndefined();
});

test('both refused: one AWS_ACCESS_DENIED per alias, naming the recommended call', async () => {
  const deny = [{ status: 403, code: 'AccessDenied', message: 'User is not authorized', always: true }];
  await useFake(account({ faults: { ListDomainConflicts: deny, ListConflictingAliases: deny } }));
  const r = await run();
  const denied = r.findings('Site').filter((f) => f.code === 'AWS_ACCESS_DENIED');
  expect(denied.map((f) => f.args.operation)).toEqual([
    'ListDomainConflicts',
    'ListDomainConflicts',
    'ListDomainConflicts',
  ]);
  expect(denied.map((f) => String(f.args.unchecked)).sort()).toEqual([
    'conflicts of alias elsewhere.example.com in other accounts',
    'conflicts of alias free.example.com in other accounts',
    'conflicts of alias shop.example.com in other accounts',
  ]);
  expect(conflictOn(r.findings('Site'), 'elsewhere.example.com')).toBeUndefined();
});

test('no standard distribution or tenant covers the domain: AWS_PREFLIGHT_NOT_POSSIBLE, no call', async () => {
  const aws = await useFake(account());
  const file = write('far.yaml', templateYaml([{ id: 'Far', aliases: ['www.elsewhere.net'], arn: COM }]));
  const r = await run(file);
  const note = r.findings('Far').find((f) => f.code === 'AWS_PREFLIGHT_NOT_POSSIBLE');
  expect(note && describeFinding(note).message).toContain('ListDomainConflicts needs one');
  expect(bodies(aws, 'ListDomainConflicts')).toEqual([]);
});
