// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Distribution } from '../../src/cloudfront/model.js';
import { load, loadText, positionOf, where } from './helpers.js';

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Domain:
    Type: String
    Default: example.com
  LegacyCertArn:
    Type: String
Conditions:
  UseLegacy: !Not [!Equals [!Ref LegacyCertArn, '']]
  Never: !Equals [a, b]
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: !Ref Domain
      SubjectAlternativeNames: [!Sub '*.\${Domain}', !Ref Domain]
      ValidationMethod: DNS
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases:
          - !Sub 'www.\${Domain}'
          - static.example.com
        ViewerCertificate:
          AcmCertificateArn: !Ref Cert
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
          CloudFrontDefaultCertificate: 'false'
        HttpVersion: http2
  Skipped:
    Type: AWS::CloudFront::Distribution
    Condition: Never
    Properties: {DistributionConfig: {Aliases: [skipped.example.com]}}
  Api:
    Type: AWS::Serverless::Api
    Properties: {StageName: prod}
`;

const byId = (ds: readonly Distribution[], id: string) => ds.find((d) => d.id === id)!;

describe('CloudFormation YAML', () => {
  test('fields, values and positions of the values', async () => {
    const { inputs, errors } = await loadText('t.yaml', YAML, { region: 'us-east-1' });
    expect(errors).toEqual([]);
    expect(inputs.distributions.map((d) => d.id)).toEqual(['Site']);
    const d = byId(inputs.distributions, 'Site');
    expect(d).toMatchObject({
      format: 'cloudformation',
      certificateResource: expect.stringMatching(/^cfn:.*t\.yaml#Cert$/),
    });
    expect(d.aliases.map((a) => a.value)).toEqual(['www.example.com', 'static.example.com']);
    expect(where(d.aliases[0]!.location)).toEqual(positionOf(YAML, "!Sub 'www"));
    expect(where(d.aliases[1]!.location)).toEqual(positionOf(YAML, 'static.example.com'));
    const vc = d.viewerCertificate!;
    expect(where(vc.acmCertificateArn!.location)).toEqual(positionOf(YAML, '!Ref Cert'));
    expect(vc.acmCertificateArn!.location.path).toEqual([
      'Resources',
      'Site',
      'Properties',
      'DistributionConfig',
      'ViewerCertificate',
      'AcmCertificateArn',
    ]);
    expect(vc.sslSupportMethod).toMatchObject({ value: 'sni-only', location: positionOf(YAML, 'sni-only') });
    expect(vc.minimumProtocolVersion?.value).toBe('TLSv1.2_2021');
    expect(vc.cloudFrontDefaultCertificate?.value).toBe(false);
    expect(d.httpVersion).toMatchObject({ value: 'http2', location: positionOf(YAML, 'http2') });
    expect(where(d.location)).toEqual(positionOf(YAML, 'Type: AWS::CloudFront::Distribution'));
  });

  test('a certificate resource is evidence, with the names ACM will list', async () => {
    const { inputs } = await loadText('t.yaml', YAML, { region: 'us-east-1' });
    expect(inputs.evidence).toHaveLength(1);
    const e = inputs.evidence[0]!;
    expect(e).toMatchObject({
      kind: 'cfn-resource',
      key: inputs.distributions[0]!.certificateResource,
      region: 'us-east-1',
      domainName: 'example.com',
      subjectAlternativeNames: ['example.com', '*.example.com'],
      validationMethod: 'DNS',
      keyAlgorithm: 'RSA_2048',
      type: 'AMAZON_ISSUED',
    });
    expect(e.status).toBeUndefined();
    expect(where(e.location)).toEqual(positionOf(YAML, 'Type: AWS::CertificateManager::Certificate'));
  });

  test('without --region the certificate region is unknown', async () => {
    const { inputs } = await loadText('t.yaml', YAML);
    expect(inputs.evidence[0]!.region).toBeUndefined();
  });

  test('a certificate named by a resource gets no unresolved finding; nothing else is unresolved', async () => {
    const { inputs } = await loadText('t.yaml', YAML, { region: 'us-east-1' });
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('a certificate the stack creates, region not given: a warning to give it (CF-02 not checked)', async () => {
    const { inputs } = await loadText('t.yaml', YAML);
    expect(inputs.sourceFindings.map((s) => [s.distributionId, s.finding.code, s.finding.severity])).toEqual([
      ['Site', 'INPUT_UNRESOLVED_VALUE', 'warning'],
      [undefined, 'INPUT_PARAMETERS_NEEDED', 'warning'],
    ]);
    const f = inputs.sourceFindings[0]!.finding;
    expect(f.args).toMatchObject({ field: 'AWS::Region', skipped: 'certificate placement (CF-02)' });
    expect(String(f.args.reason)).toMatch(/certificate Cert .*must deploy to us-east-1 \(give --region/);
    expect(where(f.location)).toEqual(positionOf(YAML, '!Ref Cert'));
  });

  test('--parameter AWS::Region gives the region (and wins over --region)', async () => {
    const { inputs } = await loadText('t.yaml', YAML, {
      region: 'us-east-1',
      parameters: { 'AWS::Region': 'eu-west-1' },
    });
    expect(inputs.evidence[0]!.region).toBe('eu-west-1');
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('--parameter overrides a Default', async () => {
    const { inputs } = await loadText('t.yaml', YAML, { parameters: { Domain: 'example.org' } });
    expect(inputs.distributions[0]!.aliases[0]!.value).toBe('www.example.org');
    expect(inputs.evidence[0]!.subjectAlternativeNames).toEqual(['example.org', '*.example.org']);
  });
});

const UNRESOLVED = `Parameters:
  Site: {Type: String}
  UseShared: {Type: String, Default: 'yes'}
