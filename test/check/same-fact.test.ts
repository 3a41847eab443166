import { expect, test } from 'vitest';
import { oneFindingPerFact, SAME_FACTS } from '../../src/check/same-fact.js';
import { CATALOG } from '../../src/findings/catalog.js';
import { createFinding } from '../../src/findings/finding.js';
import { describeFinding } from '../../src/report/messages.js';
import { defaultCertDistribution, distribution, findingsOf, gate, tenant, unresolved } from './builders.js';

const codes = (fs: readonly { code: string }[]) => fs.map((f) => f.code);

test('every pair names two different catalog codes, each pair once', () => {
  const keys = SAME_FACTS.map((s) => `${s.keep}>${s.drop}`);
  expect(new Set(keys).size).toBe(keys.length);
  for (const s of SAME_FACTS) {
    expect(CATALOG[s.keep], s.keep).toBeDefined();
    expect(CATALOG[s.drop], s.drop).toBeDefined();
    expect(s.keep).not.toBe(s.drop);
  }
});

test('the default certificate forcing TLSv1 is said once, with the ignored policy', () => {
  const found = findingsOf(gate([defaultCertDistribution({ policy: 'TLSv1.2_2021' })], []));
  expect(codes(found)).toEqual(['CF_DEFAULT_CERTIFICATE']);
  const { message } = describeFinding(found[0]!);
  expect(message).toContain('MinimumProtocolVersion TLSv1.2_2021');
  expect(message.match(/TLSv1\b/g)?.length).toBeGreaterThan(0);
});

const d = distribution({ id: 'E1', arn: unresolved('not evaluated: over the budget') });
const arnAt = d.viewerCertificate!.acmCertificateArn!.location;

test('a field over a bound is one INPUT_NOT_EXAMINED that lists what was not checked', () => {
  const sourceFindings = [
    {
      distributionId: 'E1',
      finding: createFinding('INPUT_NOT_EXAMINED', arnAt, { part: 'ACMCertificateArn', reason: 'budget' }),
    },
    {
      distributionId: 'E1',
      finding: createFinding('INPUT_UNRESOLVED_VALUE', arnAt, { field: 'AcmCertificateArn', reason: 'x' }),
    },
  ];
  const found = findingsOf(gate([d], [], { sourceFindings }));
  expect(codes(found).filter((c) => c.startsWith('INPUT_'))).toEqual(['INPUT_NOT_EXAMINED']);
  const kept = found.find((f) => f.code === 'INPUT_NOT_EXAMINED')!;
  expect(kept.args.skipped).toBeDefined();
  expect(describeFinding(kept).message).toContain('not checked:');
});

test('findings at different places are different facts', () => {
  const elsewhere = { source: 'dist.json', path: ['DistributionConfig', 'Comment'] };
  const sourceFindings = [
    { distributionId: 'E1', finding: createFinding('INPUT_NOT_EXAMINED', elsewhere, { reason: 'x' }) },
    { distributionId: 'E1', finding: createFinding('INPUT_UNRESOLVED_VALUE', arnAt, { reason: 'y' }) },
  ];
  const found = codes(findingsOf(gate([d], [], { sourceFindings })));
  expect(found).toContain('INPUT_NOT_EXAMINED');
  expect(found).toContain('INPUT_UNRESOLVED_VALUE');
});

test('a list with no fact-keeping code is returned as it is', () => {
  const items = [{ finding: createFinding('CF_DEDICATED_IP', { source: 'a' }) }];
  expect(oneFindingPerFact(items)).toEqual(items);
});

// seen in widdix/aws-cf-templates static-website.yaml: IamCertificateId from a parameter that defaults to ''
test('an IAMCertificateId that is no id is one finding: not also "no evidence" for it, and never a blank', () => {
  const found = findingsOf(gate([distribution({ arn: null, iam: '' })], []));
  expect(codes(found)).toContain('CF_IAM_CERTIFICATE_ID_INVALID');
  expect(codes(found)).not.toContain('CF_CERTIFICATE_EVIDENCE_MISSING');
  const { message } = describeFinding(found.find((f) => f.code === 'CF_IAM_CERTIFICATE_ID_INVALID')!);
  expect(message).toContain('empty IAMCertificateId');
  expect(message).not.toContain('probably the certificate name');
});

test('each unknown alias of a list says what it kept from being checked', () => {
  const two = distribution({
    aliases: [unresolved('!ImportValue A'), unresolved('!ImportValue B'), 'www.example.com'],
  });
  const sourceFindings = two.aliases.slice(0, 2).map((alias, i) => ({
    distributionId: two.id,
    finding: createFinding('INPUT_UNRESOLVED_VALUE', alias.location, {
      field: `Aliases.Items[${i}]`,
      reason: 'x',
      skipped: 'name coverage and alias conflicts',
    }),
  }));
  const found = findingsOf(gate([two], [], { sourceFindings })).filter(
    (f) => f.code === 'INPUT_UNRESOLVED_VALUE',
  );
  expect(found).toHaveLength(2);
  expect(found[0]!.args.skipped).toEqual(found[1]!.args.skipped);
  expect(Array.isArray(found[1]!.args.skipped)).toBe(true);
});

// seen in the AWS::CloudFront::DistributionTenant examples of the CloudFormation reference
test("the engine's own findings on a tenant call it a tenant", () => {
  const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-4000-8000-000000000001';
  const found = findingsOf(gate([tenant({ arn })], []));
  const missing = found.find((f) => f.code === 'CF_CERTIFICATE_EVIDENCE_MISSING')!;
  expect(missing.args.tenantOf).toBe('EMULTI');
  expect(describeFinding(missing).message).toContain('of tenant acme (of distribution EMULTI)');
});
