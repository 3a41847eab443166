// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
/**
 * Fuzzing the YAML reader and the CloudFormation resolver: real-looking templates built here,
 * mutated as text (YAML indicators, anchors and aliases, tags, brackets, indentation, deleted and
 * repeated lines) and as structure (random intrinsic expressions, shared sub-expressions,
 * conditions and mappings pointing at each other). Every call must return a result or throw the
 * module's documented error (InputError from the readers, CfnLimitError from the resolver), never
 * anything else, and never hang. Seeded, so failures reproduce.
 */

import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/findings/input-error.js';
import { CfnLimitError, CfnResolver } from '../../src/sources/cfn-intrinsics.js';
import { readTemplate } from '../../src/sources/cloudformation.js';
import type { SourceDocument } from '../../src/sources/document.js';
import { collected } from '../../src/sources/fields.js';
import { parseJsonDocument } from '../../src/sources/json-document.js';
import { parseYamlDocument } from '../../src/sources/yaml-document.js';
import { cpuNowMs } from '../support/cpu-time.js';
import { prng } from '../support/prng.js';

const SEED = 0xcf_5eed;
/** Bound per call, in CPU time (a loaded machine does not trip it): only catches hangs and pathological blow-ups. */
const MAX_MS = 1500;

type Rand = () => number;
const pick = (rand: Rand, n: number) => Math.floor(rand() * n);
const oneOf = <T>(rand: Rand, items: readonly T[]): T => items[pick(rand, items.length)]!;

const SEED_TEMPLATES = [
  `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Domain: {Type: String, Default: example.com}
  Stage: {Type: String, Default: prod, AllowedValues: [prod, dev]}
  Names: {Type: CommaDelimitedList, Default: 'a,b,c'}
  CertArn: {Type: String}
Mappings:
  Policy:
    prod: {Minimum: TLSv1.2_2021, Hosts: [www, api]}
    dev: {Minimum: TLSv1.2_2019, Hosts: [dev]}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  HasCert: !Not [!Equals [!Ref CertArn, '']]
  Both: !And [!Condition IsProd, !Condition HasCert]
Resources:
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: !Sub 'www.\${Domain}'
      SubjectAlternativeNames: [!Sub 'api.\${Domain}', !Join ['.', [static, !Ref Domain]]]
      ValidationMethod: DNS
  Site:
    Type: AWS::CloudFront::Distribution
    Condition: IsProd
    Properties:
      DistributionConfig:
        Aliases:
          - !Sub 'www.\${Domain}'
          - !If [Both, !Select [1, !Split [',', 'x,api.example.com']], !Ref AWS::NoValue]
          - &shared !Join ['', [!Select [0, !FindInMap [Policy, !Ref Stage, Hosts]], ., !Ref Domain]]
        Enabled: true
        ViewerCertificate:
          AcmCertificateArn: !If [HasCert, !Ref CertArn, !Ref Cert]
          SslSupportMethod: sni-only
          MinimumProtocolVersion: !FindInMap [Policy, !Ref Stage, Minimum]
  Copy:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: [*shared, !Base64 plain, !ImportValue shared-alias]
        ViewerCertificate: {CloudFrontDefaultCertificate: true}
`,
  `Resources:
  D:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Aliases: !Split [',', !Sub ['\${a},\${b}', {a: x.example.com, b: !GetAtt Other.DomainName}]]
        ViewerCertificate: !If [Missing, {CloudFrontDefaultCertificate: true}, {AcmCertificateArn: arn:aws:acm:us-east-1:1:certificate/x}]
`,
];

/** Pieces a mutation inserts: the characters and words YAML and CloudFormation give meaning to. */
const FRAGMENTS = [
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '!Ref ',
  '!Sub ',
  '!If ',
  '!Join ',
  '!Condition ',
  '!Base64 ',
  '!FindInMap ',
  "'",
  '"',
  '\\',
  '#',
  '|',
  '>',
  '\n',
  '\n  ',
  '\t',
  '${Domain}',
  '${!x}',
  '${AWS::Region}',
  'Fn::Sub',
  'Ref',
  '<<: ',
  '---\n',
  '%YAML 1.2\n',
  '\u0000',
  '\u202e',
  '__proto__: ',
  'constructor: ',
  '~',
  'null',
  'true',
  '0x1f',
  '012345678901',
  '.inf',
];

