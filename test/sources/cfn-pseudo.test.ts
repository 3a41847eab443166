// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
// Pseudo parameters given on the command line (--parameter AWS::Region=..., --region, --account)
// and the one-line summary of every parameter the verdict depends on.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/pseudo-parameter-reference.html
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { load, loadText, writeFiles } from './helpers.js';

const site = (
  aliases: string,
  arn = "'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'",
) => `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: ${aliases}
        ViewerCertificate: {AcmCertificateArn: ${arn}, SslSupportMethod: sni-only}
`;

const aliasesOf = async (text: string, options: Parameters<typeof loadText>[2] = {}) => {
  const { inputs, errors } = await loadText('t.yaml', text, options);
  expect(errors).toEqual([]);
  return inputs.distributions[0]!.aliases.map((a) =>
    typeof a.value === 'string' ? a.value : a.value.reason,
  );
};

describe('pseudo parameters', () => {
  test('AWS::Region, AWS::AccountId, AWS::StackName from --parameter', async () => {
    const text = site("[!Sub '${AWS::StackName}.${AWS::Region}.${AWS::AccountId}.example.com']");
    const parameters = {
      'AWS::Region': 'eu-west-1',
      'AWS::AccountId': '111122223333',
      'AWS::StackName': 'web',
    };
    expect(await aliasesOf(text, { parameters })).toEqual(['web.eu-west-1.111122223333.example.com']);
  });

  test('AWS::Region defaults to --region; AWS::AccountId to --account (also the distribution account)', async () => {
    const text = site("[!Sub 'a-${AWS::Region}-${AWS::AccountId}.example.com']");
    const { inputs } = await loadText('t.yaml', text, { region: 'us-west-2', accountId: '444455556666' });
    expect(inputs.distributions[0]!.aliases[0]!.value).toBe('a-us-west-2-444455556666.example.com');
    expect(inputs.distributions[0]!.accountId).toBe('444455556666');
  });

  const rows: [string, string, string][] = [
    ['us-east-1', 'aws', 'amazonaws.com'],
    ['cn-north-1', 'aws-cn', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
  ];
  test.each(rows)(
    'AWS::Partition and AWS::URLSuffix follow the region %s',
    async (region, partition, suffix) => {
      const text = site("[!Sub '${AWS::Partition}.${AWS::URLSuffix}']");
      expect(await aliasesOf(text, { region })).toEqual([`${partition}.${suffix}`]);
    },
  );

  test('AWS::Partition given explicitly wins', async () => {
    const text = site("[!Sub '${AWS::Partition}.example.com']");
    expect(
      await aliasesOf(text, { region: 'us-east-1', parameters: { 'AWS::Partition': 'aws-iso' } }),
    ).toEqual(['aws-iso.example.com']);
  });

  test('without a value each says how to give it', async () => {
    const reasons = await aliasesOf(
      site("[!Sub '${AWS::AccountId}.example.com', !Sub '${AWS::Region}.example.com']"),
    );
    expect(reasons[0]).toMatch(/give --account ID/);
    expect(reasons[1]).toMatch(/give --region, or --parameter AWS::Region=REGION/);
  });
});

describe('INPUT_PARAMETERS_NEEDED: every parameter without a value the verdict depends on, in one line', () => {
  const TEMPLATE = `Parameters:
  DomainName: {Type: String}
  CertificateArn: {Type: String}
  Unused: {Type: String}
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: {FunctionName: !Ref Unused}
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [!Ref DomainName, !Sub 'api.\${AWS::Region}.example.com']
        ViewerCertificate: !If
          - IsProd
          - {AcmCertificateArn: !Ref CertificateArn, SslSupportMethod: sni-only}
          - {CloudFrontDefaultCertificate: true}
`;

  test('lists the parameters and pseudo parameters read, not the unused ones', async () => {
    const { inputs } = await loadText('t.yaml', TEMPLATE);
    const summary = inputs.sourceFindings.filter((s) => s.finding.code === 'INPUT_PARAMETERS_NEEDED');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.distributionId).toBeUndefined();
    const args = summary[0]!.finding.args;
    expect([...(args.parameters as string[])].sort()).toEqual([
      'AWS::Region',
      'CertificateArn',
      'DomainName',
      'Env',
    ]);
    expect(args.give).toMatch(/--parameter DomainName=\.\.\. /);
    expect(summary[0]!.finding.severity).toBe('warning');
  });

  test('none once every one is given', async () => {
    const { inputs } = await loadText('t.yaml', TEMPLATE, {
      region: 'us-east-1',
      parameters: {
        DomainName: 'www.example.com',
        CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x',
        Env: 'prod',
      },
    });
    expect(inputs.sourceFindings.map((s) => s.finding.code)).not.toContain('INPUT_PARAMETERS_NEEDED');
  });

  test('a certificate the stack creates without a region needs AWS::Region', async () => {
    const text = `Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties: {DomainName: www.example.com, ValidationMethod: DNS}
${site('[www.example.com]', '!Ref Cert').replace('Resources:\n', '')}`;
    const { inputs } = await loadText('t.yaml', text);
    const summary = inputs.sourceFindings.find((s) => s.finding.code === 'INPUT_PARAMETERS_NEEDED');
    expect(summary?.finding.args.parameters).toEqual(['AWS::Region']);
  });
});

