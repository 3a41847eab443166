// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
import { describe, expect, test } from 'vitest';
import {
  ACCOUNT,
  ARN,
  acmEvidence,
  arnIn,
  computedString,
  defaultCertDistribution,
  distribution,
  findingsOf,
  gate,
  pemEvidence,
  templateEvidence,
  unresolved,
} from '../../check/builders.js';
import { reject, run, table } from './table.js';

const IVC = 'InvalidViewerCertificate';

describe('CF-01 CF_ALIASES_WITHOUT_CERTIFICATE', () => {
  table('CF_ALIASES_WITHOUT_CERTIFICATE', [
    // fires
    {
      name: 'default certificate flag with aliases',
      d: defaultCertDistribution({ aliases: ['www.example.com'] }),
      want: [reject(IVC, { aliases: ['www.example.com'], count: 1, defaultFlag: true })],
    },
    {
      name: 'no ViewerCertificate block at all',
      d: distribution({ viewer: false, aliases: ['a.example.com', 'b.example.com'] }),
      want: [reject(IVC, { count: 2, defaultFlag: false })],
    },
    {
      name: 'Terraform block without ACM or IAM certificate (the provider sends the default flag)',
      d: distribution({ arn: null, ssl: null, format: 'terraform' }),
      want: [reject(IVC, { aliases: ['www.example.com'] })],
    },
    {
      name: 'a ViewerCertificate with no source at all says so instead (CF_CERTIFICATE_SOURCE_MISSING)',
      d: distribution({ arn: null, ssl: null }),
      want: [],
    },
    {
      name: 'an alias computed at deploy time is an alias all the same',
      d: defaultCertDistribution({
        aliases: [computedString([{ computed: '{{resolve:ssm:/site/domain}}' }])],
      }),
      want: [reject(IVC, { aliases: ['1 computed at deploy time'], count: 1, defaultFlag: true })],
    },
    {
      name: 'known and computed aliases, no ViewerCertificate',
      d: distribution({
        viewer: false,
        aliases: ['www.example.com', computedString([{ computed: '!ImportValue site' }])],
      }),
      want: [
        reject(IVC, {
          aliases: ['www.example.com', '1 computed at deploy time'],
          count: 2,
          defaultFlag: false,
        }),
      ],
    },
    // quiet
    { name: 'default certificate without aliases', d: defaultCertDistribution(), want: [] },
    {
      name: 'an alias item that may be no value at all (an Fn::If on an unknown condition)',
      d: defaultCertDistribution({ aliases: [unresolved('condition HasSite cannot be evaluated')] }),
      want: [],
    },
    {
      name: 'a computed alias with an ACM certificate',
      d: distribution({ aliases: [computedString([{ computed: '!ImportValue site' }])] }),
      want: [],
    },
    { name: 'ACM certificate with aliases', d: distribution(), want: [] },
    { name: 'ARN computed at deploy time', d: distribution({ arn: unresolved() }), want: [] },
    {
      name: 'alias list computed at deploy time',
      d: defaultCertDistribution({ aliasesUnresolved: 'x' }),
      want: [],
    },
  ]);
});

describe('CF-02 CF_CERTIFICATE_NOT_AN_ARN', () => {
  table('CF_CERTIFICATE_NOT_AN_ARN', [
    {
      name: 'a certificate name',
      d: distribution({ arn: 'cert-test' }),
      evidence: [],
      want: [reject(IVC, { certificate: 'cert-test', certainty: 'inferred', distribution: 'E1EXAMPLE' })],
    },
    { name: 'an empty string', d: distribution({ arn: '' }), evidence: [], want: [reject(IVC)] },
    { name: 'an ACM ARN', d: distribution(), want: [] },
    {
      name: 'an ARN of another service: CF_CERTIFICATE_NOT_IN_US_EAST_1',
      d: distribution({ arn: 'arn:aws:iam::111122223333:server-certificate/cloudfront/x' }),
      evidence: [],
      want: [],
    },
  ]);

  test('is the one finding about the certificate: no evidence is missing for a name', () => {
    const codes = findingsOf(gate([distribution({ arn: 'cert-test' })], [])).map((f) => f.code);
    expect(codes).toEqual(['CF_CERTIFICATE_NOT_AN_ARN']);
  });
});

