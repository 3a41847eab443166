import { expect, test } from 'vitest';
import { ACCOUNT_SOURCE, failureFindings } from '../../src/aws/failure-findings.js';
import type { AwsFailure } from '../../src/aws/types.js';
import { describeFinding as messageFor } from '../../src/report/messages.js';

const failure = (kind: AwsFailure['kind'], operation = 'DescribeCertificate'): AwsFailure => ({
  operation,
  iamAction: operation === 'DescribeCertificate' ? 'acm:DescribeCertificate' : 'cloudfront:ListDistributions',
  kind,
  message: `${kind} said AWS`,
  region: 'us-east-1',
});

test('a failure of one call is a finding on what it could not check, where the input names it', () => {
  const location = { source: 'template.yaml', path: ['Resources', 'Site'] };
  const [one] = failureFindings([
    { failure: failure('access-denied'), unchecked: 'certificate arn:x', location, distributionId: 'Site' },
  ]);
  expect(one!.distributionId).toBe('Site');
  expect(one!.finding).toMatchObject({ code: 'AWS_ACCESS_DENIED', severity: 'warning', location });
  const { message, fix } = messageFor(one!.finding);
  expect(message).toContain('acm:DescribeCertificate');
  expect(message).toContain('not checked: certificate arn:x');
  expect(fix).toContain('docs/aws.md');
});

test('a failure of the whole account is said once, naming every call it stopped', () => {
  const out = failureFindings([
    { failure: failure('no-credentials'), unchecked: 'certificate a', distributionId: 'A' },
    { failure: failure('no-credentials'), unchecked: 'certificate b', distributionId: 'B' },
    { failure: failure('no-credentials', 'ListDistributions'), unchecked: 'alias conflicts' },
  ]);
  expect(out).toHaveLength(1);
  expect(out[0]!.finding.code).toBe('AWS_NO_CREDENTIALS');
  expect(out[0]!.finding.location.source).toBe(ACCOUNT_SOURCE);
  expect(out[0]!.finding.args.operation).toBe('DescribeCertificate, ListDistributions');
  expect(messageFor(out[0]!.finding).message).toContain('certificate a; certificate b; alias conflicts');
});

test.each([
  ['expired-credentials', 'AWS_CREDENTIALS_EXPIRED'],
  ['throttled', 'AWS_THROTTLED'],
  ['region-disabled', 'AWS_REGION_DISABLED'],
  ['network', 'AWS_NETWORK_ERROR'],
  ['other', 'AWS_CALL_FAILED'],
] as const)('%s → %s, with a one-line message', (kind, code) => {
  const [one] = failureFindings([{ failure: failure(kind), unchecked: 'something' }]);
  expect(one!.finding.code).toBe(code);
  expect(messageFor(one!.finding).message).not.toContain('\n');
});
