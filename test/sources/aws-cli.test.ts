import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runGate } from '../../src/check/run-gate.js';
import { detectInput, type InputKind } from '../../src/sources/detect.js';
import { load, loadText, positionOf, where } from './helpers.js';

describe('detectInput: the kind of a document from its content', () => {
  const rows: [string, unknown, InputKind | undefined][] = [
    ['get-distribution-config', { ETag: 'E1', DistributionConfig: {} }, 'cloudfront-config'],
    ['bare DistributionConfig', { CallerReference: 'x', Origins: {} }, 'cloudfront-bare-config'],
    ['bare config with only ViewerCertificate', { ViewerCertificate: {} }, 'cloudfront-bare-config'],
    [
      'get-distribution',
      { ETag: 'E1', Distribution: { Id: 'E1', DistributionConfig: {} } },
      'cloudfront-distribution',
    ],
    ['list-distributions', { DistributionList: { Items: [] } }, 'cloudfront-list'],
    ['CloudFormation template', { Resources: {} }, 'cloudformation'],
    ['template without resources', { AWSTemplateFormatVersion: '2010-09-09' }, 'cloudformation'],
    ['terraform plan', { format_version: '1.2', planned_values: {} }, 'terraform'],
    ['terraform state', { format_version: '1.0', values: {} }, 'terraform'],
    ['CDK manifest', { version: '38.0.1', artifacts: {} }, 'cdk-manifest'],
    ['describe-certificate', { Certificate: { CertificateArn: 'arn' } }, 'acm-describe'],
    ['describe-certificate --query Certificate', { CertificateArn: 'arn' }, 'acm-describe'],
    ['array of describe-certificate', [{ Certificate: { CertificateArn: 'arn' } }], 'acm-describe-array'],
    ['list-certificates', { CertificateSummaryList: [] }, 'acm-list'],
    [
      'iam get-server-certificate',
      { ServerCertificate: { ServerCertificateMetadata: {} } },
      'iam-server-certificate',
    ],
    ['package.json', { name: 'x', version: '1.0.0' }, undefined],
    ['array of numbers', [1, 2], undefined],
    ['a string', 'hello', undefined],
  ];
  test.each(rows)('%s', (_, value, want) => {
    expect(detectInput(value)).toBe(want);
  });
});

const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1f6e2a8c-4b7d-4e55-9a31-0c2f6d8b7e10';

