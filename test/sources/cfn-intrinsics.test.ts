// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
import { describe, expect, test } from 'vitest';
import { isUnresolved } from '../../src/cloudfront/model.js';
import { CfnLimitError, CfnResolver, NO_VALUE, ResourceReference } from '../../src/sources/cfn-intrinsics.js';
import { parseYamlDocument } from '../../src/sources/yaml-document.js';

const TEMPLATE = `
Parameters:
  Domain: {Type: String, Default: example.com}
  CertArn: {Type: String}
  Names: {Type: CommaDelimitedList, Default: 'a, b,c'}
  FromSsm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /site/cert-arn}
  Stage: {Type: String, Default: prod}
  Count: {Type: Number, Default: 3}
Mappings:
  Policy:
    prod: {Minimum: TLSv1.2_2021}
    dev: {Minimum: TLSv1.2_2019}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  HasCert: !Not [!Equals [!Ref CertArn, '']]
  ProdOrCert: !Or [!Condition IsProd, !Condition HasCert]
  DevAndCert: !And [!Condition IsDev, !Condition HasCert]
  Loop: !Condition Loop2
  Loop2: !Condition Loop
  InRegion: !Equals [!Ref 'AWS::Region', us-east-1]
Resources:
  Cert: {Type: 'AWS::CertificateManager::Certificate', Properties: {DomainName: example.com}}
  Bucket: {Type: 'AWS::S3::Bucket'}
`;

interface Row {
  readonly name: string;
  readonly expr: string;
  readonly want: unknown;
  readonly params?: Record<string, string>;
  readonly region?: string;
}

