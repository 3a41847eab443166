// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation `${}` substitutions, not JS templates
/**
 * Hostile CloudFormation templates, each generated here: intrinsics whose results grow
 * exponentially (nested Fn::Sub, Fn::FindInMap chains, Fn::Base64, condition chains), templates
 * CloudFormation refuses (circular conditions, a Default that is a Ref, a list item that is a
 * list) and nesting or keys in numbers no real template has. Each run is the real executable
 * with a heap cap: it ends with the exact exit code and a finding or one-line error, never a
 * hang, an out-of-memory abort or a pass.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnCertgate } from '../support/spawn-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'certgate-hostile-cfn-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

/** A hang guard far above the second these take: catches a hang, is not a timing test. */
const HANG_GUARD_MS = 60_000;
const HEAP_MIB = 512;
const PEAK_MIB = 700;

const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';

/** A distribution whose first alias is `alias` (any expression). */
function distribution(alias: unknown, extra: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::CloudFront::Distribution',
    ...extra,
    Properties: {
      DistributionConfig: {
        Aliases: [alias],
        ViewerCertificate: { AcmCertificateArn: ARN, SslSupportMethod: 'sni-only' },
      },
    },
  };
}

interface Report {
  verdict: string;
  results: { subject: { id: string }; findings: { code: string; severity: string; message: string }[] }[];
}

async function check(path: string) {
  const r = await spawnCertgate(['check', path, '--region', 'us-east-1', '--format', 'json'], {
    timeoutMs: HANG_GUARD_MS,
    maxHeapMiB: HEAP_MIB,
  });
  expect(r.timedOut, 'hang guard').toBe(false);
  expect(r.peakMiB).toBeLessThan(PEAK_MIB);
  return r;
}

/** Runs check and returns the findings of distribution `id` (the run must fail with exit 1). */
async function failingFindings(path: string, id = 'D') {
  const r = await check(path);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.verdict).toBe('fail');
  const result = report.results.find((x) => x.subject.id === id);
  expect(result, `a result for ${id}`).toBeDefined();
  return result!.findings;
}

