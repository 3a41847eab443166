import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeKeyAlgorithm, parseTimestamp } from '../../src/sources/acm.js';
import { parseCertArgument } from '../../src/sources/cert-args.js';
import { createCertificate } from '../support/cert-factory.js';
import { load, loadText, positionOf, where, writeFiles } from './helpers.js';

const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1f6e2a8c-4b7d-4e55-9a31-0c2f6d8b7e10';
const EU_ARN = 'arn:aws:acm:eu-west-1:444455556666:certificate/7c1d9e3a-2b4f-4a6c-8e0d-5f7a9b1c3d5e';
const DIST = 'examples/cloudfront/get-distribution-config.json';

describe('ACM spellings', () => {
  const algorithms: [string, string][] = [
    ['RSA-2048', 'RSA_2048'],
    ['RSA_2048', 'RSA_2048'],
    ['RSA-4096', 'RSA_4096'],
    ['EC-prime256v1', 'EC_prime256v1'],
    ['EC_secp384r1', 'EC_secp384r1'],
  ];
  test.each(algorithms)('%s → %s', (given, want) => expect(normalizeKeyAlgorithm(given)).toBe(want));

  const times: [unknown, string | undefined][] = [
    ['2026-09-15T23:59:59+00:00', '2026-09-15T23:59:59.000Z'],
    ['2026-09-15T23:59:59.123Z', '2026-09-15T23:59:59.123Z'],
    ['2026-09-16T01:59:59+02:00', '2026-09-15T23:59:59.000Z'],
    [1789430399, '2026-09-14T23:59:59.000Z'],
    [1789430399.5, '2026-09-14T23:59:59.500Z'],
    ['1789430399', '2026-09-14T23:59:59.000Z'],
    ['not a date', undefined],
    [null, undefined],
    [true, undefined],
  ];
  test.each(times)('%j', (given, want) => expect(parseTimestamp(given)?.toISOString()).toBe(want));
});

