import { expect, test } from 'vitest';
import { toCliJson } from '../../src/aws/cli-shape.js';

test('SDK output as the AWS CLI prints it: ISO dates, no $metadata, no undefined members', () => {
  const out = toCliJson({
    $metadata: { httpStatusCode: 200 },
    Certificate: {
      CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
      NotAfter: new Date(Date.UTC(2027, 0, 1)),
      Serial: undefined,
      DomainValidationOptions: [{ DomainName: 'a.example.com', ValidationStatus: 'SUCCESS' }],
    },
  });
  expect(out).toEqual({
    Certificate: {
      CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/x',
      NotAfter: '2027-01-01T00:00:00.000Z',
      DomainValidationOptions: [{ DomainName: 'a.example.com', ValidationStatus: 'SUCCESS' }],
    },
  });
});