const rows: Row[] = [
  // Ref: parameters, overrides, pseudo parameters, resources
  { name: 'Ref a parameter Default', expr: '!Ref Domain', want: 'example.com' },
  {
    name: 'Ref overridden by --parameter',
    expr: '!Ref Domain',
    params: { Domain: 'example.org' },
    want: 'example.org',
  },
  {
    name: 'Ref without Default',
    expr: '!Ref CertArn',
    want: '!Ref CertArn is a parameter without a Default (give --parameter CertArn=VALUE)',
  },
  {
    name: 'Ref without Default, overridden',
    expr: '!Ref CertArn',
    params: { CertArn: 'arn:x' },
    want: 'arn:x',
  },
  { name: 'Ref a list parameter', expr: '!Ref Names', want: ['a', 'b', 'c'] },
  {
    name: 'Ref an SSM parameter',
    expr: '!Ref FromSsm',
    want: '!Ref FromSsm is read from SSM parameter /site/cert-arn at deploy time (give --parameter FromSsm=VALUE)',
  },
  { name: 'Ref a Number parameter', expr: '!Ref Count', want: '3' },
  {
    name: 'Ref AWS::Region without --region',
    expr: '!Ref AWS::Region',
    want: '!Ref AWS::Region is the region the stack deploys to (give --region, or --parameter AWS::Region=REGION)',
  },
  { name: 'Ref AWS::Region with --region', expr: '!Ref AWS::Region', region: 'eu-west-1', want: 'eu-west-1' },
  {
    name: 'Ref AWS::AccountId',
    expr: '!Ref AWS::AccountId',
    want: '!Ref AWS::AccountId is the account the stack deploys to (give --account ID)',
  },
  { name: 'Ref AWS::Partition', expr: '!Ref AWS::Partition', want: 'aws' },
  { name: 'Ref AWS::Partition in China', expr: '!Ref AWS::Partition', region: 'cn-north-1', want: 'aws-cn' },
  { name: 'Ref AWS::URLSuffix', expr: '!Ref AWS::URLSuffix', want: 'amazonaws.com' },
  { name: 'Ref AWS::NoValue', expr: '!Ref AWS::NoValue', want: NO_VALUE },
  {
    name: 'Ref a certificate resource',
    expr: '!Ref Cert',
    want: '!Ref Cert is the ARN of a certificate the stack requests at deploy time',
  },
  { name: 'Ref another resource', expr: '!Ref Bucket', want: '!Ref Bucket is resolved at deploy time' },
  {
    name: 'Ref an unknown name',
    expr: '!Ref Nope',
    want: '!Ref Nope names no parameter or resource of the template',
  },
  {
    name: 'Ref constructor (no prototype lookups)',
    expr: '!Ref constructor',
    want: '!Ref constructor names no parameter or resource of the template',
  },
  // Fn::Sub
  { name: 'Sub with a parameter', expr: "!Sub 'www.${Domain}'", want: 'www.example.com' },
  {
    name: 'Sub with a variable map',
    expr: "!Sub ['${Host}.${Domain}', {Host: !Ref Stage}]",
    want: 'prod.example.com',
  },
  { name: 'Sub with a literal ${!}', expr: "!Sub '${!Literal}-${Domain}'", want: '${Literal}-example.com' },
  {
    name: 'Sub with a pseudo parameter',
    expr: "!Sub 'x.${AWS::Region}'",
    region: 'us-east-1',
    want: 'x.us-east-1',
  },
  {
    name: 'Sub with an unknown account',
    expr: "!Sub 'arn:aws:acm:us-east-1:${AWS::AccountId}:certificate/x'",
    want: '!Sub arn:aws:acm:us-east-1:${AWS::AccountId}:certificate/x: ${AWS::AccountId} is the account the stack deploys to (give --account ID)',
  },
  {
    name: 'Sub with an attribute',
    expr: "!Sub '${Cert.Arn}'",
    want: '!Sub ${Cert.Arn}: ${Cert.Arn} is resolved at deploy time',
  },
  {
    name: 'Sub with an unresolved variable',
    expr: "!Sub ['${X}', {X: !ImportValue shared}]",
    want: '!Sub ${X}: !ImportValue shared is resolved at deploy time',
  },
  // Join, Select, Split, FindInMap, Base64
  { name: 'Join', expr: "!Join ['.', [api, !Ref Domain]]", want: 'api.example.com' },
  { name: 'Join a list parameter', expr: "!Join ['-', !Ref Names]", want: 'a-b-c' },
  {
    name: 'Join with an unknown item',
    expr: "!Join ['', [!GetAtt Bucket.Arn, x]]",
    want: '!GetAtt Bucket.Arn is resolved at deploy time',
  },
  { name: 'Select', expr: "!Select [1, !Split [',', 'x,y,z']]", want: 'y' },
  {
    name: 'Select out of range',
    expr: '!Select [5, [a, b]]',
    want: '!Select [5, [a, b]]: index 5 is out of range',
  },
  { name: 'Split', expr: "!Split ['.', www.example.com]", want: ['www', 'example', 'com'] },
  { name: 'FindInMap', expr: '!FindInMap [Policy, !Ref Stage, Minimum]', want: 'TLSv1.2_2021' },
  {
    name: 'FindInMap with an override',
    expr: '!FindInMap [Policy, !Ref Stage, Minimum]',
    params: { Stage: 'dev' },
    want: 'TLSv1.2_2019',
  },
  {
    name: 'FindInMap without the entry',
    expr: '!FindInMap [Policy, qa, Minimum]',
    want: '!FindInMap [Policy, qa, Minimum] has no such entry in Mappings',
  },
  { name: 'Base64', expr: '!Base64 hi', want: 'aGk=' },
  // deploy-time only
  {
    name: 'ImportValue',
    expr: '!ImportValue shared-cert-arn',
    want: '!ImportValue shared-cert-arn is resolved at deploy time',
  },
  {
    name: 'ImportValue of a Sub',
    expr: "!ImportValue {'Fn::Sub': '${Stage}-cert'}",
    want: '!ImportValue prod-cert is resolved at deploy time',
  },
  {
    name: 'GetAtt',
    expr: '!GetAtt Bucket.RegionalDomainName',
    want: '!GetAtt Bucket.RegionalDomainName is resolved at deploy time',
  },
  { name: 'GetAZs', expr: "!GetAZs ''", want: '!GetAZs  is resolved at deploy time' },
  {
    name: 'Cidr',
    expr: '!Cidr [10.0.0.0/16, 2, 8]',
    want: '!Cidr [10.0.0.0/16, 2, 8] is not evaluated offline',
  },
  // conditions and Fn::If
  { name: 'If on a true condition', expr: '!If [IsProd, yes-branch, no-branch]', want: 'yes-branch' },
  { name: 'If on a false condition', expr: '!If [IsDev, yes-branch, no-branch]', want: 'no-branch' },
  {
    name: 'If with an override',
    expr: '!If [IsProd, yes-branch, no-branch]',
    params: { Stage: 'dev' },
    want: 'no-branch',
  },
  {
    name: 'If on an unknown condition',
    expr: '!If [HasCert, a, b]',
    want: 'condition HasCert cannot be evaluated: !Ref CertArn is a parameter without a Default (give --parameter CertArn=VALUE)',
  },
  { name: 'Or short-circuits over an unknown', expr: '!If [ProdOrCert, a, b]', want: 'a' },
  { name: 'And short-circuits over an unknown', expr: '!If [DevAndCert, a, b]', want: 'b' },
  {
    name: 'If on an undefined condition',
    expr: '!If [Missing, a, b]',
    want: 'condition Missing is not defined in Conditions',
  },
  { name: 'If on a condition loop', expr: '!If [Loop, a, b]', want: 'condition Loop refers to itself' },
  { name: 'If on a region condition', expr: '!If [InRegion, a, b]', region: 'us-east-1', want: 'a' },
  { name: 'If choosing AWS::NoValue', expr: '!If [IsProd, !Ref AWS::NoValue, x]', want: NO_VALUE },
  // nested values
  { name: 'a list with NoValue items', expr: '[a, !If [IsDev, b, !Ref AWS::NoValue], c]', want: ['a', 'c'] },
  { name: 'a mapping with an intrinsic', expr: '{A: !Ref Stage, B: !Ref AWS::NoValue}', want: { A: 'prod' } },
];

