import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { load, loadText, stdinOf, writeFiles } from './helpers.js';

describe('bad input: one LoadError line naming the file (and position), other inputs still read', () => {
  // [name, file name, content, message after the path]
  const rows: [string, string, string | Uint8Array, string | RegExp][] = [
    [
      'malformed JSON',
      'bad.json',
      '{\n  "DistributionConfig": {\n    "Aliases": {"Quantity": 1,}\n  }\n}\n',
      ":3:31: expected a property name in double quotes, found token '}'",
    ],
    ['truncated JSON', 'cut.json', '{"DistributionConfig": {"Aliases": ', ':1:36: unexpected end of input'],
    [
      'malformed YAML',
      'bad.yaml',
      'Resources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n   Properties: {}\n',
      /^:4:\d+: all mapping items must start at the same column$/,
    ],
    [
      'duplicate YAML key outside a template',
      'dup.yaml',
      'DistributionConfig:\n  Aliases: {Quantity: 0}\n  Aliases: {Quantity: 1}\n',
      ':3:3: duplicate mapping key',
    ],
    [
      'JSON that is no known input',
      'package.json',
      '{"name": "x", "version": "1.0.0"}',
      ': not a recognised input (expected aws cloudfront or aws acm CLI JSON, a CloudFormation template, a Terraform plan from terraform show -json, or a CDK cloud assembly)',
    ],
    ['a YAML scalar', 'notes.txt', 'just some words\n', /^: not a recognised input/],
    ['an empty file', 'empty.json', '  \n', ': empty input; expected JSON or YAML'],
    [
      'a PEM certificate given as an input',
      'chain.pem',
      readFileSync('examples/certs/fullchain.pem', 'utf8'),
      ': holds PEM blocks, not JSON or YAML; pass certificate files with --cert ARN=FILE',
    ],
    [
      'a DER certificate given as an input',
      'leaf.der',
      readFileSync('examples/certs/leaf.der'),
      ': holds DER data, not JSON or YAML; pass certificate files with --cert ARN=FILE',
    ],
    [
      'binary data',
      'blob.bin',
      new Uint8Array([0x7b, 0x00, 0x01, 0x02]),
      ': holds binary data, not JSON or YAML',
    ],
    ['Resources that is not a mapping', 't.json', '{"Resources": [1, 2]}', /^: not a recognised input/],
    [
      'deep JSON',
      'deep.json',
      `{"Resources": ${'['.repeat(400)}${']'.repeat(400)}}`,
      ':1:270: nesting deeper than 256 levels',
    ],
  ];
  test.each(rows)('%s', async (_, name, content, want) => {
    const dir = writeFiles({
      [name]: content,
      'good.json': readFileSync('examples/cloudfront/get-distribution-config.json'),
    });
    const path = join(dir, name);
    const { inputs, errors } = await load([path, join(dir, 'good.json')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.source).toBe(path);
    const rest = errors[0]!.message.slice(path.length);
    expect(errors[0]!.message.startsWith(path)).toBe(true);
    if (want instanceof RegExp) expect(rest).toMatch(want);
    else expect(rest).toBe(want);
    expect(errors[0]!.message).not.toContain('\n');
    // named by its CallerReference (get-distribution-config output has no Id), read from good.json
    expect(inputs.distributions.map((d) => [d.id, d.source])).toEqual([
      ['site-2026-08-01', join(dir, 'good.json')],
    ]);
  });

  test('a missing file', async () => {
    const { errors } = await load(['/nonexistent/plan.json']);
    expect(errors).toEqual([
      { source: '/nonexistent/plan.json', message: '/nonexistent/plan.json: no such file or directory' },
    ]);
  });

  test('standard input', async () => {
    const text = readFileSync('examples/cloudfront/get-distribution-config.json', 'utf8');
    const { inputs, errors } = await load(['-'], {}, stdinOf(text));
    expect(errors).toEqual([]);
    expect(inputs.distributions[0]).toMatchObject({
      id: 'site-2026-08-01',
      source: '-',
      etag: 'E2QWRUHEXAMPLE',
    });
    expect(inputs.distributions[0]!.aliases[0]!.location).toMatchObject({ source: '-', line: 7, column: 17 });
    const bad = await load(['-'], {}, stdinOf('{"a": }'));
    expect(bad.errors).toEqual([{ source: '<stdin>', message: "<stdin>:1:7: unexpected token '}'" }]);
  });

  test('a template with a huge alias list loads without hanging', async () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `a${i}.example.com`);
    const text = JSON.stringify({
      Parameters: { Stage: { Type: 'String' } },
      Conditions: { A: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
      Resources: {
        D: {
          Type: 'AWS::CloudFront::Distribution',
          Condition: 'A',
          Properties: { DistributionConfig: { Aliases: aliases } },
        },
      },
    });
    const start = Date.now();
    const { inputs } = await loadText('big.json', text);
    expect(inputs.distributions[0]!.aliases).toHaveLength(20_000);
    expect(inputs.sourceFindings[0]!.finding.args).toMatchObject({ field: 'Condition' });
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  // CloudFormation refuses circular conditions for the whole template ("Template format error"),
  // so the gate does too: it used to warn "refers to itself" and check the distribution as if created
  test('a template whose conditions refer to each other in a circle is unreadable', async () => {
    const text = JSON.stringify({
      Conditions: { A: { Condition: 'B' }, B: { 'Fn::Not': [{ Condition: 'A' }] } },
      Resources: { D: { Type: 'AWS::CloudFront::Distribution', Condition: 'A', Properties: {} } },
    });
    const { inputs, errors } = await loadText('circle.json', text);
    expect(inputs.distributions).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /circle\.json:1:20: conditions refer to each other in a circle \(A → B → A\); CloudFormation refuses the template$/,
    );
  });
});

describe('the examples in examples/cloudfront', () => {
  const dir = 'examples/cloudfront';
  const files = readdirSync(dir).filter((f) => /\.(json|yaml)$/.test(f));

  test.each(files)('%s loads without errors', async (file) => {
    const { inputs, errors } = await load([join(dir, file)], { region: 'us-east-1' });
    expect(errors).toEqual([]);
    expect(inputs.distributions.length + inputs.evidence.length).toBeGreaterThan(0);
  });

  test('the certificate evidence matches the distributions that name it', async () => {
    const { inputs, errors } = await load(
      [
        join(dir, 'get-distribution-config.json'),
        join(dir, 'alias-not-covered.json'),
        join(dir, 'imported-chain.json'),
      ],
      {
        certs: [
          join(dir, 'acm-certificate.json'),
          join(dir, 'acm-certificate-example-net.json'),
          'arn:aws:acm:us-east-1:111122223333:certificate/0d2e4f6a-8b0c-4d1e-a3f5-b7c9d1e3f5a7=examples/certs/fullchain.pem',
        ],
      },
    );
    expect(errors).toEqual([]);
    expect(inputs.evidence.map((e) => e.kind)).toEqual(['acm-describe', 'acm-describe', 'pem']);
    expect(inputs.sourceFindings).toEqual([]);
  });
});
