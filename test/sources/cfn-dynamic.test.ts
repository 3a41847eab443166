// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
// Dynamic references are resolved by CloudFormation at deploy time, wherever they stand in a
// string (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html);
// AWS::NoValue removes the property or item. The templates are written for these tests.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { loadText, writeFiles } from './helpers.js';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

const site = (config: string) => `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
${config
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;

async function codes(text: string, name = 't.yaml') {
  const dir = writeFiles({ [name]: text });
  const r = await check([join(dir, name)], { region: 'us-east-1' });
  expect(r.errors).toEqual([]);
  return r.results.find((x) => x.subject.id === 'Site')!.findings;
}

describe('dynamic references are unresolved, never invalid syntax', () => {
  const rows: [string, string, RegExp][] = [
    [
      'an alias that is an SSM parameter',
      `Aliases: ['{{resolve:ssm:/site/domain}}']\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
      /\{\{resolve:ssm:\/site\/domain\}\} is an SSM parameter read at deploy time/,
    ],
    [
      'inside a longer string, through !Sub',
      `Aliases: [!Sub 'www.{{resolve:ssm:/site/zone:3}}']\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
      /\{\{resolve:ssm:\/site\/zone:3\}\}/,
    ],
    [
      'the certificate ARN from Secrets Manager',
      `Aliases: [www.example.com]\nViewerCertificate: {AcmCertificateArn: '{{resolve:secretsmanager:cert:SecretString:arn}}', SslSupportMethod: sni-only}`,
      /a Secrets Manager secret read at deploy time/,
    ],
    [
      'ssm-secure, joined',
      `Aliases: [!Join ['.', [www, '{{resolve:ssm-secure:/zone}}']]]\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
      /an SSM SecureString/,
    ],
  ];
  test.each(rows)('%s', async (_, config, reason) => {
    const findings = await codes(site(config));
    expect(findings.map((f) => f.code)).not.toContain('CF_ALIAS_SYNTAX_INVALID');
    const unresolved = findings.filter((f) => f.code === 'INPUT_UNRESOLVED_VALUE');
    expect(unresolved.length).toBeGreaterThan(0);
    expect(unresolved.map((f) => String(f.args.reason)).join('\n')).toMatch(reason);
  });

  test('JSON long form: a dynamic reference in Aliases', async () => {
    const template = {
      Resources: {
        Site: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Aliases: ['{{resolve:ssm:/site/domain}}'],
              ViewerCertificate: { AcmCertificateArn: ARN, SslSupportMethod: 'sni-only' },
            },
          },
        },
      },
    };
    const findings = await codes(JSON.stringify(template), 't.json');
    expect(findings.map((f) => f.code)).toContain('INPUT_UNRESOLVED_VALUE');
    expect(findings.map((f) => f.code)).not.toContain('CF_ALIAS_SYNTAX_INVALID');
  });

  test('a condition comparing a dynamic reference is unknown, so both branches are judged', async () => {
    const text = `Conditions:
  IsProd: !Equals ['{{resolve:ssm:/env}}', prod]
${site(`Aliases: [www.example.com]\nViewerCertificate: !If [IsProd, {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}, {AcmCertificateArn: '${ARN}'}]`)}`;
    const findings = await codes(text);
    const missing = findings.find((f) => f.code === 'CF_SSL_SUPPORT_METHOD_MISSING')!;
    expect(missing.args.when).toBe('condition IsProd is false');
  });
});

