/**
 * The gate's scale: 10,000 distributions × 10 aliases in one list-distributions file
 * against 5,000 describe-certificate outputs in one JSON array. The time bound is a hang guard,
 * not a benchmark; the times are printed for the record.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { load, tempDir } from './helpers.js';

const arnOf = (i: number) =>
  `arn:aws:acm:us-east-1:111122223333:certificate/${String(i).padStart(8, '0')}-4b7d-4e55-9a31-0c2f6d8b7e10`;

/** A DistributionSummary as list-distributions prints it (fields the gate skips included, for size). */
function summary(i: number) {
  const id = `E${String(i).padStart(13, '0')}`;
  const arn = arnOf(i % 5000);
  return {
    Id: id,
    ARN: `arn:aws:cloudfront::111122223333:distribution/${id}`,
    Status: 'Deployed',
    LastModifiedTime: '2026-08-10T12:00:00.000000+00:00',
    DomainName: `d${i}.cloudfront.net`,
    Aliases: { Quantity: 10, Items: Array.from({ length: 10 }, (_, j) => `host${j}.site${i}.example.com`) },
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: 'origin',
          DomainName: 'origin.example.com',
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' },
        },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: 'origin', ViewerProtocolPolicy: 'redirect-to-https' },
    Comment: '',
    PriceClass: 'PriceClass_All',
    Enabled: true,
    ViewerCertificate: {
      CloudFrontDefaultCertificate: false,
      ACMCertificateArn: arn,
      SSLSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
      Certificate: arn,
      CertificateSource: 'acm',
    },
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
  };
}

function certificate(i: number) {
  return {
    Certificate: {
      CertificateArn: arnOf(i),
      DomainName: `site${i}.example.com`,
      SubjectAlternativeNames: [
        `site${i}.example.com`,
        `*.site${i}.example.com`,
        `*.site${i + 5000}.example.com`,
      ],
      DomainValidationOptions: [
        {
          DomainName: `site${i}.example.com`,
          ValidationStatus: 'SUCCESS',
          ResourceRecord: {
            Name: `_a${i}.site${i}.example.com.`,
            Type: 'CNAME',
            Value: `_b${i}.acm-validations.aws.`,
          },
          ValidationMethod: 'DNS',
        },
      ],
      Status: 'ISSUED',
      Type: 'AMAZON_ISSUED',
      NotBefore: '2026-08-01T00:00:00+00:00',
      NotAfter: '2027-02-15T23:59:59+00:00',
      KeyAlgorithm: 'RSA-2048',
      InUseBy: [],
      RenewalEligibility: 'ELIGIBLE',
    },
  };
}

test('10,000 distributions × 10 aliases against 5,000 certificates', async () => {
  const dir = tempDir();
  const list = join(dir, 'list.json');
  const certs = join(dir, 'certs.json');
  const listText = JSON.stringify(
    {
      DistributionList: {
        Marker: '',
        MaxItems: 10000,
        IsTruncated: false,
        Quantity: 10000,
        Items: Array.from({ length: 10000 }, (_, i) => summary(i)),
      },
    },
    null,
    4,
  );
  writeFileSync(list, listText);
  writeFileSync(
    certs,
    JSON.stringify(
      Array.from({ length: 5000 }, (_, i) => certificate(i)),
      null,
      4,
    ),
  );
  const start = performance.now();
  const { inputs, errors } = await load([list], { certs: [certs] });
  const loaded = performance.now() - start;
  expect(errors).toEqual([]);
  expect(inputs.distributions).toHaveLength(10_000);
  expect(inputs.evidence).toHaveLength(5_000);
  expect(inputs.sourceFindings).toEqual([]);
  const last = inputs.distributions[9999]!;
  expect(last.aliases[9]!.value).toBe('host9.site9999.example.com');
  const positions = performance.now();
  expect(last.aliases[9]!.location).toMatchObject({
    line: listText.slice(0, listText.lastIndexOf('host9.site9999')).split('\n').length,
  });
  let lines = 0;
  for (const d of inputs.distributions) for (const a of d.aliases) lines += a.location.line! > 0 ? 1 : 0;
  expect(lines).toBe(100_000);
  const located = performance.now() - positions;
  console.log(
    `sources at scale: ${(listText.length / 1e6).toFixed(1)} MB + 5,000 certificates loaded in ${loaded.toFixed(0)} ms; 100,000 alias positions in ${located.toFixed(0)} ms`,
  );
  expect(loaded).toBeLessThan(20_000);
});