/** `!Sub arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${CertificateId}` with the region known. */
const assembled = (region: string) =>
  computedString(
    [
      `arn:aws:acm:${region}:`,
      { computed: '${AWS::AccountId}' },
      ':certificate/',
      { computed: '${CertificateId}' },
    ],
    '!Sub ...: ${AWS::AccountId} is the account the stack deploys to (give --account ID)',
  );

describe('CF-02 CF_CERTIFICATE_NOT_IN_US_EAST_1', () => {
  const eu = arnIn('eu-west-1');
  table('CF_CERTIFICATE_NOT_IN_US_EAST_1', [
    {
      name: 'ARN in eu-west-1',
      d: distribution({ arn: eu }),
      evidence: [acmEvidence({ key: eu })],
      want: [reject(IVC, { certificate: eu, region: 'eu-west-1', distribution: 'E1EXAMPLE' })],
    },
    {
      name: 'not an ACM ARN (an IAM ARN)',
      d: distribution({ arn: 'arn:aws:iam::111122223333:server-certificate/cloudfront/x' }),
      evidence: [],
      want: [reject(IVC, { malformed: true })],
    },
    {
      name: 'template resource in a stack outside us-east-1',
      d: distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' }),
      evidence: [templateEvidence({ region: 'eu-central-1' })],
      want: [reject(IVC, { region: 'eu-central-1', fromStack: true, certificate: 'cfn:stack.yaml#Cert' })],
    },
    { name: 'not an ARN at all: CF_CERTIFICATE_NOT_AN_ARN', d: distribution({ arn: 'cert-test' }), want: [] },
    // quiet
    { name: 'ARN in us-east-1', d: distribution(), want: [] },
    {
      name: 'China partition is not judged',
      d: distribution({ arn: `arn:aws-cn:acm:cn-north-1:${ACCOUNT}:certificate/abc` }),
      evidence: [],
      want: [],
    },
    {
      name: 'template resource in us-east-1',
      d: distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' }),
      evidence: [templateEvidence({ region: 'us-east-1' })],
      want: [],
    },
    {
      name: 'template resource, region unknown',
      d: distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' }),
      evidence: [templateEvidence()],
      want: [],
    },
    { name: 'ARN unresolved', d: distribution({ arn: unresolved() }), evidence: [], want: [] },
    {
      name: 'ARN assembled at deploy time, region part known',
      d: distribution({ arn: assembled('eu-west-1') }),
      evidence: [],
      want: [
        reject(IVC, {
          certificate: 'arn:aws:acm:eu-west-1:${AWS::AccountId}:certificate/${CertificateId}',
          region: 'eu-west-1',
        }),
      ],
    },
    // quiet
    {
      name: 'ARN assembled at deploy time in us-east-1',
      d: distribution({ arn: assembled('us-east-1') }),
      evidence: [],
      want: [],
    },
    {
      name: 'ARN assembled at deploy time, region part unknown',
      d: distribution({
        arn: computedString(['arn:aws:acm:', { computed: '${AWS::Region}' }, ':111122223333:certificate/x']),
      }),
      evidence: [],
      want: [],
    },
    {
      name: 'ARN assembled at deploy time, region only partly written (eu-west-${N})',
      d: distribution({
        arn: computedString(['arn:aws:acm:eu-west-', { computed: '${N}' }, ':1:certificate/x']),
      }),
      evidence: [],
      want: [],
    },
    {
      name: 'ARN assembled at deploy time, China partition',
      d: distribution({
        arn: computedString(['arn:aws-cn:acm:cn-north-1:', { computed: '${AWS::AccountId}' }]),
      }),
      evidence: [],
      want: [],
    },
  ]);

  test('an ARN whose region part is known is not reported as unchecked by CF-02', () => {
    const results = gate([distribution({ arn: assembled('eu-west-1') })], []);
    const unresolvedFindings = findingsOf(results).filter((f) => f.code === 'INPUT_UNRESOLVED_VALUE');
    for (const f of unresolvedFindings) expect(f.args.skipped ?? []).not.toContain('CF-02');
    expect(findingsOf(results, undefined).map((f) => f.code)).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
  });

  // one fact, one finding (issue 11): the template reader's INPUT_UNRESOLVED_VALUE for AWS::Region
  // already says the region is unknown and names --region (test/sources/cfn-nested.test.ts checks
  // the whole run), so the rule adds no partial-evidence note of its own for that
  test('an unknown template region is not said again as partial evidence', () => {
    const d = distribution({ arn: unresolved('!Ref Cert'), certificateResource: 'cfn:stack.yaml#Cert' });
    expect(run('CF_CERTIFICATE_EVIDENCE_PARTIAL', { d, evidence: [templateEvidence()] })).toEqual([]);
  });
});