describe('AWS::NoValue is absent in every position', () => {
  const rows: [string, string][] = [
    [
      'a property',
      `Aliases: [www.example.com]\nHttpVersion: !Ref AWS::NoValue\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
    ],
    [
      'a list item',
      `Aliases: [www.example.com, !Ref AWS::NoValue]\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
    ],
    [
      'the whole list',
      `Aliases: !Ref AWS::NoValue\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
    ],
    [
      'a field of ViewerCertificate',
      `Aliases: [www.example.com]\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only, MinimumProtocolVersion: !Ref AWS::NoValue}`,
    ],
    [
      'a branch of Fn::If',
      `Aliases: [!If [Never, x.example.com, !Ref AWS::NoValue], www.example.com]\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`,
    ],
  ];
  test.each(rows)('%s', async (_, config) => {
    const { inputs, errors } = await loadText(
      't.yaml',
      `Conditions:\n  Never: !Equals [a, b]\n${site(config)}`,
    );
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d.httpVersion).toBeUndefined();
    expect(d.viewerCertificate?.minimumProtocolVersion).toBeUndefined();
    expect(d.aliases.map((a) => a.value)).toEqual(
      config.startsWith('Aliases: !Ref') ? [] : ['www.example.com'],
    );
    expect(d.aliasesUnresolved).toBeUndefined();
    expect(inputs.sourceFindings.map((s) => s.finding.code)).toEqual([]);
  });
});

test('a parameter whose value is a dynamic reference is unresolved too', async () => {
  const text = `Parameters:\n  Domain: {Type: String, Default: '{{resolve:ssm:/site/domain}}'}\n${site(`Aliases: [!Ref Domain]\nViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`)}`;
  const findings = await codes(text);
  expect(findings.map((f) => f.code)).not.toContain('CF_ALIAS_SYNTAX_INVALID');
  expect(findings.map((f) => f.code)).toContain('INPUT_UNRESOLVED_VALUE');
});

// An alias computed at deploy time is an alias whatever its value: on the default certificate
// CloudFront refuses it (CF-01) before any name matters; only the name checks wait for the deploy.
describe('an alias computed at deploy time, on the default certificate', () => {
  const origin = 'Enabled: true\nOrigins: [{Id: o, DomainName: o.example.com, S3OriginConfig: {}}]';
  const errorsOf = async (config: string) => {
    const findings = await codes(
      `Conditions:\n  HasSite: !Equals [!Ref AWS::AccountId, '111122223333']\n${site(`${config}\n${origin}`)}`,
    );
    return findings.filter((f) => f.severity === 'error');
  };

  test.each<[string, string]>([
    ['an SSM alias, no ViewerCertificate', "Aliases: ['{{resolve:ssm:/site/domain}}']"],
    [
      'an imported alias, CloudFrontDefaultCertificate true',
      'Aliases: [!ImportValue site-domain]\nViewerCertificate: {CloudFrontDefaultCertificate: true}',
    ],
    ['a Sub alias with an unknown part', "Aliases: [!Sub '${AWS::StackName}.example.com']"],
  ])('%s: CF-01, and no name check', async (_, config) => {
    const errors = await errorsOf(config);
    expect(errors.map((f) => f.code)).toEqual(['CF_ALIASES_WITHOUT_CERTIFICATE']);
    expect(errors[0]!.args).toMatchObject({ aliases: ['1 computed at deploy time'], count: 1 });
  });

  test.each<[string, string]>([
    ['the whole list from a GetAtt (it may be empty)', 'Aliases: !GetAtt Zone.Names'],
  ])('%s: no CF-01', async (_, config) => {
    expect((await errorsOf(config)).map((f) => f.code)).not.toContain('CF_ALIASES_WITHOUT_CERTIFICATE');
  });

  // Fn::Split gives at least one item whatever it splits ('' gives ['']): the list is never empty
  // (seen in dawaltconley/cfn-static-website, whose aliases are a !Split of a !Join)
  test('the whole list split from an imported string: an alias all the same, CF-01', async () => {
    const errors = await errorsOf('Aliases: !Split [",", !ImportValue site-domains]');
    const cf01 = errors.filter((f) => f.code === 'CF_ALIASES_WITHOUT_CERTIFICATE');
    expect(cf01).toHaveLength(1);
    expect(cf01[0]!.args).toMatchObject({ aliases: ['1 computed at deploy time'], count: 1 });
  });

  test('an item that is there under one condition only: CF-01 says when', async () => {
    const errors = await errorsOf('Aliases: [!If [HasSite, !ImportValue site-domain, !Ref AWS::NoValue]]');
    const cf01 = errors.filter((f) => f.code === 'CF_ALIASES_WITHOUT_CERTIFICATE');
    expect(cf01).toHaveLength(1);
    expect(cf01[0]!.args.when).toBe('condition HasSite is true');
  });
});