type TextMutator = (text: string, rand: Rand) => string;
const TEXT_MUTATORS: Record<string, TextMutator> = {
  insert: (t, rand) => {
    const at = pick(rand, t.length + 1);
    return t.slice(0, at) + oneOf(rand, FRAGMENTS) + t.slice(at);
  },
  delete: (t, rand) => {
    const at = pick(rand, t.length);
    return t.slice(0, at) + t.slice(at + 1 + pick(rand, 12));
  },
  lines: (t, rand) => {
    const lines = t.split('\n');
    const i = pick(rand, lines.length);
    const j = pick(rand, lines.length);
    const op = pick(rand, 3);
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, lines[j]!);
    else lines[i] = ` ${lines[i]}`;
    return lines.join('\n');
  },
  brackets: (t, rand) => {
    const at = pick(rand, t.length + 1);
    const n = 1 + pick(rand, 400);
    return t.slice(0, at) + oneOf(rand, ['[', '{', '- ', '[[', '{a: ']).repeat(n) + t.slice(at);
  },
  anchors: (t, rand) => {
    // an anchor on one node, aliases to it elsewhere: sharing, and loops when it aliases itself
    const lines = t.split('\n');
    const i = pick(rand, lines.length);
    lines[i] = lines[i]!.replace(/: /, ': &z ');
    for (let k = 0, n = 1 + pick(rand, 4); k < n; k++) {
      const j = pick(rand, lines.length);
      lines[j] = lines[j]!.replace(/: (.*)$/, ': [*z, *z]');
    }
    return lines.join('\n');
  },
  truncate: (t, rand) => t.slice(0, pick(rand, t.length)),
};

/** The two outcomes a reader may have; anything else fails the test with the input's label. */
function attempt(run: () => unknown, label: string, allowed: (e: unknown) => boolean): 'ok' | 'error' {
  const start = cpuNowMs();
  let outcome: 'ok' | 'error' = 'ok';
  try {
    run();
  } catch (e) {
    if (!allowed(e)) throw new Error(`${label}: unexpected ${e instanceof Error ? e.stack : String(e)}`);
    outcome = 'error';
  }
  const ms = cpuNowMs() - start;
  if (ms > MAX_MS) throw new Error(`${label}: took ${ms.toFixed(0)} ms of CPU`);
  return outcome;
}

const inputError = (e: unknown) => e instanceof InputError && !e.message.includes('internal error');

/** Parses and reads a template the way `certgate check` does, touching every finding's location. */
function readAll(doc: SourceDocument): void {
  const out = collected();
  readTemplate(doc, { format: 'cloudformation', parameters: {}, region: 'us-east-1' }, out);
  for (const { finding } of out.findings) void [finding.location.line, JSON.stringify(finding.args)];
  for (const d of out.distributions) void d.aliases.map((a) => a.location.line);
}

describe('fuzz: YAML reader and template reader on mutated templates', () => {
  test.each(Object.keys(TEXT_MUTATORS))('mutations: %s', (name) => {
    const rand = prng(SEED ^ (name.length * 131) ^ name.charCodeAt(0));
    const mutate = TEXT_MUTATORS[name]!;
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 400; i++) {
      let text = SEED_TEMPLATES[i % SEED_TEMPLATES.length]!;
      for (let k = 0, n = 1 + pick(rand, 3); k < n; k++) text = mutate(text, rand);
      let doc: SourceDocument | undefined;
      const parsed = attempt(() => (doc = parseYamlDocument('t.yaml', text)), `${name} #${i}`, inputError);
      if (parsed === 'ok' && doc && typeof doc.value === 'object' && doc.value !== null)
        outcomes[attempt(() => readAll(doc!), `${name} read #${i}`, inputError)]++;
      else outcomes.error++;
    }
    // the mutations reach both the error paths and the reading of what still parses
    expect(outcomes.error).toBeGreaterThan(0);
    if (name !== 'brackets') expect(outcomes.ok).toBeGreaterThan(0);
  });

  test('the unmutated seeds read without error', () => {
    for (const text of SEED_TEMPLATES) expect(() => readAll(parseYamlDocument('t.yaml', text))).not.toThrow();
  });
});