describe('CF-03 CF_CERTIFICATE_OTHER_ACCOUNT', () => {
  const other = `arn:aws:acm:us-east-1:444455556666:certificate/abc`;
  table('CF_CERTIFICATE_OTHER_ACCOUNT', [
    {
      name: 'certificate of another account',
      d: distribution({ arn: other, accountId: ACCOUNT }),
      evidence: [acmEvidence({ key: other })],
      want: [reject(IVC, { certificateAccount: '444455556666', account: ACCOUNT, certainty: 'inferred' })],
    },
    { name: 'same account', d: distribution({ accountId: ACCOUNT }), want: [] },
    { name: 'distribution account unknown', d: distribution({ arn: other }), evidence: [], want: [] },
  ]);
});

describe('CF-12 CF_CERTIFICATE_SOURCE_CONFLICT', () => {
  table('CF_CERTIFICATE_SOURCE_CONFLICT', [
    {
      name: 'ACM ARN and IAM id',
      d: distribution({ iam: 'ASCAEXAMPLEEXAMPLE12', arn: ARN }),
      want: [
        reject(IVC, {
          fields: ['ViewerCertificate.ACMCertificateArn', 'ViewerCertificate.IAMCertificateId'],
          certainty: 'unconfirmed',
        }),
      ],
    },
    {
      name: 'default flag with an ARN',
      d: distribution({ defaultCertificate: true }),
      want: [
        reject(IVC, {
          fields: [
            'ViewerCertificate.ACMCertificateArn',
            'ViewerCertificate.CloudFrontDefaultCertificate=true',
          ],
        }),
      ],
    },
    { name: 'ARN alone', d: distribution({ defaultCertificate: false }), want: [] },
    { name: 'default flag alone', d: defaultCertDistribution(), want: [] },
    {
      name: 'IAM id with an ARN computed at deploy time (still two sources)',
      d: distribution({ arn: unresolved(), iam: 'ASCAEXAMPLEEXAMPLE12' }),
      want: [reject(IVC)],
    },
    { name: 'ARN computed at deploy time alone', d: distribution({ arn: unresolved() }), want: [] },
    {
      name: 'CloudFormation: false beside the ARN is a second source to its resource handler',
      d: distribution({ defaultCertificate: false, format: 'cloudformation' }),
      want: [
        {
          severity: 'error',
          args: {
            fields: [
              'ViewerCertificate.ACMCertificateArn',
              'ViewerCertificate.CloudFrontDefaultCertificate=false',
            ],
            refusedBy: 'cloudformation',
            certainty: 'observed',
          },
        },
      ],
    },
    {
      name: 'CDK output is CloudFormation: the same',
      d: distribution({ defaultCertificate: false, format: 'cdk' }),
      want: [reject(undefined, { refusedBy: 'cloudformation' })],
    },
    {
      name: 'Terraform: false beside the ARN is what the provider always sends',
      d: distribution({ defaultCertificate: false, format: 'terraform' }),
      want: [],
    },
    {
      name: 'CloudFormation: ARN and IAM id, refused by the handler',
      d: distribution({ iam: 'ASCAEXAMPLEEXAMPLE12', arn: ARN, format: 'cloudformation' }),
      want: [reject(undefined, { refusedBy: 'cloudformation', certainty: 'observed' })],
    },
    {
      name: 'CloudFormation: false alone is one source (a multi-tenant parent writes it)',
      d: distribution({ arn: null, defaultCertificate: false, format: 'cloudformation', aliases: [] }),
      want: [],
    },
  ]);

  test('the handler refusal carries no CloudFront error', () => {
    const d = distribution({ defaultCertificate: false, format: 'cloudformation' });
    const [finding] = run('CF_CERTIFICATE_SOURCE_CONFLICT', { d });
    expect(finding).toBeDefined();
    expect(finding).not.toHaveProperty('awsError');
  });
});

