// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
// `certgate check` on CloudFormation templates as CloudFormation reads them: duplicate keys,
// pseudo parameters (--account, AWS_REGION), the parameters summary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'certgate-check-cfn-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

interface Report {
  results: {
    subject: { id: string; kind: string };
    details?: { aliases?: string[] };
    findings: {
      code: string;
      severity: string;
      message: string;
      location: { line?: number; column?: number };
    }[];
  }[];
}
const json = (stdout: string) => JSON.parse(stdout) as Report;
const codes = (r: Report) => r.results.flatMap((x) => x.findings.map((f) => f.code));

// A stack that requests its own certificate (the pattern of aws-samples/amazon-cloudfront-secure-static-site,
// templates/acm-certificate.yaml + cloudfront-site.yaml, folded into one template for the test).
const OWN_CERT = `Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties: {DomainName: www.example.com, ValidationMethod: DNS}
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [www.example.com]
        ViewerCertificate: {AcmCertificateArn: !Ref Cert, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}
`;

describe('the stack region: --region, else AWS_REGION / AWS_DEFAULT_REGION', () => {
  const path = file('own-cert.yaml', OWN_CERT);

  test('AWS_REGION outside us-east-1: the certificate the stack creates is rejected (CF-02), exit 1', async () => {
    const r = await runCli(['check', path, '--format', 'json'], { env: { AWS_REGION: 'eu-west-1' } });
    expect(r.code).toBe(1);
    expect(codes(json(r.stdout))).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
  });

  test('AWS_DEFAULT_REGION when AWS_REGION is unset; --region wins over both', async () => {
    const byDefault = await runCli(['check', path, '--format', 'json'], {
      env: { AWS_DEFAULT_REGION: 'eu-west-1' },
    });
    expect(codes(json(byDefault.stdout))).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    const given = await runCli(['check', path, '--format', 'json', '--region', 'us-east-1'], {
      env: { AWS_REGION: 'eu-west-1' },
    });
    expect(codes(json(given.stdout))).not.toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
  });

  test('no region anywhere: a warning to give it, not a hidden note', async () => {
    const r = await runCli(['check', path]);
    expect(r.stdout).toMatch(/INPUT_UNRESOLVED_VALUE/);
    expect(r.stdout).toMatch(/must deploy to us-east-1 \(give --region/);
    expect(r.stdout).toMatch(/give --parameter AWS::Region=\.\.\. to check fully/);
  });

  test('--parameter AWS::Region=eu-west-1 counts as the region; a malformed one is a usage error', async () => {
    const r = await runCli(['check', path, '--format', 'json', '--parameter', 'AWS::Region=eu-west-1']);
    expect(codes(json(r.stdout))).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    const bad = await runCli(['check', path, '--parameter', 'AWS::Region=mars']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected an AWS region name/);
  });
});

describe('--account', () => {
  const path = file(
    'account.yaml',
    `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [!Sub 'a\${AWS::AccountId}.example.com']
        ViewerCertificate: {CloudFrontDefaultCertificate: true}
`,
  );

  test('gives AWS::AccountId', async () => {
    const r = await runCli(['check', path, '--format', 'json', '--account', '123456789012']);
    expect(json(r.stdout).results.find((x) => x.subject.id === 'Site')?.details?.aliases).toEqual([
      'a123456789012.example.com',
    ]);
  });

  test.each([['12345'], ['1234567890123'], ['12345678901a']])('%s is refused: exit 2', async (id) => {
    const r = await runCli(['check', path, '--account', id]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected a 12-digit AWS account id/);
  });

  test('check --help lists it', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.stdout).toMatch(/--account <id>/);
    expect(r.stdout).toMatch(/AWS_REGION/);
  });
});

describe('duplicate keys', () => {
  test('a YAML template with a repeated key is checked (not exit 2), warned at file:line:col', async () => {
    const path = file('dup.yaml', `${OWN_CERT}Outputs:\n  A: {Value: x}\n  A: {Value: y}\n`);
    const r = await runCli(['check', path, '--region', 'us-east-1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/INPUT_DUPLICATE_KEY/);
    expect(r.stdout).toContain(`${path}:13:3`);
  });
});