/** A random expression of intrinsics; `pool` holds earlier nodes, reused to share sub-expressions. */
function expression(rand: Rand, depth: number, pool: unknown[]): unknown {
  if (pool.length > 0 && rand() < 0.25) return oneOf(rand, pool);
  if (depth <= 0 || rand() < 0.15) {
    return oneOf(rand, ['a', 'b.example.com', '', ',', '0', '1', 7, true, null, ['x', 'y'], { k: 'v' }]);
  }
  const e = () => expression(rand, depth - 1, pool);
  const node = (() => {
    switch (pick(rand, 14)) {
      case 0:
        return { 'Fn::Sub': oneOf(rand, ['${a}${a}${a}', 'x-${P}-${AWS::Region}', '${M.x}']) };
      case 1:
        return { 'Fn::Sub': ['${a}${b}${a}', { a: e(), b: e() }] };
      case 2:
        return { 'Fn::Join': [oneOf(rand, ['', ',', '--']), [e(), e(), e()]] };
      case 3:
        return { 'Fn::Select': [oneOf(rand, [0, 1, '2', -1, 'x']), e()] };
      case 4:
        return { 'Fn::Split': [oneOf(rand, [',', '', 'a']), e()] };
      case 5:
        return { 'Fn::If': [oneOf(rand, ['C0', 'C1', 'C2', 'Nope']), e(), e()] };
      case 6:
        return {
          'Fn::FindInMap': [
            oneOf(rand, ['M', 'N']),
            oneOf(rand, ['k', e()]),
            oneOf(rand, ['v', 'w']),
            ...(rand() < 0.3 ? [{ DefaultValue: e() }] : []),
          ],
        };
      case 7:
        return { 'Fn::Base64': e() };
      case 8:
        return { Ref: oneOf(rand, ['P', 'L', 'AWS::NoValue', 'AWS::Region', 'R', 'Nope', e()]) };
      case 9:
        return { 'Fn::GetAZs': e() };
      case 10:
        return { 'Fn::Equals': [e(), e()] };
      case 11:
        return { 'Fn::Or': [{ Condition: oneOf(rand, ['C0', 'C1', 'C2']) }, e()] };
      case 12:
        return [e(), e(), { 'Fn::GetAtt': ['R', 'Arn'] }];
      default:
        return { A: e(), B: e() };
    }
  })();
  pool.push(node);
  return node;
}

describe('fuzz: the resolver on random expressions with shared parts', () => {
  test('every expression resolves, or throws CfnLimitError, within the bound', () => {
    const rand = prng(SEED);
    const outcomes = { ok: 0, error: 0 };
    for (let i = 0; i < 1500; i++) {
      const pool: unknown[] = [];
      const conditions = {
        C0: { 'Fn::Equals': [expression(rand, 3, pool), 'a'] },
        C1: { 'Fn::Not': [{ Condition: 'C0' }] },
        C2: { 'Fn::And': [{ Condition: 'C1' }, { Condition: oneOf(rand, ['C0', 'C2']) }] },
      };
      const template = {
        Parameters: {
          P: { Type: 'String', Default: 'p' },
          L: { Type: 'CommaDelimitedList', Default: 'a,b' },
        },
        Mappings: { M: { k: { v: expression(rand, 4, pool), w: ['x', 'y'] } }, N: { k: { v: 'n' } } },
        Conditions: conditions,
        Resources: { R: { Type: 'AWS::S3::Bucket' } },
      };
      const expr = expression(rand, 2 + pick(rand, 40), pool);
      const resolver = new CfnResolver({ template, style: i % 2 ? 'json' : 'yaml', parameters: {} });
      const allowed = (e: unknown) => e instanceof CfnLimitError;
      outcomes[attempt(() => resolver.resolve(expr), `expression #${i}`, allowed)]++;
      attempt(() => resolver.condition(oneOf(rand, ['C0', 'C1', 'C2'])), `condition #${i}`, allowed);
    }
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.error, 'no expression reached a bound').toBeGreaterThan(0);
  });

  test('templates built from random expressions read as JSON: findings or an InputError', () => {
    const rand = prng(SEED ^ 0x9e37);
    for (let i = 0; i < 300; i++) {
      const pool: unknown[] = [];
      const distribution = (n: number) => ({
        Type: 'AWS::CloudFront::Distribution',
        ...(rand() < 0.3 ? { Condition: oneOf(rand, ['C0', 'C1', 'Nope']) } : {}),
        Properties: {
          DistributionConfig: {
            Aliases:
              rand() < 0.5
                ? [expression(rand, n, pool), expression(rand, n, pool)]
                : expression(rand, n, pool),
            ViewerCertificate: { AcmCertificateArn: expression(rand, n, pool), SslSupportMethod: 'sni-only' },
          },
        },
      });
      const template = {
        Parameters: {
          P: { Type: 'String', Default: rand() < 0.1 ? { Ref: 'L' } : 'p' },
          L: { Type: 'CommaDelimitedList', Default: 'a,b' },
        },
        Mappings: { M: { k: { v: expression(rand, 3, pool), w: 'w' } } },
        Conditions: {
          C0: { 'Fn::Equals': [{ Ref: 'P' }, 'p'] },
          C1: rand() < 0.1 ? { Condition: 'C1' } : { 'Fn::Not': [{ Condition: 'C0' }] },
        },
        Resources: { D1: distribution(2 + pick(rand, 10)), D2: distribution(2 + pick(rand, 30)) },
      };
      // JSON.stringify writes shared parts out in full: the text is the tree the reader sees
      const text = JSON.stringify(template);
      if (text.length > 4_000_000) continue;
      attempt(() => readAll(parseJsonDocument('t.json', text)), `template #${i}`, inputError);
    }
  });
});
