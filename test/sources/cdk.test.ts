import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { formatLocation } from '../../src/report/text.js';
import { load, tempDir, writeFiles } from './helpers.js';

const ASSEMBLY = 'examples/cloudfront/cdk.out';

describe('CDK cloud assembly (examples/cloudfront/cdk.out)', () => {
  test('every stack, with its environment, as CloudFormation with StackName/LogicalId ids', async () => {
    const { inputs, errors } = await load([ASSEMBLY]);
    expect(errors).toEqual([]);
    expect(inputs.distributions.map((d) => [d.id, d.format, d.accountId, d.source])).toEqual([
      ['WebStack/SiteDistribution3FF9535D', 'cdk', '111122223333', join(ASSEMBLY, 'WebStack.template.json')],
      [
        'EuWebStack/SiteDistribution3FF9535D',
        'cdk',
        '111122223333',
        join(ASSEMBLY, 'EuWebStack.template.json'),
      ],
    ]);
    expect(inputs.evidence.map((e) => [e.key, e.kind, e.region])).toEqual([
      [
        `cfn:${join(ASSEMBLY, 'WebStack.template.json')}#SiteCertificate6E8A0A4B`,
        'cfn-resource',
        'us-east-1',
      ],
      [
        `cfn:${join(ASSEMBLY, 'EuWebStack.template.json')}#SiteCertificate6E8A0A4B`,
        'cfn-resource',
        'eu-west-1',
      ],
    ]);
    const [web, eu] = inputs.distributions;
    expect(web!.certificateResource).toBe(inputs.evidence[0]!.key);
    expect(eu!.certificateResource).toBe(inputs.evidence[1]!.key);
    expect(web!.viewerCertificate!.acmCertificateArn!.value).toMatchObject({
      reason: 'Ref SiteCertificate6E8A0A4B is the ARN of a certificate the stack requests at deploy time',
    });
    expect(web!.viewerCertificate!.acmCertificateArn!.location).toMatchObject({ line: 45, column: 34 });
    expect(inputs.sourceFindings).toEqual([]);
  });

  test('manifest.json given directly reads its folder', async () => {
    const { inputs } = await load([join(ASSEMBLY, 'manifest.json')]);
    expect(inputs.distributions).toHaveLength(2);
  });
});

const stackTemplate = (resources: Record<string, unknown>) =>
  JSON.stringify({ Resources: resources }, null, 1);
const distribution = (acm: unknown, aliases: unknown = ['www.example.com']) => ({
  Type: 'AWS::CloudFront::Distribution',
  Properties: {
    DistributionConfig: {
      Aliases: aliases,
      ViewerCertificate: { AcmCertificateArn: acm, SslSupportMethod: 'sni-only' },
    },
  },
});
const stack = (file: string, env: string, extra: Record<string, unknown> = {}) => ({
  type: 'aws:cloudformation:stack',
  environment: env,
  properties: { templateFile: file, ...extra },
});

