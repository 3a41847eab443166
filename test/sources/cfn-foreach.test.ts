/**
 * Fn::ForEach (AWS::LanguageExtensions): expanded as CloudFormation expands it, located where the
 * loop writes each value, and reported when the collection is only known at deploy time.
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { expandForEach, MAX_FOREACH_ITEMS } from '../../src/sources/cfn-foreach.js';
import { load, loadText, writeFiles } from './helpers.js';

const template = (collection: string, extra = '') => `
Transform: AWS::LanguageExtensions
Parameters:
  Sites:
    Type: CommaDelimitedList
    Default: docs,shop
Resources:
  Fn::ForEach::Sites:
    - Site
    - ${collection}
    - 'Dist&{Site}':
        Type: AWS::CloudFront::Distribution
        Properties:
          DistributionConfig:
            Aliases:
              - !Sub '\${Site}.example.org'
            ViewerCertificate:
              AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
              SslSupportMethod: sni-only
${extra}`;

describe('Fn::ForEach', () => {
  test('each item is a resource, named and located as the loop writes it', async () => {
    const { inputs, errors } = await loadText('t.yaml', template('!Ref Sites'));
    expect(errors).toEqual([]);
    expect(inputs.distributions.map((d) => d.id)).toEqual(['Distdocs', 'Distshop']);
    expect(inputs.distributions.map((d) => d.aliases[0]?.value)).toEqual([
      'docs.example.org',
      'shop.example.org',
    ]);
    // both aliases are written on line 16 (the loop's template), column 17
    expect(inputs.distributions[1]?.aliases[0]?.location).toMatchObject({ line: 16, column: 17 });
  });

  test('the collection may be a literal list, or a --parameter value; &{} drops non-alphanumerics', async () => {
    const literal = await loadText('t.yaml', template('[a-1, b.2]'));
    expect(literal.inputs.distributions.map((d) => d.id)).toEqual(['Dista1', 'Distb2']);
    const given = await loadText('t.yaml', template('!Ref Sites'), { parameters: { Sites: 'x, y, z' } });
    expect(given.inputs.distributions.map((d) => d.aliases[0]?.value)).toEqual([
      'x.example.org',
      'y.example.org',
      'z.example.org',
    ]);
  });

  test('loops nest', async () => {
    const nested = `
Transform: [AWS::LanguageExtensions]
Resources:
  Fn::ForEach::Envs:
    - Env
    - [dev, prod]
    - Fn::ForEach::Apps:
        - App
        - [web, api]
        - '\${App}\${Env}':
            Type: AWS::CloudFront::Distribution
            Properties:
              DistributionConfig:
                Aliases: [!Sub '\${App}.\${Env}.example.org']
`;
    const { inputs } = await loadText('n.yaml', nested);
    expect(inputs.distributions.map((d) => `${d.id}=${String(d.aliases[0]?.value)}`).sort()).toEqual([
      'apidev=api.dev.example.org',
      'apiprod=api.prod.example.org',
      'webdev=web.dev.example.org',
      'webprod=web.prod.example.org',
    ]);
  });

  test('a collection known only at deploy time is not examined, and says so', async () => {
    const dir = writeFiles({ 't.yaml': template('!GetAZs us-east-1') });
    const { results } = await check([join(dir, 't.yaml')]);
    const found = results.flatMap((r) => r.findings).filter((f) => f.code === 'INPUT_NOT_EXAMINED');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', location: { line: 9 } });
    expect(String(found[0]?.args.reason)).toContain('deploy time');
  });

  test('without the transform, Fn::ForEach keys are left alone', async () => {
    const { inputs } = await load([]);
    expect(inputs.distributions).toEqual([]);
    const doc = {
      source: 'x',
      syntax: 'json' as const,
      value: { Resources: {} },
      locator: () => ({ source: 'x' }),
    };
    expect(expandForEach(doc, {}).doc).toBe(doc);
  });

  test('a loop that would multiply without end is stopped', () => {
    const big = Array.from({ length: 200 }, (_, i) => `i${i}`);
    const value = {
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        'Fn::ForEach::A': ['A', big, { 'Fn::ForEach::B': ['B', big, { '${A}${B}': { Type: 'X' } }] }],
      },
    };
    const doc = { source: 'x', syntax: 'json' as const, value, locator: () => ({ source: 'x' }) };
    const { unexpanded } = expandForEach(doc, {});
    expect(unexpanded.length).toBeGreaterThan(0);
    expect(unexpanded[0]?.reason).toContain(String(MAX_FOREACH_ITEMS));
  });
});
