// Fn::If on a condition unknown offline is judged per branch: a finding only when a branch has
// it, saying which condition value leads there. Pattern seen in
// aws-samples/amazon-cloudfront-secure-static-site, templates/cloudfront-site.yaml (an alias
// added by !If [CreateApexConfig, !Ref DomainName, !Ref AWS::NoValue], the condition comparing a
// parameter without a Default); the templates here are written for these tests.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { describeFinding } from '../../src/report/messages.js';
import { load, writeFiles } from './helpers.js';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

async function gate(name: string, text: string, parameters: Record<string, string> = {}) {
  const dir = writeFiles({ [name]: text });
  const r = await check([join(dir, name)], { parameters, region: 'us-east-1' });
  expect(r.errors).toEqual([]);
  const site = r.results.find((x) => x.subject.id === 'Site')!;
  return {
    codes: site.findings.map((f) => f.code),
    findings: site.findings,
    details: site.details,
    message: (code: string) => describeFinding(site.findings.find((f) => f.code === code)!).message,
  };
}

/** A template whose Site is read under the unknown condition IsProd; its DistributionConfig follows. */
const IS_PROD_HEADER = `Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
`;

/** The same, Site with the alias www.example.com; its other properties follow. */
const IS_PROD_SITE = `${IS_PROD_HEADER}        Aliases: [www.example.com]
`;

const yamlSite = (
  certBranch: string,
) => `${IS_PROD_HEADER}        Aliases: !If [IsProd, [www.example.com], !Ref AWS::NoValue]
        ViewerCertificate: !If
          - IsProd
          - ${certBranch}
          - CloudFrontDefaultCertificate: true
`;