describe('CDK: assemblies built for the test', () => {
  test('two stacks: region from the environment, or --region when it is unknown; cross-stack imports are Unresolved', async () => {
    const dir = writeFiles({
      'cdk.out/manifest.json': JSON.stringify({
        version: '38.0.1',
        artifacts: {
          Certs: stack('Certs.template.json', 'aws://111122223333/us-east-1'),
          Site: stack('Site.template.json', 'aws://unknown-account/unknown-region', {
            stackName: 'site-prod',
          }),
        },
      }),
      'cdk.out/Certs.template.json': stackTemplate({
        Cert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'example.com' } },
      }),
      'cdk.out/Site.template.json': stackTemplate({
        Dist: distribution({ 'Fn::ImportValue': 'Certs:ExportsOutputRefCert' }, [
          { 'Fn::Join': ['.', ['www', { Ref: 'AWS::Region' }, 'example.com']] },
        ]),
      }),
    });
    const { inputs, errors } = await load([join(dir, 'cdk.out')], { region: 'eu-west-1' });
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d).toMatchObject({ id: 'site-prod/Dist', format: 'cdk' });
    expect(d.accountId).toBeUndefined();
    expect(d.aliases[0]!.value).toBe('www.eu-west-1.example.com');
    expect(d.viewerCertificate!.acmCertificateArn!.value).toMatchObject({
      reason: 'Fn::ImportValue Certs:ExportsOutputRefCert is resolved at deploy time',
    });
    expect(
      inputs.sourceFindings.map((f) => [f.distributionId, f.finding.code, f.finding.args.field]),
    ).toEqual([['site-prod/Dist', 'INPUT_UNRESOLVED_VALUE', 'ViewerCertificate.AcmCertificateArn']]);
    expect(inputs.evidence[0]).toMatchObject({ region: 'us-east-1', accountId: '111122223333' });
  });

  test('nested assemblies (Stages) are followed', async () => {
    const dir = writeFiles({
      'out/manifest.json': JSON.stringify({
        version: '38',
        artifacts: { Prod: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } },
      }),
      'out/assembly-Prod/manifest.json': JSON.stringify({
        version: '38',
        artifacts: { 'Prod-Web': stack('ProdWeb.template.json', 'aws://111122223333/us-east-1') },
      }),
      'out/assembly-Prod/ProdWeb.template.json': stackTemplate({
        Dist: distribution('arn:aws:acm:us-east-1:111122223333:certificate/x'),
      }),
    });
    const { inputs } = await load([join(dir, 'out')]);
    expect(inputs.distributions.map((d) => d.id)).toEqual(['Prod-Web/Dist']);
  });

  test('a stack whose template is missing is an error; the other stacks are still read', async () => {
    const dir = writeFiles({
      'out/manifest.json': JSON.stringify({
        version: '38',
        artifacts: {
          A: stack('A.template.json', 'aws://111122223333/us-east-1'),
          B: stack('B.template.json', 'aws://111122223333/us-east-1'),
        },
      }),
      'out/B.template.json': stackTemplate({
        Dist: distribution('arn:aws:acm:us-east-1:111122223333:certificate/x'),
      }),
    });
    const { inputs, errors } = await load([join(dir, 'out')]);
    expect(inputs.distributions.map((d) => d.id)).toEqual(['B/Dist']);
    expect(errors).toEqual([
      {
        source: join(dir, 'out', 'A.template.json'),
        message: `${join(dir, 'out', 'A.template.json')}: no such file or directory`,
      },
    ]);
  });

  test('a manifest may not point outside its folder', async () => {
    const dir = writeFiles({
      'out/manifest.json': JSON.stringify({
        version: '38',
        artifacts: { A: stack('../../etc/passwd', 'aws://1/us-east-1') },
      }),
    });
    const { errors } = await load([join(dir, 'out')]);
    expect(errors[0]!.message).toMatch(
      /manifest\.json: artifact A names \.\.\/\.\.\/etc\/passwd, outside the assembly folder$/,
    );
  });

  test('a folder that is no assembly', async () => {
    const dir = writeFiles({ 'x.txt': 'hello' });
    const { errors } = await load([dir]);
    expect(errors).toEqual([
      {
        source: dir,
        message: `${dir}: is a directory without manifest.json (expected a CDK cloud assembly such as cdk.out)`,
      },
    ]);
  });
});

describe('CDK: nested assemblies past the limit', () => {
  test('an assembly nested deeper than the limit is an error, not skipped', async () => {
    const files: Record<string, string> = {};
    let dir = 'out';
    for (let level = 0; level <= 5; level++) {
      files[`${dir}/manifest.json`] = JSON.stringify({
        version: '38',
        artifacts: {
          [`L${level}`]: { type: 'cdk:cloud-assembly', properties: { directoryName: `n${level}` } },
        },
      });
      dir = `${dir}/n${level}`;
    }
    const root = writeFiles(files);
    const { errors } = await load([join(root, 'out')]);
    expect(errors.map((e) => e.message)).toEqual([
      `${join(root, 'out/n0/n1/n2/n3', 'manifest.json')}: artifact L4 is an assembly nested deeper than 4 levels (the nesting limit); not read`,
    ]);
  });
});