/** Runs check and returns its one error line (the run must end with exit 2). */
async function inputError(path: string): Promise<string> {
  const r = await check(path);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

const notExamined = (findings: { code: string; severity: string; message: string }[]) =>
  findings.find((f) => f.code === 'INPUT_NOT_EXAMINED');

describe('intrinsics that grow exponentially stop at a bound, as an error finding on the resource', () => {
  test('nested Fn::Sub, each level using its variable eight times (under 1 KB)', async () => {
    let expr: unknown = 'ab';
    for (let i = 0; i < 12; i++) expr = { 'Fn::Sub': ['${a}'.repeat(8), { a: expr }] };
    const text = JSON.stringify({ Resources: { D: distribution(expr) } });
    expect(text.length).toBeLessThan(1024);
    const f = notExamined(await failingFindings(file('sub.json', text)));
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain('resource D (Properties.DistributionConfig.Aliases.0)');
    expect(f!.message).toContain('a value larger than 1,048,576 characters');
  });

  test('a Fn::FindInMap chain: each mapping joins the one before ten times (under 3 KB)', async () => {
    const Mappings: Record<string, unknown> = { M0: { k: { v: 'ab' } } };
    for (let i = 1; i < 8; i++) {
      const previous = { 'Fn::FindInMap': [`M${i - 1}`, 'k', 'v'] };
      Mappings[`M${i}`] = { k: { v: { 'Fn::Join': ['', Array(10).fill(previous)] } } };
    }
    const text = JSON.stringify({
      Mappings,
      Resources: { D: distribution({ 'Fn::FindInMap': ['M7', 'k', 'v'] }) },
    });
    expect(text.length).toBeLessThan(3 * 1024);
    const f = notExamined(await failingFindings(file('map.json', text)));
    expect(f!.message).toContain('a value larger than 1,048,576 characters');
  });

  test('Fn::Join and Fn::Split doubling a list through YAML anchors (each level aliases the last twice)', async () => {
    let yaml = 'Mappings:\n  M:\n    k:\n      v: [a, b]\nMetadata:\n  L0: &l0 !FindInMap [M, k, v]\n';
    for (let i = 1; i < 30; i++)
      yaml += `  L${i}: &l${i} !Split [',', !Join [',', [!Join [',', *l${i - 1}], !Join [',', *l${i - 1}]]]]\n`;
    yaml += `Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: [!Select [0, *l29]]\n`;
    const line = await inputError(file('split.yaml', yaml));
    expect(line).toMatch(/split\.yaml:\d+:\d+: aliases expand to more than 100000 nodes$/);
  });

  test('Fn::Base64 nested 30 deep grows by a third at each level', async () => {
    let expr: unknown = 'x'.repeat(2000);
    for (let i = 0; i < 30; i++) expr = { 'Fn::Base64': expr };
    const f = notExamined(
      await failingFindings(file('b64.json', JSON.stringify({ Resources: { D: distribution(expr) } }))),
    );
    expect(f!.message).toMatch(/a value larger than|nested deeper than 32 levels/);
  });

  test('a chain of 100,000 conditions, each the Condition of the next', async () => {
    const Conditions: Record<string, unknown> = { C0: { 'Fn::Equals': ['a', 'a'] } };
    for (let i = 1; i < 100_000; i++) Conditions[`C${i}`] = { Condition: `C${i - 1}` };
    const text = JSON.stringify({
      Conditions,
      Resources: { D: distribution('www.example.com', { Condition: 'C99999' }) },
    });
    const f = notExamined(await failingFindings(file('conditions.json', text)));
    expect(f!.message).toContain('intrinsic functions nested deeper than 32 levels');
  });

  test('conditions sharing sub-conditions (a DAG of Fn::Or) are evaluated once each', async () => {
    const Conditions: Record<string, unknown> = { C0: { 'Fn::Equals': ['a', 'b'] } };
    for (let i = 1; i < 14; i++)
      Conditions[`C${i}`] = { 'Fn::Or': Array(10).fill({ Condition: `C${i - 1}` }) };
    // C13 is false, and only remembering each condition makes that cheap: 10^13 paths otherwise
    const expr = { 'Fn::If': ['C13', 'bad.example.com', 'www.example.com'] };
    const text = JSON.stringify({ Conditions, Resources: { D: distribution(expr) } });
    const r = await check(file('dag.json', text));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.verdict).toBe('pass');
    expect(notExamined(report.results[0]!.findings)).toBeUndefined();
    expect(r.stdout).not.toContain('bad.example.com');
  });

  test('the work of one template is bounded: later distributions say they were not examined', async () => {
    // each distribution joins a 400 KB mapping value twice (800 KB written), then picks a plain alias
    const big = 'x'.repeat(400_000);
    const Resources: Record<string, unknown> = {};
    for (let i = 0; i < 60; i++) {
      const part = { 'Fn::FindInMap': ['M', 'k', 'v'] };
      const alias = { 'Fn::Select': [1, [{ 'Fn::Join': ['', [part, part]] }, `d${i}.example.com`]] };
      Resources[`D${String(i).padStart(2, '0')}`] = distribution(alias);
    }
    const text = JSON.stringify({ Mappings: { M: { k: { v: big } } }, Resources });
    const r = await check(file('work.json', text));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    const over = report.results.filter((x) =>
      x.findings.some((f) => f.code === 'INPUT_NOT_EXAMINED' && f.message.includes('evaluation work above')),
    );
    expect(over.length).toBeGreaterThan(0);
    expect(over.at(-1)!.subject.id).toBe('D59');
    expect(report.results).toHaveLength(60);
    // the ones before the bound were checked: they pass their aliases on to the rules
    expect(report.results[0]!.findings.some((f) => f.code === 'INPUT_NOT_EXAMINED')).toBe(false);
  });
});

describe('templates CloudFormation refuses are refused, never passed', () => {
  test('circular Conditions: exit 2 naming the circle', async () => {
    const text = `Conditions:\n  A: !Not [!Condition B]\n  B: !And [!Condition C, !Equals [a, a]]\n  C: !Condition A\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Condition: A\n    Properties:\n      DistributionConfig:\n        Aliases: [www.example.com]\n`;
    const line = await inputError(file('circle.yaml', text));
    expect(line).toMatch(
      /^certgate: error: .*circle\.yaml:\d+:\d+: conditions refer to each other in a circle \(A → B → C → A\); CloudFormation refuses the template$/,
    );
  });

  test('a parameter whose Default is a Ref of another parameter: exit 2', async () => {
    const text = `Parameters:\n  Site: {Type: String, Default: www.example.com}\n  Alias: {Type: String, Default: !Ref Site}\nResources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: [!Ref Alias]\n`;
    const line = await inputError(file('default.yaml', text));
    expect(line).toMatch(
      /default\.yaml:3:34: the Default of parameter Alias is not a literal value \(CloudFormation allows no Ref or other function there, and refuses the template\)$/,
    );
    expect(line).not.toContain('[object Object]');
  });

  test('an alias that is itself a list: an error finding, the verdict fails', async () => {
    const text = `Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: [[www.example.com], ok.example.com]\n`;
    const findings = await failingFindings(file('item.yaml', text));
    const invalid = findings.find((f) => f.code === 'INPUT_TEMPLATE_INVALID');
    expect(invalid).toMatchObject({ severity: 'error' });
    expect(invalid!.message).toContain('Aliases[0] is a list, not a string');
  });

  test('Aliases that is a string, not a list: an error finding', async () => {
    const text = JSON.stringify({
      Resources: {
        D: { ...distribution('x'), Properties: { DistributionConfig: { Aliases: 'www.example.com' } } },
      },
    });
    const findings = await failingFindings(file('string.json', text));
    expect(findings.find((f) => f.code === 'INPUT_TEMPLATE_INVALID')!.message).toContain(
      'Aliases is a string, not a list of strings',
    );
  });

  test('aliases nested 40 deep (within the document bound): an error finding', async () => {
    const alias = JSON.parse(`${'['.repeat(40)}"www.example.com"${']'.repeat(40)}`);
    const findings = await failingFindings(
      file('nested40.json', JSON.stringify({ Resources: { D: distribution(alias) } })),
    );
    expect(findings.find((f) => f.code === 'INPUT_TEMPLATE_INVALID')!.message).toContain(
      'Aliases[0] is a list, not a string',
    );
  });

  test('Fn::Join of a list of lists is malformed: an error finding, not the alias "a,b"', async () => {
    const alias = { 'Fn::Join': [',', [['a', 'b'], 'c']] };
    const findings = await failingFindings(
      file('join.json', JSON.stringify({ Resources: { D: distribution(alias) } })),
    );
    expect(findings.find((f) => f.code === 'INPUT_TEMPLATE_INVALID')!.message).toContain('is malformed');
  });
});