test('CDK: --account fills a stack environment that leaves the account open, never one that names it', async () => {
  const template = (name: string) =>
    JSON.stringify({
      Resources: {
        Dist: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Aliases: [{ 'Fn::Sub': `${name}-\${AWS::AccountId}.example.com` }],
              ViewerCertificate: { CloudFrontDefaultCertificate: true },
            },
          },
        },
      },
    });
  const stack = (file: string, environment: string) => ({
    type: 'aws:cloudformation:stack',
    environment,
    properties: { templateFile: file },
  });
  const dir = writeFiles({
    'cdk.out/manifest.json': JSON.stringify({
      version: '38.0.1',
      artifacts: {
        Open: stack('Open.template.json', 'aws://unknown-account/us-east-1'),
        Named: stack('Named.template.json', 'aws://111122223333/us-east-1'),
      },
    }),
    'cdk.out/Open.template.json': template('open'),
    'cdk.out/Named.template.json': template('named'),
  });
  const { inputs, errors } = await load([join(dir, 'cdk.out')], { accountId: '444455556666' });
  expect(errors).toEqual([]);
  expect(inputs.distributions.map((d) => [d.id, d.aliases[0]!.value])).toEqual([
    ['Open/Dist', 'open-444455556666.example.com'],
    ['Named/Dist', 'named-111122223333.example.com'],
  ]);
});

// A certificate ARN assembled from pseudo parameters is known in part: with the stack's region
// known, its region part is, whatever the account (CF-02).
describe('an ACM ARN assembled at deploy time', () => {
  const subArn =
    "!Sub 'arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0'";
  const joinArn =
    "!Join [':', [arn, !Ref AWS::Partition, acm, !Ref AWS::Region, !Ref AWS::AccountId, 'certificate/0b1c2d3e']]";
  const errorsOf = async (arn: string, region?: string) => {
    const dir = writeFiles({ 't.yaml': site('[www.example.com]', arn) });
    const r = await check([join(dir, 't.yaml')], region ? { region } : {});
    expect(r.errors).toEqual([]);
    return r.results
      .find((x) => x.subject.id === 'Site')!
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.code);
  };

  test.each<[string, string, string | undefined, string[]]>([
    ['Sub, stack in eu-west-1', subArn, 'eu-west-1', ['CF_CERTIFICATE_NOT_IN_US_EAST_1']],
    ['Join, stack in eu-west-1', joinArn, 'eu-west-1', ['CF_CERTIFICATE_NOT_IN_US_EAST_1']],
    ['Sub, stack in us-east-1', subArn, 'us-east-1', []],
    ['Sub, region unknown', subArn, undefined, []],
  ])('%s', async (_, arn, region, want) => {
    expect(await errorsOf(arn, region)).toEqual(want);
  });
});
