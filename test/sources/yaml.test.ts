// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
import { describe, expect, test } from 'vitest';
import { parseYamlDocument, SHORT_FORM_TAGS } from '../../src/sources/yaml-document.js';
import { loadText, positionOf, where } from './helpers.js';

describe('short-form tags become long forms', () => {
  // [YAML value, long form]
  const rows: [string, unknown][] = [
    ['!Ref Cert', { Ref: 'Cert' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!GetAtt Cert.Arn', { 'Fn::GetAtt': ['Cert', 'Arn'] }],
    ['!GetAtt Bucket.Outputs.Name', { 'Fn::GetAtt': ['Bucket', 'Outputs.Name'] }],
    ['!GetAtt [Cert, Arn]', { 'Fn::GetAtt': ['Cert', 'Arn'] }],
    ["!Sub 'www.${Domain}'", { 'Fn::Sub': 'www.${Domain}' }],
    ['!Sub [x, {A: b}]', { 'Fn::Sub': ['x', { A: 'b' }] }],
    ["!Join ['', [a, !Ref B]]", { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!If [C, a, b]', { 'Fn::If': ['C', 'a', 'b'] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ["!Split [',', a]", { 'Fn::Split': [',', 'a'] }],
    ['!ImportValue shared', { 'Fn::ImportValue': 'shared' }],
    ['!FindInMap [M, a, b]', { 'Fn::FindInMap': ['M', 'a', 'b'] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!Not [!Condition C]', { 'Fn::Not': [{ Condition: 'C' }] }],
    ['!And [a, b]', { 'Fn::And': ['a', 'b'] }],
    ['!Or [a, b]', { 'Fn::Or': ['a', 'b'] }],
    ['!Base64 {x: 1}', { 'Fn::Base64': { x: 1 } }],
    ['!Cidr [10.0.0.0/16, 2, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }],
    ['!Transform {Name: M}', { 'Fn::Transform': { Name: 'M' } }],
    // plain values as CloudFormation sees them
    ['012345678901', '012345678901'],
    ['2048', 2048],
    ['true', true],
    ['', null],
  ];
  test.each(rows)('%s', (yaml, want) => {
    expect(parseYamlDocument('t.yaml', `V: ${yaml}\n`).value).toEqual({ V: want });
  });

  test('every short form CloudFormation documents becomes its long form', () => {
    // The long form is the tag's name with `Fn::` before it, except Ref and Condition.
    const longForm = (tag: string) =>
      tag === '!Ref' || tag === '!Condition' ? tag.slice(1) : `Fn::${tag.slice(1)}`;
    for (const tag of [
      '!Ref',
      '!GetAtt',
      '!Sub',
      '!Join',
      '!If',
      '!Select',
      '!Split',
      '!ImportValue',
      '!FindInMap',
      '!Equals',
      '!Not',
      '!And',
      '!Or',
      '!Condition',
      '!Base64',
      '!GetAZs',
      '!Cidr',
    ]) {
      expect(SHORT_FORM_TAGS[tag], tag).toBe(longForm(tag));
      expect(parseYamlDocument('t.yaml', `V: ${tag} [a]\n`).value, tag).toEqual({
        V: { [longForm(tag)]: ['a'] },
      });
    }
  });
});

describe('positions', () => {
  const text = `Top:
  Block:
    - first
    - !Ref Second
  Flow: {a: [1, !Sub 'x'], b: "two"}
  Tagged: !If
    - Cond
    - !ImportValue yes
    - no
`;
  const doc = parseYamlDocument('p.yaml', text);
  // [path, needle at the value (a tagged value is located at its tag)]
  const rows: [(string | number)[], string][] = [
    [['Top', 'Block', 0], 'first'],
    [['Top', 'Block', 1], '!Ref'],
    [['Top', 'Flow'], '{a:'],
    [['Top', 'Flow', 'a', 1], "!Sub 'x'"],
    [['Top', 'Flow', 'b'], '"two"'],
    [['Top', 'Tagged'], '!If'],
    [['Top', 'Tagged', 'Fn::If'], '!If'],
    [['Top', 'Tagged', 'Fn::If', 1], '!ImportValue'],
    [['Top', 'Tagged', 'Fn::If', 2], 'no'],
    [['Top', 'Block', 9], '- first'],
  ];
  test.each(rows)('%j', (path, needle) => {
    const want = positionOf(text, needle);
    expect(where(doc.locator(path))).toEqual(path.at(-1) === 9 ? { line: 3, column: 5 } : want);
  });
});

describe('bad YAML: one line with file, line and column', () => {
  const rows: [string, string, RegExp][] = [
    ['malformed', 'a: b: c\n', /^m\.yaml:1:4: nested mappings are not allowed in compact mappings$/],
    ['unclosed flow', 'a: [1, 2\nb: 3\n', /^m\.yaml:2:1: /],
    ['two documents', 'a: 1\n---\nb: 2\n', /^m\.yaml:2:1: the file holds more than one YAML document$/],
    ['unknown alias', 'a: *nope\n', /^m\.yaml:1:4: /],
    ['complex key', '? [a, b]\n: c\n', /^m\.yaml:1:3: a mapping key must be a plain value$/],
  ];
  test.each(rows)('%s', (_, text, want) => {
    expect(() => parseYamlDocument('m.yaml', text)).toThrow(want);
  });

  test('an alias bomb stops at the expansion bound, quickly', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const start = Date.now();
    expect(() => parseYamlDocument('bomb.yaml', text)).toThrow(
      /^bomb\.yaml:\d+:\d+: aliases expand to more than 100000 nodes$/,
    );
    expect(Date.now() - start).toBeLessThan(5000);
  });

  test('a few aliases are fine', () => {
    expect(parseYamlDocument('a.yaml', 'a: &x {k: v}\nb: *x\n').value).toEqual({
      a: { k: 'v' },
      b: { k: 'v' },
    });
  });

  test('deep nesting is refused', () => {
    const flow = `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    expect(() => parseYamlDocument('deep.yaml', flow)).toThrow(/^deep\.yaml:1:\d+: nesting deeper than/);
    let block = 'a:\n';
    for (let i = 1; i < 300; i++) block += `${'  '.repeat(i)}k:\n`;
    expect(() => parseYamlDocument('deep.yaml', block)).toThrow(
      /^deep\.yaml:\d+:\d+: nesting deeper than 256 levels$/,
    );
  });

  test('__proto__ keys stay data', () => {
    const value = parseYamlDocument('x.yaml', '__proto__: {polluted: true}\n').value as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('YAML is read as any other input', () => {
  test('aws cloudfront get-distribution-config --output yaml', async () => {
    const text = `DistributionConfig:
  Aliases:
    Items:
    - www.example.com
    Quantity: 1
  ViewerCertificate:
    ACMCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
    SSLSupportMethod: sni-only
ETag: E2QWRUHEXAMPLE
`;
    const { inputs, errors } = await loadText('cli.yaml', text);
    expect(errors).toEqual([]);
    const d = inputs.distributions[0]!;
    expect(d).toMatchObject({ format: 'aws-cli', etag: 'E2QWRUHEXAMPLE', aliasesQuantity: { value: 1 } });
    expect(where(d.aliases[0]!.location)).toEqual(positionOf(text, 'www.example.com'));
  });

  test('a YAML document that is no known input', async () => {
    const { errors } = await loadText('other.yaml', 'name: my-app\nversion: 2\n');
    expect(errors).toEqual([
      {
        source: expect.stringMatching(/other\.yaml$/),
        message: expect.stringMatching(/other\.yaml: not a recognised input \(expected aws cloudfront/),
      },
    ]);
  });
});

describe('duplicate keys: the last value wins, each repeat listed with its position', () => {
  test('a repeated key keeps the later value and is listed at the repeat', () => {
    const doc = parseYamlDocument(
      'm.yaml',
      'Resources: {A: 1}\nOutputs:\n  X: a\n  X: b\nResources: {B: 2}\n',
    );
    expect(doc.value).toEqual({ Resources: { B: 2 }, Outputs: { X: 'b' } });
    expect(doc.duplicateKeys?.()).toEqual({
      first: [
        { path: ['Outputs', 'X'], line: 4, column: 3 },
        { path: ['Resources'], line: 5, column: 1 },
      ],
      count: 2,
    });
    expect(where(doc.locator(['Outputs', 'X']))).toEqual({ line: 4, column: 6 });
  });

  test('inside short forms and sequences the path has the long form and the index', () => {
    const doc = parseYamlDocument('m.yaml', 'A: !If [C, {k: 1, k: 2}, b]\n');
    expect(doc.value).toEqual({ A: { 'Fn::If': ['C', { k: 2 }, 'b'] } });
    expect(doc.duplicateKeys?.().first).toEqual([{ path: ['A', 'Fn::If', 1, 'k'], line: 1, column: 19 }]);
  });

  test('a repeat inside an anchor is listed once, not once per alias', () => {
    const doc = parseYamlDocument('m.yaml', 'a: &x {k: 1, k: 2}\nb: *x\nc: *x\n');
    expect(doc.duplicateKeys?.().count).toBe(1);
  });

  test('100,000 repeats: 20 listed, all counted', () => {
    const text = `M:\n${'  k: 1\n'.repeat(100_001)}`;
    const found = parseYamlDocument('m.yaml', text).duplicateKeys?.();
    expect(found?.count).toBe(100_000);
    expect(found?.first).toHaveLength(20);
  });
});