Conditions:
  Shared: !Equals [!Ref UseShared, 'yes']
  Maybe: !Equals [!Ref Site, prod]
Resources:
  Dist:
    Type: AWS::CloudFront::Distribution
    Condition: Maybe
    Properties:
      DistributionConfig:
        Aliases:
          - !Sub '\${Site}.example.com'
          - !If [Shared, !Ref AWS::NoValue, extra.example.com]
        ViewerCertificate:
          AcmCertificateArn: !If [Shared, !ImportValue shared-cert-arn, !GetAtt Local.Arn]
          SslSupportMethod: sni-only
`;

describe('values computed at deploy time', () => {
  test('become Unresolved with the expression, and an INPUT_UNRESOLVED_VALUE finding each', async () => {
    const { inputs } = await loadText('u.yaml', UNRESOLVED);
    const d = inputs.distributions[0]!;
    expect(d.aliases).toHaveLength(1);
    expect(d.aliases[0]!.value).toMatchObject({
      unresolved: true,
      reason:
        '!Sub ${Site}.example.com: ${Site} is a parameter without a Default (give --parameter Site=VALUE)',
    });
    const arn = d.viewerCertificate!.acmCertificateArn!;
    expect(arn.value).toMatchObject({
      unresolved: true,
      reason: '!ImportValue shared-cert-arn is resolved at deploy time',
    });
    expect(where(arn.location)).toEqual(positionOf(UNRESOLVED, '!ImportValue'));
    expect(d.certificateResource).toBeUndefined();
    const findings = inputs.sourceFindings.map((f) => [
      f.distributionId,
      f.finding.code,
      f.finding.args.field,
    ]);
    expect(findings).toEqual([
      ['Dist', 'INPUT_UNRESOLVED_VALUE', 'Condition'],
      ['Dist', 'INPUT_UNRESOLVED_VALUE', 'DistributionConfig.Aliases[0]'],
      ['Dist', 'INPUT_UNRESOLVED_VALUE', 'ViewerCertificate.AcmCertificateArn'],
      [undefined, 'INPUT_PARAMETERS_NEEDED', undefined],
    ]);
    const arnFinding = inputs.sourceFindings[2]!.finding;
    expect(arnFinding.args).toMatchObject({
      distribution: 'Dist',
      reason: '!ImportValue shared-cert-arn is resolved at deploy time',
      skipped: 'certificate placement, state and name coverage',
    });
    expect(where(arnFinding.location)).toEqual(positionOf(UNRESOLVED, '!ImportValue'));
  });

  test('--parameter makes them known', async () => {
    const { inputs } = await loadText('u.yaml', UNRESOLVED, {
      parameters: { Site: 'prod', UseShared: 'no' },
    });
    const d = inputs.distributions[0]!;
    expect(d.aliases.map((a) => a.value)).toEqual(['prod.example.com', 'extra.example.com']);
    expect(d.viewerCertificate!.acmCertificateArn!.value).toMatchObject({
      reason: '!GetAtt Local.Arn is resolved at deploy time',
    });
    expect(inputs.sourceFindings.map((f) => f.finding.args.field)).toEqual([
      'ViewerCertificate.AcmCertificateArn',
    ]);
  });

  test('a resource whose Condition is false is not created and not checked', async () => {
    const { inputs } = await loadText('u.yaml', UNRESOLVED, { parameters: { Site: 'dev' } });
    expect(inputs.distributions).toEqual([]);
  });

  test('a whole alias list from a parameter', async () => {
    const text = `Parameters:\n  Names: {Type: CommaDelimitedList}\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: !Ref Names\n`;
    const unknown = await loadText('l.yaml', text);
    expect(unknown.inputs.distributions[0]!.aliasesUnresolved).toMatchObject({
      reason: '!Ref Names is a parameter without a Default (give --parameter Names=VALUE)',
      location: positionOf(text, '!Ref Names'),
    });
    expect(unknown.inputs.sourceFindings[0]!.finding.args.field).toBe('DistributionConfig.Aliases');
    const known = await loadText('l.yaml', text, { parameters: { Names: 'a.example.com,b.example.com' } });
    const d = known.inputs.distributions[0]!;
    expect(d.aliases.map((a) => a.value)).toEqual(['a.example.com', 'b.example.com']);
    expect(where(d.aliases[1]!.location)).toEqual(positionOf(text, '!Ref Names'));
  });
});

const JSON_TEMPLATE = `{
  "Parameters": {"CertArn": {"Type": "String", "Default": "arn:aws:acm:us-east-1:111122223333:certificate/abc"}},
  "Resources": {
    "Dist": {
      "Type": "AWS::CloudFront::Distribution",
      "Properties": {
        "DistributionConfig": {
          "CNAMEs": ["legacy.example.com"],
          "ViewerCertificate": {
            "AcmCertificateArn": {"Ref": "CertArn"},
            "IamCertificateId": {"Fn::ImportValue": "iam-id"},
            "SslSupportMethod": "vip"
          },
          "ConnectionMode": "direct"
        }
      }
    }
  }
}`;

describe('CloudFormation JSON', () => {
  test('long forms, legacy CNAMEs, positions', async () => {
    const { inputs } = await loadText('t.json', JSON_TEMPLATE);
    const d = inputs.distributions[0]!;
    expect(d.aliases.map((a) => a.value)).toEqual(['legacy.example.com']);
    expect(where(d.aliases[0]!.location)).toEqual(positionOf(JSON_TEMPLATE, '"legacy.example.com"'));
    const vc = d.viewerCertificate!;
    expect(vc.acmCertificateArn?.value).toBe('arn:aws:acm:us-east-1:111122223333:certificate/abc');
    expect(where(vc.acmCertificateArn!.location)).toEqual(positionOf(JSON_TEMPLATE, '{"Ref": "CertArn"}'));
    expect(vc.iamCertificateId?.value).toMatchObject({
      reason: 'Fn::ImportValue iam-id is resolved at deploy time',
    });
    expect(vc.sslSupportMethod?.value).toBe('vip');
    expect(d.connectionMode?.value).toBe('direct');
    expect(inputs.sourceFindings.map((f) => f.finding.args.field)).toEqual([
      'ViewerCertificate.IamCertificateId',
    ]);
  });

  test('the examples: template.json and template.yaml', async () => {
    const dir = 'examples/cloudfront';
    const { inputs, errors } = await load([join(dir, 'template.json'), join(dir, 'template.yaml')], {
      region: 'us-east-1',
    });
    expect(errors).toEqual([]);
    const [api, site] = inputs.distributions;
    expect(api!.aliases.map((a) => a.value)).toEqual(['api.example.com', 'api-v2.example.com']);
    expect(api!.viewerCertificate!.minimumProtocolVersion?.value).toBe('TLSv1.2_2021');
    expect(api!.viewerCertificate!.acmCertificateArn!.location).toMatchObject({ line: 55, column: 34 });
    expect(site!.aliases.map((a) => a.value)).toEqual(['www.example.com', 'example.com']);
    expect(site!.viewerCertificate!.acmCertificateArn!.location).toMatchObject({ line: 37, column: 30 });
    expect(inputs.sourceFindings).toEqual([]);
  });
});

describe('what CloudFormation refuses', () => {
  const distribution = (extra = '') =>
    `Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n${extra}    Properties:\n      DistributionConfig:\n        Aliases: [www.example.com]\n`;

  test.each([
    [
      'a condition naming one that does not exist',
      `Conditions:\n  A: !Not [!Condition Nope]\n${distribution()}`,
      /t\.yaml:2:6: condition A refers to condition Nope, which is not defined$/,
    ],
    ['a condition naming itself', `Conditions:\n  A: !Condition A\n${distribution()}`, /\(A → A\)/],
    [
      'a Default that is a mapping',
      `Parameters:\n  P: {Type: String, Default: {a: b}}\n${distribution()}`,
      /t\.yaml:2:30: the Default of parameter P is not a literal value/,
    ],
    [
      'a list Default with a list item',
      `Parameters:\n  P: {Type: CommaDelimitedList, Default: [a, [b]]}\n${distribution()}`,
      /the Default of parameter P is not a literal value/,
    ],
    ['Parameters that is a list', `Parameters: [a]\n${distribution()}`, /: Parameters is not a mapping$/],
  ])('%s: the input is unreadable', async (_, text, want) => {
    const { inputs, errors } = await loadText('t.yaml', text);
    expect(inputs.distributions).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(want);
  });

  test('literal defaults, list defaults and conditions that share others are accepted', async () => {
    const text = `Parameters:\n  A: {Type: String, Default: 3}\n  L: {Type: CommaDelimitedList, Default: [a, b]}\nConditions:\n  X: !Equals [!Ref A, '3']\n  Y: !And [!Condition X, !Condition X]\n  Z: !Or [!Condition Y, !Condition X]\n${distribution('    Condition: Z\n')}`;
    const { inputs, errors } = await loadText('t.yaml', text);
    expect(errors).toEqual([]);
    expect(inputs.distributions.map((d) => d.id)).toEqual(['D']);
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('an Fn::If on an undefined condition is an error finding on the distribution', async () => {
    const text = distribution().replace('[www.example.com]', '[!If [Nope, a.example.com, b.example.com]]');
    const { inputs } = await loadText('t.yaml', text);
    const invalid = inputs.sourceFindings.find((f) => f.finding.code === 'INPUT_TEMPLATE_INVALID');
    expect(invalid).toMatchObject({
      distributionId: 'D',
      finding: {
        severity: 'error',
        args: { resource: 'D', reason: 'condition Nope is not defined in Conditions' },
      },
    });
  });
});
