import { describe, expect, test } from 'vitest';
import { failureKind, safeMessage, toFailure } from '../../src/aws/errors.js';

/** An error shaped as the SDK throws it: a name, a message, the HTTP status in $metadata. */
const sdkError = (name: string, status?: number, message = `${name} happened`) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('failureKind: an SDK error is one of the kinds the gate reports', () => {
  test.each([
    [sdkError('CredentialsProviderError'), 'no-credentials'],
    [sdkError('InvalidClientTokenId', 403), 'no-credentials'],
    [sdkError('ExpiredToken', 400), 'expired-credentials'],
    [sdkError('ExpiredTokenException', 400), 'expired-credentials'],
    [sdkError('AccessDenied', 403), 'access-denied'],
    [sdkError('AccessDeniedException', 400), 'access-denied'],
    [sdkError('Throttling', 400), 'throttled'],
    [sdkError('ThrottlingException', 400), 'throttled'],
    [sdkError('ResourceNotFoundException', 400), 'not-found'],
    [sdkError('NoSuchDistribution', 404), 'not-found'],
    [sdkError('NoSuchEntityException', 404), 'not-found'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'network'],
    [sdkError('TimeoutError'), 'network'],
    [Object.assign(new Error('wrapped'), { cause: { code: 'ENOTFOUND' } }), 'network'],
    [sdkError('InvalidArgument', 400), 'other'],
    ['a string', 'other'],
  ])('%s → %s', (error, kind) => {
    expect(failureKind(error)).toBe(kind);
  });

  test('UnrecognizedClientException is a disabled region outside us-east-1, unknown credentials in it', () => {
    const e = sdkError('UnrecognizedClientException', 400);
    expect(failureKind(e, 'ap-east-1')).toBe('region-disabled');
    expect(failureKind(e, 'us-east-1')).toBe('no-credentials');
  });
});

describe('safeMessage: one line, bounded, never a credential', () => {
  test('collapses lines and bounds the length', () => {
    expect(safeMessage('a\n  b\r\n\tc')).toBe('a b c');
    expect(safeMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });

  test('scrubs access key ids, signed headers, secrets given and key=value secrets', () => {
    const text =
      'denied for AKIAIOSFODNN7EXAMPLE, Authorization: AWS4-HMAC-SHA256 Credential=AKIA/x, Signature=abcdef\nsecret=wJalrXUtnFEMI SessionToken: FwoGZXIvYXdz and FAKE_SECRET here';
    const out = safeMessage(text, ['FAKE_SECRET']);
    expect(out).not.toMatch(/AKIAIOSFODNN7EXAMPLE|abcdef|wJalrXUtnFEMI|FwoGZXIvYXdz|FAKE_SECRET|AWS4-HMAC/);
    expect(out).not.toContain('\n');
  });
});

test('toFailure names the operation, the IAM action and the region, with the SDK reason', () => {
  const f = toFailure(
    sdkError('AccessDeniedException', 400, 'User: arn:aws:iam::1:user/ci is not authorized'),
    {
      operation: 'DescribeCertificate',
      iamAction: 'acm:DescribeCertificate',
      region: 'eu-west-1',
    },
  );
  expect(f).toEqual({
    operation: 'DescribeCertificate',
    iamAction: 'acm:DescribeCertificate',
    region: 'eu-west-1',
    kind: 'access-denied',
    message: 'AccessDeniedException: User: arn:aws:iam::1:user/ci is not authorized',
  });
});