describe('get-distribution-config (examples/cloudfront/get-distribution-config.json)', () => {
  const file = 'examples/cloudfront/get-distribution-config.json';
  const text = readFileSync(file, 'utf8');

  test('every field with the position of its value', async () => {
    const { inputs, errors } = await load([file]);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    // no Id in this output: the CallerReference names it, not the file path
    expect(d).toMatchObject({
      id: 'site-2026-08-01',
      format: 'aws-cli',
      source: file,
      etag: 'E2QWRUHEXAMPLE',
    });
    expect(d.accountId).toBeUndefined();
    // [field, value, needle at the value]
    const vc = d.viewerCertificate!;
    const fields: [
      string,
      { value: unknown; location: { line?: number; column?: number } } | undefined,
      unknown,
      string,
    ][] = [
      ['alias 0', d.aliases[0], 'www.example.com', '"www.example.com"'],
      ['alias 1', d.aliases[1], 'api.example.com', '"api.example.com"'],
      ['Aliases.Quantity', d.aliasesQuantity, 2, '2,'],
      ['CloudFrontDefaultCertificate', vc.cloudFrontDefaultCertificate, false, 'false'],
      ['ACMCertificateArn', vc.acmCertificateArn, ARN, `"${ARN}"`],
      ['SSLSupportMethod', vc.sslSupportMethod, 'sni-only', '"sni-only"'],
      ['MinimumProtocolVersion', vc.minimumProtocolVersion, 'TLSv1.2_2021', '"TLSv1.2_2021"'],
      ['Certificate', vc.certificate, ARN, `"${ARN}"`],
      ['CertificateSource', vc.certificateSource, 'acm', '"acm"'],
      ['HttpVersion', d.httpVersion, 'http2and3', '"http2and3"'],
    ];
    for (const [name, f, value, needle] of fields) {
      expect(f?.value, name).toEqual(value);
      expect(where(f?.location), name).toEqual(positionOf(text, needle, name === 'Certificate' ? 1 : 0));
    }
    expect(where(vc.location)).toEqual(positionOf(text, '{\n      "CloudFrontDefaultCertificate"'));
    expect(d.aliases[1]!.location).toMatchObject({ line: 7, column: 36 });
    expect(vc.acmCertificateArn!.location).toMatchObject({ line: 33, column: 28 });
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('a bare DistributionConfig (update-distribution input) reads the same', async () => {
    const config = JSON.stringify(JSON.parse(text).DistributionConfig, null, 2);
    const { inputs } = await loadText('config.json', config);
    const d = inputs.distributions[0]!;
    expect(d.etag).toBeUndefined();
    expect(d.aliases.map((a) => a.value)).toEqual(['www.example.com', 'api.example.com']);
    expect(where(d.viewerCertificate!.acmCertificateArn!.location)).toEqual(positionOf(config, `"${ARN}"`));
  });

  test('empty aliases come back as Quantity 0 without Items', async () => {
    const { inputs } = await loadText(
      'e.json',
      '{"ETag": "E1", "DistributionConfig": {"Aliases": {"Quantity": 0}, "ViewerCertificate": {"CloudFrontDefaultCertificate": true}}}',
    );
    const d = inputs.distributions[0]!;
    expect(d.aliases).toEqual([]);
    expect(d.aliasesQuantity?.value).toBe(0);
    expect(d.viewerCertificate!.cloudFrontDefaultCertificate?.value).toBe(true);
  });

  test('a value of the wrong type is Unresolved, reported, never a silent pass', async () => {
    const text2 =
      '{"DistributionConfig": {"CallerReference": "x", "ViewerCertificate": {"ACMCertificateArn": 42, "CloudFrontDefaultCertificate": "maybe"}, "Aliases": {"Quantity": 1, "Items": [null]}}}';
    const { inputs } = await loadText('w.json', text2);
    const d = inputs.distributions[0]!;
    expect(d.viewerCertificate!.acmCertificateArn!.value).toBe('42');
    expect(d.viewerCertificate!.cloudFrontDefaultCertificate!.value).toMatchObject({
      reason: 'ViewerCertificate.CloudFrontDefaultCertificate is a string, not true or false',
    });
    expect(d.aliases[0]!.value).toMatchObject({ reason: 'Aliases.Items[0] is null' });
    expect(inputs.sourceFindings.map((f) => f.finding.args.field)).toEqual([
      'Aliases.Items[0]',
      'ViewerCertificate.CloudFrontDefaultCertificate',
    ]);
  });
});

describe('the ETag: kept only from get-distribution-config output (CF-28)', () => {
  // Output shapes: https://docs.aws.amazon.com/cli/latest/reference/cloudfront/ (get-distribution-config:
  // ETag + DistributionConfig; get-, create-, update-distribution: ETag + Distribution, create also
  // Location; list-distributions: DistributionList, no ETag)
  const config =
    '{"CallerReference": "r1", "Aliases": {"Quantity": 0}, "ViewerCertificate": {"CloudFrontDefaultCertificate": true}}';
  const distribution = `{"Id": "E1ABCDEF123456", "ARN": "arn:aws:cloudfront::111122223333:distribution/E1ABCDEF123456", "Status": "InProgress", "DistributionConfig": ${config}}`;
  const rows: [string, string, string | undefined][] = [
    ['get-distribution-config', `{"ETag": "E2CFG", "DistributionConfig": ${config}}`, 'E2CFG'],
    ['get-distribution', `{"ETag": "E2GET", "Distribution": ${distribution}}`, undefined],
    [
      'create-distribution',
      `{"Location": "https://cloudfront.amazonaws.com/2020-05-31/distribution/E1ABCDEF123456", "ETag": "E2NEW", "Distribution": ${distribution}}`,
      undefined,
    ],
    ['update-distribution', `{"ETag": "E2UPD", "Distribution": ${distribution}}`, undefined],
    ['list-distributions', `{"DistributionList": {"Items": [${distribution}], "Quantity": 1}}`, undefined],
    ['a bare DistributionConfig', config, undefined],
  ];
  test.each(rows)('%s', async (_, text, etag) => {
    const { inputs } = await loadText('d.json', text);
    expect(inputs.distributions).toHaveLength(1);
    expect(inputs.distributions[0]!.etag).toBe(etag);
  });
});

describe('a distribution without an Id is named by what a person wrote in it', () => {
  const rows: [string, string, string][] = [
    [
      'CallerReference',
      '{"CallerReference": "site-1", "Comment": "c", "Aliases": {"Quantity": 1, "Items": ["a.example.com"]}}',
      'site-1',
    ],
    [
      'first alias',
      '{"CallerReference": "", "Comment": "c", "Aliases": {"Quantity": 2, "Items": ["a.example.com", "b.example.com"]}}',
      'a.example.com',
    ],
    ['Comment', '{"Comment": "the shop", "ViewerCertificate": {}}', 'the shop'],
    ['nothing: file#index', '{"ViewerCertificate": {}}', 'n.json#0'],
    [
      'get-distribution-config',
      '{"ETag": "E1", "DistributionConfig": {"CallerReference": "cfg-1"}}',
      'cfg-1',
    ],
    [
      'create-distribution input JSON',
      '{"DistributionConfig": {"CallerReference": "new-1", "Origins": {}}}',
      'new-1',
    ],
  ];
  test.each(rows)('%s', async (_, text, id) => {
    const { inputs } = await loadText('n.json', text);
    expect(inputs.distributions[0]!.id.replace(/^.*\//, '')).toBe(id);
  });

  test('list items without an Id: names unique within the file', async () => {
    const text = '{"DistributionList": {"Items": [{"Comment": "same"}, {"Comment": "same"}, {}]}}';
    const { inputs } = await loadText('l.json', text);
    expect(inputs.distributions.map((d) => d.id.replace(/^.*\//, ''))).toEqual([
      'same',
      'l.json#1',
      'l.json#2',
    ]);
  });
});

describe('get-distribution and list-distributions', () => {
  test('get-distribution: Id, ARN account; its ETag is not kept (not a config for an update)', async () => {
    const text = `{"ETag": "E3", "Distribution": {"Id": "E1ABCDEF123456", "ARN": "arn:aws:cloudfront::111122223333:distribution/E1ABCDEF123456",
  "Status": "Deployed", "DistributionConfig": {"Aliases": {"Quantity": 1, "Items": ["a.example.com"]}, "ViewerCertificate": {"IAMCertificateId": "ASCAEXAMPLEEXAMPLE01"}}}}`;
    const { inputs } = await loadText('g.json', text);
    const d = inputs.distributions[0]!;
    expect(d).toMatchObject({ id: 'E1ABCDEF123456', accountId: '111122223333' });
    expect(d.etag).toBeUndefined();
    expect(d.viewerCertificate!.iamCertificateId?.value).toBe('ASCAEXAMPLEEXAMPLE01');
    expect(where(d.location)).toEqual(positionOf(text, '{"Id"'));
  });

  test('list-distributions: every summary, in order, with ids and positions (examples/cloudfront/list-distributions.json)', async () => {
    const file = 'examples/cloudfront/list-distributions.json';
    const text = readFileSync(file, 'utf8');
    const { inputs } = await load([file]);
    expect(inputs.distributions.map((d) => [d.id, d.accountId, d.aliases.map((a) => a.value)])).toEqual([
      ['E1A2B3C4D5E6F7', '111122223333', ['www.example.com', 'api.example.com']],
      ['E2B3C4D5E6F7A8', '111122223333', ['shop.example.com']],
      ['E3C4D5E6F7A8B9', '111122223333', ['shop.example.com', 'cdn.example.com']],
    ]);
    const shared = inputs.distributions[2]!.aliases[0]!;
    expect(where(shared.location)).toEqual(positionOf(text, '"shop.example.com"', 1));
    expect(shared.location.path).toEqual(['DistributionList', 'Items', 2, 'Aliases', 'Items', 0]);
  });

  test('each field points at its own value: the viewer certificate, the quantity and the HTTP version too', async () => {
    const text = `{"DistributionList": {"Items": [
  {"Id": "E1", "Aliases": {"Quantity": 2, "Items": ["a.example.com"]},
   "ViewerCertificate": {"ACMCertificateArn": "arn:aws:acm:us-east-1:111122223333:certificate/x",
     "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"},
   "HttpVersion": "http2"}]}}`;
    const { inputs } = await loadText('l.json', text);
    const d = inputs.distributions[0]!;
    const vc = d.viewerCertificate!;
    const at = ['DistributionList', 'Items', 0];
    expect(vc.location.path).toEqual([...at, 'ViewerCertificate']);
    expect(vc.acmCertificateArn!.location.path).toEqual([...at, 'ViewerCertificate', 'ACMCertificateArn']);
    expect(where(vc.sslSupportMethod!.location)).toEqual(positionOf(text, '"sni-only"'));
    expect(where(vc.minimumProtocolVersion!.location)).toEqual(positionOf(text, '"TLSv1.2_2021"'));
    expect(d.aliasesQuantity!.location.path).toEqual([...at, 'Aliases', 'Quantity']);
    expect(d.aliasesQuantity!.value).toBe(2);
    expect(where(d.httpVersion!.location)).toEqual(positionOf(text, '"http2"'));
    // a value of the wrong type is named by its API name
    const wrong = await loadText(
      'w.json',
      '{"DistributionConfig": {"ViewerCertificate": {"SSLSupportMethod": 7, "MinimumProtocolVersion": ["x"]}, "Aliases": {"Quantity": "two"}}}',
    );
    const w = wrong.inputs.distributions[0]!;
    expect(w.viewerCertificate!.sslSupportMethod!.value).toBe('7');
    expect(w.viewerCertificate!.minimumProtocolVersion!.value).toMatchObject({
      reason: 'ViewerCertificate.MinimumProtocolVersion is a list, not a string',
    });
    expect(w.aliasesQuantity!.value).toMatchObject({ reason: 'Aliases.Quantity is a string, not a number' });
  });

  test('an empty list-distributions', async () => {
    const { inputs, errors } = await loadText(
      'l.json',
      '{"DistributionList": {"Marker": "", "MaxItems": 100, "IsTruncated": false, "Quantity": 0}}',
    );
    expect(errors).toEqual([]);
    expect(inputs.distributions).toEqual([]);
  });
});

describe('deployed state: output of an existing distribution, not a change being made', () => {
  // CF-23 fails only the one being deployed when it takes a deployed distribution's alias
  const config = '{"CallerReference": "c", "Aliases": {"Quantity": 1, "Items": ["www.example.com"]}}';
  const rows: [string, string, boolean][] = [
    ['list-distributions', `{"DistributionList": {"Items": [{"Id": "E1", ${config.slice(1, -1)}}]}}`, true],
    [
      'get-distribution',
      `{"ETag": "E", "Distribution": {"Id": "E1", "DistributionConfig": ${config}}}`,
      true,
    ],
    [
      'get-distribution-config (prepared for update-distribution)',
      `{"ETag": "E", "DistributionConfig": ${config}}`,
      false,
    ],
    ['a bare DistributionConfig (create-distribution input)', config, false],
  ];
  test.each(rows)('%s', async (_, text, deployed) => {
    const { inputs, errors } = await loadText('d.json', text);
    expect(errors).toEqual([]);
    expect(inputs.distributions).toHaveLength(1);
    expect(inputs.distributions[0]!.deployed === true).toBe(deployed);
  });
});

describe('the default certificate as CloudFront echoes it', () => {
  // GetDistributionConfig returns SSLSupportMethod vip (and TLSv1, CertificateSource cloudfront)
  // for a distribution on the default certificate: an echo, not dedicated IPs
  test('no dedicated-IP cost, quota or vip policy findings', async () => {
    const text = `{"ETag": "E1", "DistributionConfig": {"CallerReference": "echo", "Aliases": {"Quantity": 0},
      "ViewerCertificate": {"CloudFrontDefaultCertificate": true, "SSLSupportMethod": "vip",
        "MinimumProtocolVersion": "TLSv1", "CertificateSource": "cloudfront"}, "HttpVersion": "http2"}}`;
    const { inputs } = await loadText('echo.json', text);
    const results = runGate(inputs, { at: new Date('2026-06-01T00:00:00Z'), warnDays: 30 });
    const codes = results.flatMap((r) => r.findings.map((f) => f.code));
    expect(codes).toContain('CF_DEFAULT_CERTIFICATE');
    for (const code of [
      'CF_DEDICATED_IP',
      'CF_DEDICATED_IP_CERTIFICATE_QUOTA',
      'CF_VIP_POLICY_NOT_ALLOWED',
      'CF_VIP_POLICY_ACCOUNT_WIDE',
      'CF_HTTP_VERSION_NEEDS_SNI',
    ])
      expect(codes).not.toContain(code);
  });
});

test("a deployed distribution's own domain is read from list- and get-distribution output, never from a config", async () => {
  const config = { Aliases: { Quantity: 1, Items: ['a.example.com'] } };
  const list = await loadText(
    'list.json',
    JSON.stringify({
      DistributionList: { Items: [{ Id: 'E1', DomainName: 'd111111abcdef8.cloudfront.net', ...config }] },
    }),
  );
  expect(list.inputs.distributions[0]?.domainName).toBe('d111111abcdef8.cloudfront.net');
  const get = await loadText(
    'get.json',
    JSON.stringify({
      ETag: 'E2TAG',
      Distribution: { Id: 'E2', DomainName: 'd222222abcdef8.cloudfront.net', DistributionConfig: config },
    }),
  );
  expect(get.inputs.distributions[0]?.domainName).toBe('d222222abcdef8.cloudfront.net');
  // get-distribution-config output has no domain: the config is being prepared, not deployed
  const prepared = await loadText(
    'config.json',
    JSON.stringify({ ETag: 'E3TAG', DistributionConfig: config }),
  );
  expect(prepared.inputs.distributions[0]?.domainName).toBeUndefined();
});