function resolve(row: Row): unknown {
  const doc = parseYamlDocument('t.yaml', `${TEMPLATE}\nTest: ${row.expr}\n`);
  const template = doc.value as Record<string, unknown>;
  const resolver = new CfnResolver({
    template,
    style: 'yaml',
    parameters: row.params ?? {},
    ...(row.region ? { region: row.region } : {}),
  });
  return resolver.resolve(template.Test);
}

describe('CfnResolver: intrinsic functions', () => {
  test.each(rows)('$name: $expr', (row) => {
    const got = resolve(row);
    if (typeof row.want === 'string' && isUnresolved(got)) expect(got.reason).toBe(row.want);
    else expect(got).toEqual(row.want);
  });

  test('a Ref to a resource names it, so a distribution can point at its certificate', () => {
    const got = resolve({ name: '', expr: '!If [IsProd, !Ref Cert, x]', want: '' });
    expect(got).toBeInstanceOf(ResourceReference);
    expect((got as ResourceReference).logicalId).toBe('Cert');
  });

  test('JSON templates show the long form in reasons', () => {
    const template = { Test: { 'Fn::ImportValue': 'shared' } };
    const got = new CfnResolver({ template, style: 'json', parameters: {} }).resolve(template.Test);
    expect(got).toMatchObject({
      unresolved: true,
      reason: 'Fn::ImportValue shared is resolved at deploy time',
    });
  });

  // going over a bound throws (the reader makes it an INPUT_NOT_EXAMINED error): it used to be an
  // Unresolved value, which the gate reported as a warning and passed
  test('expressions nested without end stop at the depth bound', () => {
    let node: unknown = 'x';
    for (let i = 0; i < 10_000; i++) node = { 'Fn::Join': ['', [node]] };
    const resolver = new CfnResolver({ template: {}, style: 'json', parameters: {} });
    expect(() => resolver.resolve(node)).toThrow(new CfnLimitError('maxExpressionDepth'));
    expect(() => resolver.resolve(node)).toThrow(/^intrinsic functions nested deeper than 32 levels/);
  });
});

