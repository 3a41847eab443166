/**
 * Nested stacks: a child template given by a local TemplateURL (or CDK's aws:asset:path) is read
 * with what the parent passes, so its distributions are checked; a child that cannot be read
 * offline is reported, never passed quietly.
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { writeFiles } from './helpers.js';

const AT = new Date('2026-06-01T00:00:00Z');

const parent = (childUrl: string, extra = '') => `
Parameters:
  Domain:
    Type: String
    Default: example.org
Resources:
  CertStack:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./cert.yaml
      Parameters:
        Domain: !Ref Domain
  SiteStack:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${childUrl}
      Parameters:
        CertificateArn: !GetAtt CertStack.Outputs.CertificateArn
        Domain: !Ref Domain
        Host: www
${extra}`;

const certChild = `
Parameters:
  Domain: { Type: String }
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: !Sub '*.\${Domain}'
      ValidationMethod: DNS
Outputs:
  CertificateArn:
    Value: !Ref Cert
`;

const siteChild = (aliases: string) => `
Parameters:
  CertificateArn: { Type: String }
  Domain: { Type: String }
  Host: { Type: String }
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: ${aliases}
        ViewerCertificate:
          AcmCertificateArn: !Ref CertificateArn
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
`;

const codes = (results: Awaited<ReturnType<typeof check>>['results']) =>
  Object.fromEntries(results.map((r) => [r.subject.id, r.findings.map((f) => f.code)]));

describe('a local child template', () => {
  test('is read with the parent’s values, and checked against a sibling’s certificate', async () => {
    const dir = writeFiles({
      'main.yaml': parent('./site.yaml'),
      'cert.yaml': certChild,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's !Sub syntax
      'site.yaml': siteChild("[!Sub '${Host}.${Domain}', !Ref Domain]"),
    });
    const { results, errors } = await check([join(dir, 'main.yaml')], { region: 'us-east-1', at: AT });
    expect(errors).toEqual([]);
    const site = results.find((r) => r.subject.id === 'SiteStack/Site');
    expect(site?.details?.aliases).toEqual(['www.example.org', 'example.org']);
    expect(site?.details?.certificate).toContain('cert.yaml#Cert');
    // *.example.org does not cover the apex
    expect(site?.findings.map((f) => f.code)).toEqual(['CF_ALIAS_NOT_COVERED']);
    expect(site?.findings[0]?.args.alias).toBe('example.org');
  });

  test('covered names pass, and nothing is left unresolved', async () => {
    const dir = writeFiles({
      'main.yaml': parent('./site.yaml'),
      'cert.yaml': certChild,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's !Sub syntax
      'site.yaml': siteChild("[!Sub '${Host}.${Domain}']"),
    });
    const { results } = await check([join(dir, 'main.yaml')], { region: 'us-east-1', at: AT });
    expect(codes(results)).toEqual({ 'SiteStack/Site': [] });
  });

  test('a child that is missing is an unreadable input naming the file', async () => {
    const dir = writeFiles({ 'main.yaml': parent('./gone.yaml'), 'cert.yaml': certChild });
    const { errors } = await check([join(dir, 'main.yaml')], { region: 'us-east-1', at: AT });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.source).toContain('gone.yaml');
    expect(errors[0]?.message).toMatch(/gone\.yaml/);
    // and where the parent names it (seen with dawaltconley/cfn-static-website copied alone)
    expect(errors[0]?.message).toMatch(/\(the TemplateURL of nested stack SiteStack, .*main\.yaml:16:20\)$/);
  });

  test('a template that nests itself is read once', async () => {
    const loop = `
Resources:
  Again:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./loop.yaml
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        ViewerCertificate: { CloudFrontDefaultCertificate: true }
`;
    const dir = writeFiles({ 'loop.yaml': loop });
    const { results, errors } = await check([join(dir, 'loop.yaml')], { at: AT });
    expect(errors).toEqual([]);
    expect(results.filter((r) => r.subject.kind === 'distribution').map((r) => r.subject.id)).toEqual([
      'Site',
    ]);
  });
});

describe('a child that cannot be read offline', () => {
  test('an S3 TemplateURL is reported, not passed quietly', async () => {
    const dir = writeFiles({
      'main.yaml': parent('https://s3.amazonaws.com/bucket/site.yaml'),
      'cert.yaml': certChild,
    });
    const { results } = await check([join(dir, 'main.yaml')], { region: 'us-east-1', at: AT });
    const found = results.flatMap((r) => r.findings).filter((f) => f.code === 'INPUT_NESTED_STACK_NOT_READ');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', args: { stack: 'SiteStack' } });
    expect(String(found[0]?.args.reason)).toContain('https://s3.amazonaws.com/bucket/site.yaml');
  });
});

// cbschuld/aws-cf-redirect-www-to-root, CDLUC3/dmptool-infrastructure: the certificate is made in
// the stack, whose region is not given
test('an in-stack certificate with the region unknown: said once, naming --region', async () => {
  const dir = writeFiles({
    'main.yaml': certChild.replace(
      'Outputs:',
      `  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [www.example.org]
        ViewerCertificate: { AcmCertificateArn: !Ref Cert, SslSupportMethod: sni-only }
Outputs:`,
    ),
  });
  const { results } = await check([join(dir, 'main.yaml')], {
    parameters: { Domain: 'example.org' },
    at: AT,
  });
  const findings = results.flatMap((r) => r.findings);
  const aboutRegion = findings.filter((f) => JSON.stringify(f.args).includes('region'));
  expect(findings.map((f) => f.code)).not.toContain('CF_CERTIFICATE_EVIDENCE_PARTIAL');
  expect(aboutRegion.map((f) => f.code)).toContain('INPUT_UNRESOLVED_VALUE');
  expect(aboutRegion.filter((f) => f.code === 'INPUT_UNRESOLVED_VALUE')).toHaveLength(1);
});