describe('CDK: findings name the construct path, and the app line when the assembly records it', () => {
  const FIXTURES = 'test/fixtures/cdk';
  const coverage = async (assembly: string) => {
    const { results, errors } = await check([assembly], { at: new Date('2026-06-01T00:00:00Z') });
    expect(errors).toEqual([]);
    return results[0]!.findings.find((f) => f.code === 'CF_ALIAS_NOT_COVERED')!;
  };

  test('inline metadata with traces: the first frame outside node_modules', async () => {
    const f = await coverage(`${FIXTURES}/traces-inline`);
    expect(f.location).toMatchObject({
      source: join(FIXTURES, 'traces-inline', 'WebStack.template.json'),
      resource: 'WebStack/Site/Distribution/Resource',
      origin: { source: '/home/dev/site/lib/static-site.ts', line: 41, column: 25 },
    });
    expect(formatLocation(f.location)).toBe(
      '/home/dev/site/lib/static-site.ts:41:25 (WebStack/Site/Distribution/Resource)',
    );
  });

  test('an app file under the working folder is shown relative to it', async () => {
    const dir = tempDir();
    cpSync(`${FIXTURES}/traces-inline`, dir, { recursive: true });
    // the traces are in the manifest's metadata
    const manifest = join(dir, 'manifest.json');
    const app = join(process.cwd(), 'lib', 'static-site.ts');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replaceAll('/home/dev/site/lib/static-site.ts', app),
    );
    const { inputs } = await load([dir]);
    expect(inputs.distributions[0]!.location.origin?.source).toBe(join('lib', 'static-site.ts'));
  });

  test('current aws-cdk-lib: aws:cdk:creationStack in the metadata side file, file:// frames', async () => {
    const { inputs } = await load([`${FIXTURES}/creation-stack`]);
    const d = inputs.distributions[0]!;
    expect(d.id).toBe('ShopStack/SiteDistribution3FF9535D');
    expect(d.aliases[1]!.location).toMatchObject({
      resource: 'ShopStack/Site/Distribution/Resource',
      origin: { source: '/work/shop/lib/site.mjs', line: 9, column: 7 },
    });
    // the certificate's creation stack is on its L2 construct (the parent of …/Resource)
    expect(inputs.evidence[0]!.location).toMatchObject({
      resource: 'ShopStack/Site/Certificate/Resource',
      origin: { source: '/work/shop/lib/shop-stack.ts', line: 18, column: 24 },
    });
  });

  test('no traces (the default synth): the construct path, at the template position', async () => {
    const f = await coverage(`${FIXTURES}/no-traces`);
    expect(f.location.resource).toBe('WebStack/Site/Distribution/Resource');
    expect(f.location.origin).toBeUndefined();
    expect(f.location.line).toBeGreaterThan(1);
    expect(JSON.parse(JSON.stringify(f.location))).toMatchObject({
      source: join(FIXTURES, 'no-traces', 'WebStack.template.json'),
      resource: 'WebStack/Site/Distribution/Resource',
    });
  });

  test.each([
    ['a trace that is not a list', 'not frames'],
    ['frames that are not strings', [1, null, { file: 'x' }]],
    ['library frames only', ['new X (/a/node_modules/aws-cdk-lib/x.js:1:1)', 'node:internal/main:1:1']],
    ['frames without positions', ['at somewhere', '...node_modules-aws-cdk-lib...']],
    ['a huge frame', [`at x (/a/${'b'.repeat(100_000)}.ts:1:1)`]],
    ['frames made of parentheses and colons', Array(64).fill(`${'(:'.repeat(2000)})`)],
    ['a frame with a non-numeric line', ['at x (/app/lib/x.ts:one:2)']],
  ])('%s: the construct path alone', async (_name, trace) => {
    const dir = writeFiles({
      'cdk.out/manifest.json': JSON.stringify({
        version: '36.0.0',
        artifacts: {
          S: {
            ...stack('S.template.json', 'aws://111122223333/us-east-1'),
            metadata: { '/S/D/Resource': [{ type: 'aws:cdk:logicalId', data: 'D', trace }] },
          },
        },
      }),
      'cdk.out/S.template.json': stackTemplate({
        D: distribution('arn:aws:acm:us-east-1:111122223333:certificate/x'),
      }),
    });
    const { inputs, errors } = await load([join(dir, 'cdk.out')]);
    expect(errors).toEqual([]);
    expect(inputs.distributions[0]!.location.resource).toBe('S/D/Resource');
    expect(inputs.distributions[0]!.location.origin).toBeUndefined();
  });

  test.each([
    ['outside the assembly', '../outside.json', false],
    ['absolute', '/etc/hostname', false],
    ['missing', 'S.metadata.json', false],
    ['not JSON', 'bad.json', false],
    ['inside the assembly (the control)', 'good.json', true],
  ])('a metadata side file %s: read only when inside the assembly', async (_name, file, read) => {
    const dir = writeFiles({
      'outside.json': JSON.stringify({
        '/S/D/Resource': [{ type: 'aws:cdk:creationStack', data: ['at /leak.ts:1:1'] }],
      }),
      'cdk.out/bad.json': '{ not json',
      'cdk.out/good.json': JSON.stringify({
        '/S/D/Resource': [{ type: 'aws:cdk:creationStack', data: ['at /app.ts:1:1'] }],
      }),
      'cdk.out/manifest.json': JSON.stringify({
        version: '48.0.0',
        artifacts: {
          S: { ...stack('S.template.json', 'aws://111122223333/us-east-1'), additionalMetadataFile: file },
        },
      }),
      'cdk.out/S.template.json': stackTemplate({
        D: {
          ...distribution('arn:aws:acm:us-east-1:111122223333:certificate/x'),
          Metadata: { 'aws:cdk:path': 'S/D/Resource' },
        },
      }),
    });
    const { inputs, errors } = await load([join(dir, 'cdk.out')]);
    expect(errors).toEqual([]);
    expect(inputs.distributions).toHaveLength(1);
    expect(inputs.distributions[0]!.location.resource).toBe('S/D/Resource');
    expect(inputs.distributions[0]!.location.origin?.source).toBe(read ? '/app.ts' : undefined);
  });
});