describe('nesting and keys in numbers no real template has', () => {
  const deep = 200_000;
  test.each([
    [
      'JSON',
      'deep.json',
      `{"Resources":{"D":{"Type":"AWS::CloudFront::Distribution","Properties":{"DistributionConfig":{"Aliases":${'['.repeat(deep)}"a.example.com"${']'.repeat(deep)}}}}}}`,
    ],
    ['JSON beyond 4 MiB', 'deep-big.json', `{"Aliases":${'['.repeat(3_000_000)}${']'.repeat(3_000_000)}}`],
    [
      'YAML flow',
      'deep.yaml',
      `Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: ${'['.repeat(deep)}a.example.com${']'.repeat(deep)}\n`,
    ],
    ['YAML compact sequences', 'compact.yaml', `Aliases:\n  ${'- '.repeat(deep)}a.example.com\n`],
  ])('aliases nested 200,000 deep (%s): exit 2, nesting deeper than 256 levels', async (_, name, text) => {
    const line = await inputError(file(name, text));
    expect(line).toMatch(
      new RegExp(`${name.replace('.', '\\.')}:1?\\d*:?\\d+: nesting deeper than 256 levels$`),
    );
  });

  test('an alias chain 80,000 deep (each anchor a list of the one before): exit 2', async () => {
    let text = 'A0: &a0 www.example.com\n';
    for (let i = 1; i < 80_000; i++) text += `A${i}: &a${i} [*a${i - 1}]\n`;
    text +=
      'Resources:\n  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: *a79999\n';
    const line = await inputError(file('aliases.yaml', text));
    expect(line).toMatch(
      /aliases\.yaml:\d+:\d+: (nesting deeper than 256 levels|aliases expand to more than 100000 nodes)$/,
    );
  });

  test('YAML with 100,000 keys is read (the duplicate-key check is linear)', async () => {
    let text = 'Resources:\n';
    for (let i = 0; i < 100_000; i++) text += `  B${i}: {Type: X}\n`;
    text += `  D:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Aliases: [www.example.com]\n        ViewerCertificate: {AcmCertificateArn: '${ARN}', SslSupportMethod: sni-only}\n`;
    const r = await check(file('keys.yaml', text));
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((x) => x.subject.id)).toContain('D');
    expect([0, 1]).toContain(r.code);
  });

  test('YAML with 100,000 keys and one repeated at the end: read last-wins, warned at the repeat', async () => {
    let text = 'Resources:\n';
    for (let i = 0; i < 100_000; i++) text += `  B${i}: {Type: X}\n`;
    text += '  B7: {Type: Y}\n';
    const r = await check(file('dup.yaml', text));
    expect(r.stderr).not.toMatch(/duplicate mapping key/);
    const report = JSON.parse(r.stdout) as Report;
    const dup = report.results.flatMap((x) => x.findings).find((f) => f.code === 'INPUT_DUPLICATE_KEY');
    expect(dup).toMatchObject({ severity: 'warning', location: { line: 100002, column: 3 } });
  });

  test('YAML larger than the YAML bound: exit 2 naming the bound', async () => {
    const text = `Resources: {}\nPad: '${'x'.repeat(2 * 1024 * 1024)}'\n`;
    const line = await inputError(file('big.yaml', text));
    expect(line).toMatch(
      /big\.yaml: YAML input larger than 2 MiB \(give large inputs as JSON, e\.g\. --output json\)$/,
    );
  });

  test('JSON with an unterminated string full of escaped quotes is refused in one pass', async () => {
    const line = await inputError(file('quotes.json', `{"a": "${'\\"'.repeat(1_000_000)}`));
    expect(line).toMatch(/quotes\.json:1:7: unterminated string$/);
  });
});