describe('aws acm describe-certificate', () => {
  test('every field, region and account from the ARN (examples/cloudfront/acm-certificate.json)', async () => {
    const { inputs, errors } = await load([DIST], { certs: ['examples/cloudfront/acm-certificate.json'] });
    expect(errors).toEqual([]);
    expect(inputs.evidence).toHaveLength(1);
    const e = inputs.evidence[0]!;
    expect(e).toMatchObject({
      key: ARN,
      kind: 'acm-describe',
      arn: ARN,
      region: 'us-east-1',
      accountId: '111122223333',
      status: 'ISSUED',
      type: 'AMAZON_ISSUED',
      domainName: 'example.com',
      subjectAlternativeNames: ['example.com', '*.example.com'],
      keyAlgorithm: 'RSA_2048',
      notBefore: new Date('2026-08-01T00:00:00Z'),
      notAfter: new Date('2027-02-15T23:59:59Z'),
      inUseBy: ['arn:aws:cloudfront::111122223333:distribution/E1A2B3C4D5E6F7'],
      renewalEligibility: 'ELIGIBLE',
      validationMethod: 'DNS',
    });
    expect(e.validationOptions?.[0]).toEqual({
      domainName: 'example.com',
      validationStatus: 'SUCCESS',
      validationMethod: 'DNS',
      resourceRecord: {
        name: '_3b5c7e2a9f1d4c6b8a0e2f4d6c8b0a1e.example.com.',
        type: 'CNAME',
        value: '_8f2d4b6a0c1e3f5a7b9d1c3e5f7a9b0d.mhbtsbpdnt.acm-validations.aws.',
      },
    });
    expect(e.location).toMatchObject({ path: ['Certificate'], line: 2, column: 18 });
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('epoch seconds and hyphen spellings (examples/cloudfront/acm-certificate-example-net.json)', async () => {
    const { inputs } = await load([], { certs: ['examples/cloudfront/acm-certificate-example-net.json'] });
    expect(inputs.evidence[0]).toMatchObject({
      keyAlgorithm: 'EC_prime256v1',
      notAfter: new Date('2027-02-15T23:59:59Z'),
      subjectAlternativeNames: ['*.example.net'],
    });
  });

  test('a JSON array of describe-certificate outputs, renewal and origin fields', async () => {
    const text = JSON.stringify(
      [
        { Certificate: { CertificateArn: ARN, DomainName: 'example.com', Status: 'ISSUED' } },
        {
          Certificate: {
            CertificateArn: EU_ARN,
            DomainName: 'example.eu',
            SubjectAlternativeNames: ['www.example.eu'],
            Status: 'PENDING_VALIDATION',
            RenewalSummary: { RenewalStatus: 'PENDING_VALIDATION' },
            ManagedBy: 'CLOUDFRONT',
            Options: { CertificateKeyPairOrigin: 'ACME' },
          },
        },
      ],
      null,
      2,
    );
    const { inputs } = await loadText('certs.json', text);
    expect(inputs.evidence.map((e) => [e.key, e.region, e.accountId, e.status])).toEqual([
      [ARN, 'us-east-1', '111122223333', 'ISSUED'],
      [EU_ARN, 'eu-west-1', '444455556666', 'PENDING_VALIDATION'],
    ]);
    expect(inputs.evidence[1]).toMatchObject({
      subjectAlternativeNames: ['example.eu', 'www.example.eu'],
      renewalStatus: 'PENDING_VALIDATION',
      managedBy: 'CLOUDFRONT',
      keyPairOrigin: 'ACME',
    });
    expect(where(inputs.evidence[1]!.location)).toEqual({
      line: positionOf(text, '"Certificate"', 1).line,
      column: positionOf(text, '"Certificate"', 1).column + 15,
    });
  });

  test('list-certificates: summaries, a cut-short SAN list is Unresolved', async () => {
    const text = JSON.stringify({
      CertificateSummaryList: [
        {
          CertificateArn: ARN,
          DomainName: 'example.com',
          SubjectAlternativeNameSummaries: ['example.com', '*.example.com'],
          HasAdditionalSubjectAlternativeNames: false,
          Status: 'ISSUED',
          KeyAlgorithm: 'RSA-2048',
          InUse: true,
          NotAfter: 1789430399,
        },
        {
          CertificateArn: EU_ARN,
          DomainName: 'big.example.com',
          SubjectAlternativeNameSummaries: ['big.example.com'],
          HasAdditionalSubjectAlternativeNames: true,
          InUse: false,
        },
      ],
    });
    const { inputs } = await loadText('list.json', text);
    expect(inputs.evidence[0]).toMatchObject({
      kind: 'acm-list',
      subjectAlternativeNames: ['example.com', '*.example.com'],
      keyAlgorithm: 'RSA_2048',
      notAfter: new Date(1789430399000),
    });
    expect(inputs.evidence[1]).toMatchObject({ subjectAlternativeNames: { unresolved: true }, inUseBy: [] });
  });

  test('evidence that matches no distribution is a note, not an error', async () => {
    const { inputs, errors } = await load(['examples/cloudfront/bad-region.json'], {
      certs: ['examples/cloudfront/acm-certificate.json'],
    });
    expect(errors).toEqual([]);
    expect(
      inputs.sourceFindings.map((f) => [
        f.distributionId,
        f.finding.code,
        f.finding.severity,
        f.finding.args,
      ]),
    ).toEqual([
      [
        undefined,
        'INPUT_EVIDENCE_UNMATCHED',
        'note',
        { key: ARN, source: 'examples/cloudfront/acm-certificate.json' },
      ],
    ]);
  });
});

describe('PEM chains', () => {
  const leaf = createCertificate({
    subject: 'CN=www.example.com',
    sans: ['dns:www.example.com', 'dns:example.com'],
    key: 'p384',
  });
  const rsa = createCertificate({ subject: 'CN=rsa.example.com', key: 'rsa2048' });

  test('ARN=FILE binds the chain: names, dates and key from the leaf', async () => {
    const dir = writeFiles({ 'leaf.pem': leaf.pem });
    const { inputs, errors } = await load([DIST], { certs: [`${ARN}=${join(dir, 'leaf.pem')}`] });
    expect(errors).toEqual([]);
    const e = inputs.evidence[0]!;
    expect(e).toMatchObject({
      key: ARN,
      kind: 'pem',
      arn: ARN,
      region: 'us-east-1',
      accountId: '111122223333',
      domainName: 'www.example.com',
      subjectAlternativeNames: ['www.example.com', 'example.com'],
      keyAlgorithm: 'EC_secp384r1',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2034-01-01T00:00:00Z'),
      location: { source: join(dir, 'leaf.pem'), certIndex: 0 },
    });
    expect(e.chain).toHaveLength(1);
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('IAMCERTID=FILE, RSA key size, a chain from examples/certs', async () => {
    const dir = writeFiles({ 'rsa.pem': rsa.pem });
    const { inputs } = await load([], {
      certs: [`ASCAEXAMPLEEXAMPLE01=${join(dir, 'rsa.pem')}`, `${EU_ARN}=examples/certs/fullchain.pem`],
    });
    expect(inputs.evidence.map((e) => [e.key, e.keyAlgorithm, e.arn, e.chain?.length])).toEqual([
      ['ASCAEXAMPLEEXAMPLE01', 'RSA_2048', undefined, 1],
      [EU_ARN, expect.stringMatching(/^(RSA_\d+|EC_\w+)$/), EU_ARN, 2],
    ]);
    expect(inputs.evidence[1]!.subjectAlternativeNames).toEqual([
      'www.example.com',
      'example.com',
      '*.static.example.com',
    ]);
  });

  test('a bare chain binds to the one certificate the distributions name', async () => {
    const dir = writeFiles({ 'leaf.pem': leaf.pem });
    const { inputs, errors } = await load([DIST], { certs: [join(dir, 'leaf.pem')] });
    expect(errors).toEqual([]);
    expect(inputs.evidence[0]).toMatchObject({ key: ARN, kind: 'pem' });
  });

  test('a bare chain with several certificates named is refused', async () => {
    const dir = writeFiles({ 'leaf.pem': leaf.pem });
    const { errors } = await load([DIST, 'examples/cloudfront/bad-region.json'], {
      certs: [join(dir, 'leaf.pem')],
    });
    expect(errors).toEqual([
      {
        source: join(dir, 'leaf.pem'),
        message: `${join(dir, 'leaf.pem')}: bind the chain to a certificate with --cert ARN=FILE (the distributions name 2 certificates)`,
      },
    ]);
  });

  test('a bare chain with no certificate named is refused', async () => {
    const dir = writeFiles({ 'leaf.pem': leaf.pem });
    const { errors } = await load([], { certs: [join(dir, 'leaf.pem')] });
    expect(errors[0]!.message).toMatch(
      /bind the chain to a certificate with --cert ARN=FILE \(no distribution names a certificate\)$/,
    );
  });

  test('a private key in the chain file is skipped and noted', async () => {
    const { inputs } = await load([DIST], { certs: [`${ARN}=examples/certs/with-private-key.pem`] });
    expect(inputs.sourceFindings.map((f) => [f.finding.code, f.finding.args])).toEqual([
      ['INPUT_PRIVATE_KEY_SKIPPED', { source: 'examples/certs/with-private-key.pem', count: 1 }],
    ]);
  });

  test('aws iam get-server-certificate: the id CloudFront names, the path, the chain', async () => {
    const text = JSON.stringify({
      ServerCertificate: {
        ServerCertificateMetadata: {
          Path: '/cloudfront/site/',
          ServerCertificateName: 'site',
          ServerCertificateId: 'ASCAEXAMPLEEXAMPLE01',
          Arn: 'arn:aws:iam::111122223333:server-certificate/cloudfront/site/site',
          Expiration: '2034-01-01T00:00:00Z',
        },
        CertificateBody: rsa.pem,
      },
    });
    const { inputs } = await loadText('iam.json', text);
    expect(inputs.evidence[0]).toMatchObject({
      key: 'ASCAEXAMPLEEXAMPLE01',
      kind: 'pem',
      iamPath: '/cloudfront/site/',
      keyAlgorithm: 'RSA_2048',
    });
  });
});

describe('--cert values', () => {
  const exists = async (p: string) => p === 'odd=name.pem';
  const rows: [string, object | RegExp][] = [
    ['chain.pem', { file: 'chain.pem' }],
    [`${ARN}=chain.pem`, { key: ARN, file: 'chain.pem' }],
    [`${ARN}=dir/a=b.pem`, { key: ARN, file: 'dir/a=b.pem' }],
    ['ASCAEXAMPLEEXAMPLE01=chain.pem', { key: 'ASCAEXAMPLEEXAMPLE01', file: 'chain.pem' }],
    ['odd=name.pem', { file: 'odd=name.pem' }],
    [
      'my-cert=chain.pem',
      /^--cert my-cert=chain\.pem: my-cert is not a certificate ARN \(arn:aws:acm:us-east-1:111122223333:certificate\/\.\.\.\) or an IAM server certificate id \(ASCA\.\.\.\)$/,
    ],
    [`${ARN}=`, /no file after =$/],
  ];
  test.each(rows)('%s', async (raw, want) => {
    if (want instanceof RegExp) await expect(parseCertArgument(raw, exists)).rejects.toThrow(want);
    else expect(await parseCertArgument(raw, exists)).toMatchObject(want);
  });

  test('errors name the value and the file, one line each', async () => {
    const { errors } = await load([DIST], {
      certs: [
        'not-an-arn=x.pem',
        `${ARN}=/nonexistent/chain.pem`,
        `${ARN}=examples/cloudfront/acm-certificate.json`,
        'examples/cloudfront/template.yaml',
        'README.md',
      ],
    });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^--cert not-an-arn=x\.pem: not-an-arn is not a certificate ARN/),
      '/nonexistent/chain.pem: no such file or directory',
      `examples/cloudfront/acm-certificate.json: --cert ${ARN}=FILE expects a PEM/DER chain; pass ACM or IAM JSON as --cert FILE`,
      expect.stringMatching(/^examples\/cloudfront\/template\.yaml: /),
      expect.stringMatching(/^README\.md: no certificate found/),
    ]);
    for (const e of errors) expect(e.message).not.toContain('\n');
  });
});