describe('CF-12 CF_CERTIFICATE_SOURCE_MISSING', () => {
  table('CF_CERTIFICATE_SOURCE_MISSING', [
    {
      name: 'API: only the protocol settings',
      d: distribution({ arn: null, aliases: [] }),
      want: [reject(IVC, { certainty: 'unconfirmed' })],
    },
    {
      name: 'API: with aliases, one finding (not CF-01 too)',
      d: distribution({ arn: null }),
      want: [reject(IVC)],
    },
    {
      name: 'CloudFormation: refused by the handler, no CloudFront error',
      d: distribution({ arn: null, format: 'cloudformation', aliases: [] }),
      want: [reject(undefined, { refusedBy: 'cloudformation', certainty: 'observed' })],
    },
    { name: 'no ViewerCertificate at all', d: distribution({ viewer: false, aliases: [] }), want: [] },
    { name: 'the default flag alone', d: defaultCertDistribution(), want: [] },
    {
      name: 'false alone is written: not missing',
      d: distribution({ arn: null, defaultCertificate: false, aliases: [] }),
      want: [],
    },
    {
      name: 'a flag computed at deploy time is written',
      d: distribution({ arn: null, defaultCertificate: unresolved(), aliases: [] }),
      want: [],
    },
    {
      name: 'Terraform: the provider sends the default flag',
      d: distribution({ arn: null, format: 'terraform', aliases: [] }),
      want: [],
    },
    { name: 'an IAM id is a source', d: distribution({ arn: null, iam: 'ASCAEXAMPLEEXAMPLE12' }), want: [] },
  ]);

  test('the default-certificate warnings and CF-01 fold into it', () => {
    const d = distribution({ arn: null, ssl: null, policy: 'TLSv1.2_2021' });
    const codes = findingsOf(gate([d], [])).map((f) => f.code);
    expect(codes).toContain('CF_CERTIFICATE_SOURCE_MISSING');
    for (const gone of [
      'CF_ALIASES_WITHOUT_CERTIFICATE',
      'CF_DEFAULT_CERTIFICATE',
      'CF_DEFAULT_CERT_POLICY_IGNORED',
    ])
      expect(codes).not.toContain(gone);
  });
});

describe('CF-13 CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH', () => {
  const old = arnIn('us-east-1', '7');
  table('CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH', [
    {
      name: 'stale Certificate after changing the ARN',
      d: distribution({ certificate: old, certificateSource: 'acm' }),
      want: [reject(IVC, { field: 'Certificate', value: old, expected: ARN, certainty: 'observed' })],
    },
    {
      name: 'CertificateSource acm with an IAM id',
      d: distribution({
        arn: null,
        iam: 'ASCAEXAMPLEEXAMPLE12',
        certificateSource: 'acm',
        certificate: 'ASCAEXAMPLEEXAMPLE12',
      }),
      evidence: [],
      want: [reject(IVC, { field: 'CertificateSource', value: 'acm', expected: 'iam' })],
    },
    { name: 'matching echo', d: distribution({ certificate: ARN, certificateSource: 'acm' }), want: [] },
    { name: 'no echo', d: distribution(), want: [] },
    {
      name: 'ARN unresolved',
      d: distribution({ arn: unresolved(), certificate: old, certificateSource: 'acm' }),
      want: [],
    },
  ]);
});