describe('Fn::If with an unknown condition: each branch judged', () => {
  test('YAML short form: neither branch lacks SslSupportMethod, so no CF_SSL_SUPPORT_METHOD_MISSING', async () => {
    const r = await gate('t.yaml', yamlSite(`{AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}`));
    expect(r.codes).not.toContain('CF_SSL_SUPPORT_METHOD_MISSING');
    expect(r.codes).not.toContain('INPUT_UNRESOLVED_VALUE');
    expect(r.details).toMatchObject({ aliases: ['www.example.com'], certificate: ARN });
  });

  test('the branch that has the error is named', async () => {
    const r = await gate('t.yaml', yamlSite(`{AcmCertificateArn: '${ARN}'}`));
    expect(r.codes).toContain('CF_SSL_SUPPORT_METHOD_MISSING');
    const f = r.findings.find((x) => x.code === 'CF_SSL_SUPPORT_METHOD_MISSING')!;
    expect(f.args.when).toBe('condition IsProd is true');
    expect(r.message('CF_SSL_SUPPORT_METHOD_MISSING')).toMatch(/\(when condition IsProd is true\)/);
    expect(f.location.path).toContain('Fn::If');
  });

  test('JSON long form, the same', async () => {
    const template = {
      Parameters: { Env: { Type: 'String' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: {
        Site: {
          Type: 'AWS::CloudFront::Distribution',
          Properties: {
            DistributionConfig: {
              Aliases: { 'Fn::If': ['IsProd', ['www.example.com'], { Ref: 'AWS::NoValue' }] },
              ViewerCertificate: {
                'Fn::If': [
                  'IsProd',
                  { AcmCertificateArn: ARN, SslSupportMethod: 'sni-only' },
                  { CloudFrontDefaultCertificate: true },
                ],
              },
            },
          },
        },
      },
    };
    const r = await gate('t.json', JSON.stringify(template, null, 2));
    expect(r.codes).not.toContain('CF_SSL_SUPPORT_METHOD_MISSING');
    expect(r.codes).not.toContain('INPUT_UNRESOLVED_VALUE');
  });

  test('a known condition (the parameter given) reads one branch, no variants', async () => {
    const { inputs } = await load(
      [join(writeFiles({ 't.yaml': yamlSite(`{AcmCertificateArn: '${ARN}'}`) }), 't.yaml')],
      {
        parameters: { Env: 'dev' },
      },
    );
    expect(inputs.distributions[0]!.variants).toBeUndefined();
    const r = await gate('t.yaml', yamlSite(`{AcmCertificateArn: '${ARN}'}`), { Env: 'dev' });
    expect(r.codes).not.toContain('CF_SSL_SUPPORT_METHOD_MISSING');
  });

  test('a nested Fn::If inside a branch splits again; a finding of all readings has no note', async () => {
    const text = `Parameters:
  Env: {Type: String}
  Cdn: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  UseCdnName: !Equals [!Ref Cdn, 'yes']
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases:
          - !If [IsProd, !If [UseCdnName, cdn.example.com, www.example.com], dev.example.com]
        ViewerCertificate: {AcmCertificateArn: '${ARN}'}
`;
    const { inputs } = await load([join(writeFiles({ 't.yaml': text }), 't.yaml')]);
    const d = inputs.distributions[0]!;
    expect(d.variants?.map((v) => v.assumes)).toEqual([
      { IsProd: true, UseCdnName: true },
      { IsProd: true, UseCdnName: false },
      { IsProd: false },
    ]);
    expect(d.variants?.map((v) => v.distribution.aliases.map((a) => a.value))).toEqual([
      ['cdn.example.com'],
      ['www.example.com'],
      ['dev.example.com'],
    ]);
    const r = await gate('t.yaml', text);
    const missing = r.findings.find((x) => x.code === 'CF_SSL_SUPPORT_METHOD_MISSING')!;
    expect(missing.args.when).toBeUndefined();
  });

  test('variants of one distribution are not each other\u2019s alias conflict', async () => {
    const text = `${IS_PROD_SITE}        ViewerCertificate: !If [IsProd, {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}, {AcmCertificateArn: '${ARN}', SslSupportMethod: vip}]
`;
    const r = await gate('t.yaml', text);
    expect(r.codes).not.toContain('CF_ALIAS_ALREADY_EXISTS');
    expect(r.codes).toContain('CF_DEDICATED_IP');
    expect(r.findings.find((x) => x.code === 'CF_DEDICATED_IP')!.args.when).toBe('condition IsProd is false');
  });

  test('more than 4 unknown conditions: 16 readings, the rest unresolved and said so', async () => {
    const names = ['C1', 'C2', 'C3', 'C4', 'C5'];
    const text = `Parameters:
  P: {Type: String}
Conditions:
${names.map((c) => `  ${c}: !Equals [!Ref P, ${c}]`).join('\n')}
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases:
${names.map((c) => `          - !If [${c}, ${c.toLowerCase()}.example.com, !Ref AWS::NoValue]`).join('\n')}
        ViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}
`;
    const { inputs } = await load([join(writeFiles({ 't.yaml': text }), 't.yaml')]);
    expect(inputs.distributions[0]!.variants).toHaveLength(16);
    const capped = inputs.sourceFindings.find((s) => s.finding.code === 'INPUT_CONDITIONS_CAPPED')!;
    expect(capped.finding.args).toMatchObject({ checked: ['C1', 'C2', 'C3', 'C4'], unchecked: ['C5'] });
    const r = await gate('t.yaml', text);
    expect(r.codes).toContain('INPUT_UNRESOLVED_VALUE');
  });

  test("an HttpVersion that only one branch changes is compared with the certificate's other users", async () => {
    // every user of the certificate with an explicit HttpVersion has http2; the IsProd branch of
    // Site has http1.1, which only that reading can disagree with
    const text = `${IS_PROD_SITE}        HttpVersion: !If [IsProd, http1.1, http2]
        ViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}
  Other:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [api.example.com]
        HttpVersion: http2
        ViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}
`;
    const r = await gate('t.yaml', text);
    const shared = r.findings.find((x) => x.code === 'CF_SHARED_CERTIFICATE_HTTP_VERSION');
    expect(shared?.args).toMatchObject({ httpVersion: 'http1.1', others: ['Other (http2)'], otherCount: 1 });
    expect(shared?.args.when).toBe('condition IsProd is true');
  });
});