// What is known of a string computed at deploy time (Unresolved.text): the pieces around the
// unknown ones, so a rule can read what is certain (CF-02: the region of an assembled ARN), and
// nothing at all when the value may not be a string (it may be AWS::NoValue, or a list).
describe('CfnResolver: what is known of a string computed at deploy time', () => {
  const text = (expr: string, region?: string) => {
    const got = resolve({ name: '', expr, want: '', ...(region ? { region } : {}) });
    expect(isUnresolved(got)).toBe(true);
    return (got as { text?: unknown }).text;
  };
  const c = (computed: string) => ({ computed });

  test.each<[string, string, unknown, string?]>([
    [
      'a Sub ARN with the region known, the account not',
      "!Sub 'arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/${Stage}'",
      ['arn:aws:acm:eu-west-1:', c('${AWS::AccountId}'), ':certificate/prod'],
      'eu-west-1',
    ],
    [
      'a Sub with two unknowns',
      "!Sub '${AWS::AccountId}.${CertArn}'",
      [c('${AWS::AccountId}'), '.', c('${CertArn}')],
    ],
    [
      'a Sub variable of the list form, whatever its value',
      "!Sub ['${A}.example.com', {A: !If [HasCert, x, y]}]",
      [c('${A}'), '.example.com'],
    ],
    [
      'a Sub variable that is itself partly known',
      "!Sub ['www.${A}', {A: !Sub '${AWS::StackName}.example.com'}]",
      ['www.', c('${AWS::StackName}'), '.example.com'],
    ],
    ['a dynamic reference', "'{{resolve:ssm:/site/domain}}'", [c('{{resolve:ssm:/site/domain}}')]],
    ['a dynamic reference inside text', "'www.{{resolve:ssm:/zone}}'", ['www.', c('{{resolve:ssm:/zone}}')]],
    ['an ImportValue', '!ImportValue shared-domain', [c('!ImportValue shared-domain')]],
    [
      'a Join of known text and string Refs',
      "!Join [':', [arn, aws, acm, !Ref 'AWS::Region', !Ref 'AWS::AccountId', certificate/x]]",
      ['arn:aws:acm:', c('!Ref AWS::Region'), ':', c('!Ref AWS::AccountId'), ':certificate/x'],
    ],
    ['a String parameter without a Default', '!Ref CertArn', [c('!Ref CertArn')]],
    ['an SSM String parameter', '!Ref FromSsm', [c('!Ref FromSsm')]],
    ['a resource Ref', '!Ref Bucket', [c('!Ref Bucket')]],
  ])('%s', (_, expr, want, region) => {
    expect(text(expr, region)).toEqual(want);
  });

  test.each<[string, string]>([
    ['an If on an unknown condition (a branch may be AWS::NoValue)', '!If [HasCert, a, b]'],
    ['a Join with an item that may be AWS::NoValue', "!Join ['.', [a, !If [HasCert, b, c]]]"],
    ['a GetAtt (it may be a list)', '!GetAtt Bucket.Arn'],
    ['a list pseudo parameter', "!Ref 'AWS::NotificationARNs'"],
    ['a dynamic reference split across Sub pieces', "!Sub '{{resolve:ssm:${CertArn}}}'"],
  ])('nothing is claimed of %s', (_, expr) => {
    expect(text(expr)).toBeUndefined();
  });

  test('the reason is the first unknown piece’s, as before', () => {
    const got = resolve({ name: '', expr: "!Sub '${AWS::AccountId}.${CertArn}'", want: '' });
    expect((got as { reason: string }).reason).toMatch(
      /: \$\{AWS::AccountId\} is the account the stack deploys to/,
    );
  });

  test('a value known in full carries no text', () => {
    expect(resolve({ name: '', expr: "!Sub 'www.${Domain}'", want: '' })).toBe('www.example.com');
  });
});

// seen in dawaltconley/cfn-static-website: Aliases: !Split [',', !Join [',', [...${Domain}...]]], Domain without Default
describe('Fn::Split of a value known only at deploy time', () => {
  test('is an unknown list of at least one item', () => {
    const got = resolve({
      name: 'split',
      expr: "!Split [',', !Sub '${Domain}.${CertArn}']",
      want: undefined,
    });
    expect(isUnresolved(got)).toBe(true);
    expect((got as { minItems?: number }).minItems).toBe(1);
  });
  test('a list that may be empty stays without minItems', () => {
    const got = resolve({ name: 'if', expr: '!If [HasCert, [a], !Ref AWS::NoValue]', want: undefined });
    expect((got as { minItems?: number }).minItems).toBeUndefined();
  });
});