describe('CF-14 CF_IAM_CERTIFICATE_PATH', () => {
  const id = 'ASCAEXAMPLEEXAMPLE12';
  const chain = pemEvidence(id, [], {});
  table('CF_IAM_CERTIFICATE_PATH', [
    {
      name: 'IAM certificate under /',
      d: distribution({ arn: null, iam: id }),
      evidence: [{ ...chain, iamPath: '/' }],
      want: [reject(IVC, { certificate: id, iamPath: '/', certainty: 'unconfirmed' })],
    },
    {
      name: 'path without the trailing slash',
      d: distribution({ arn: null, iam: id }),
      evidence: [{ ...chain, iamPath: '/cloudfront/site' }],
      want: [reject(IVC, { iamPath: '/cloudfront/site' })],
    },
    {
      name: 'under /cloudfront/…/',
      d: distribution({ arn: null, iam: id }),
      evidence: [{ ...chain, iamPath: '/cloudfront/site/' }],
      want: [],
    },
    { name: 'path unknown', d: distribution({ arn: null, iam: id }), evidence: [chain], want: [] },
    { name: 'ACM certificate', d: distribution(), want: [] },
  ]);
});

describe('CF-15 CF_IAM_CERTIFICATE_ID_INVALID', () => {
  table('CF_IAM_CERTIFICATE_ID_INVALID', [
    {
      name: 'an IAM ARN',
      d: distribution({ arn: null, iam: 'arn:aws:iam::111122223333:server-certificate/cloudfront/site' }),
      evidence: [],
      want: [reject(undefined, { looksLike: 'arn', max: 32, certainty: 'unconfirmed' })],
    },
    {
      name: 'the certificate name',
      d: distribution({ arn: null, iam: 'my-site-cert' }),
      evidence: [],
      want: [reject(undefined, { certificate: 'my-site-cert', looksLike: 'name' })],
    },
    {
      name: 'a ServerCertificateId',
      d: distribution({ arn: null, iam: 'ASCAEXAMPLEEXAMPLE12' }),
      evidence: [],
      want: [],
    },
    // seen in widdix/aws-cf-templates static-website.yaml: a parameter that defaults to ''
    {
      name: 'empty (a parameter left at its default)',
      d: distribution({ arn: null, iam: '' }),
      evidence: [],
      want: [reject(undefined, { certificate: '', length: 0, looksLike: 'empty' })],
    },
    {
      name: 'an id cut short',
      d: distribution({ arn: null, iam: 'ASCAEXAMPLE123' }),
      evidence: [],
      want: [reject(undefined, { looksLike: 'short', length: 14 })],
    },
    {
      name: 'an IAM id longer than CloudFront takes',
      d: distribution({ arn: null, iam: `ASCA${'X'.repeat(36)}` }),
      evidence: [],
      want: [reject(undefined, { looksLike: 'long', length: 40 })],
    },
  ]);

  test('carries no awsError: the rulebook names none', () => {
    const [f] = run('CF_IAM_CERTIFICATE_ID_INVALID', {
      d: distribution({ arn: null, iam: 'x' }),
      evidence: [],
    });
    expect(f?.awsError).toBeUndefined();
  });
});

describe('CF-16 CF_TENANT_ONLY_CERTIFICATE_FIELDS', () => {
  table('CF_TENANT_ONLY_CERTIFICATE_FIELDS', [
    {
      name: 'aliases on a tenant-only distribution',
      d: distribution({ connectionMode: 'tenant-only' }),
      want: [reject(undefined, { fields: ['Aliases'] })],
    },
    {
      name: 'IAM id and aliases',
      d: distribution({ connectionMode: 'tenant-only', arn: null, iam: 'ASCAEXAMPLEEXAMPLE12' }),
      evidence: [],
      want: [reject(undefined, { fields: ['IAMCertificateId', 'Aliases'] })],
    },
    { name: 'direct distribution', d: distribution({ connectionMode: 'direct' }), want: [] },
    {
      name: 'tenant-only with ACM and no aliases',
      d: distribution({ connectionMode: 'tenant-only', aliases: [] }),
      want: [],
    },
    { name: 'connection mode unresolved', d: distribution({ connectionMode: unresolved() }), want: [] },
  ]);
});
