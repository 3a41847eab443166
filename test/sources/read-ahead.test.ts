import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadGateInputs } from '../../src/sources/load.js';
import { ReadAhead } from '../../src/sources/read-ahead.js';

test('a read started ahead is the one taken, once; a second take reads again', async () => {
  const reads: string[] = [];
  const ahead = new ReadAhead(async (path, what) => {
    reads.push(`${what}:${path}`);
    return new TextEncoder().encode(path);
  });
  ahead.start('a.json', 'a gate input');
  ahead.start('a.json', 'a gate input'); // already under way
  expect(reads).toEqual(['a gate input:a.json']);
  expect(new TextDecoder().decode(await ahead.take('a.json', 'a gate input'))).toBe('a.json');
  await ahead.take('a.json', 'a gate input');
  expect(reads).toEqual(['a gate input:a.json', 'a gate input:a.json']);
  // standard input is read where it is named, never ahead
  ahead.start('-', 'a gate input');
  expect(reads).toHaveLength(2);
});

test('a failed read ahead is reported when its input is taken, not before, and never as unhandled', async () => {
  const ahead = new ReadAhead(async (path) => {
    throw new Error(`${path}: no such file or directory`);
  });
  ahead.start('gone.json', 'a gate input');
  await new Promise((resolve) => setTimeout(resolve, 10));
  await expect(ahead.take('gone.json', 'a gate input')).rejects.toThrow('gone.json: no such file');
});

test('the loader reads inputs ahead and still names each unreadable one in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-ahead-'));
  const config = (alias: string) =>
    JSON.stringify({ DistributionConfig: { Aliases: { Quantity: 1, Items: [alias] } } });
  writeFileSync(join(dir, 'one.json'), config('one.example.com'));
  writeFileSync(join(dir, 'three.json'), config('three.example.com'));
  writeFileSync(join(dir, 'acm.json'), '{"Certificate": {"CertificateArn": 1}');
  const { inputs, errors } = await loadGateInputs(
    [join(dir, 'one.json'), join(dir, 'two.json'), dir, join(dir, 'three.json')],
    { certs: [join(dir, 'acm.json'), join(dir, 'gone.pem')], parameters: {} },
  );
  expect(inputs.distributions.map((d) => d.aliases[0]?.value)).toEqual([
    'one.example.com',
    'three.example.com',
  ]);
  expect(errors.map((e) => e.message.replace(dir, 'DIR'))).toEqual([
    'DIR/two.json: no such file or directory',
    'DIR: is a directory without manifest.json (expected a CDK cloud assembly such as cdk.out)',
    expect.stringMatching(/^DIR\/acm\.json:1:\d+: /),
    'DIR/gone.pem: no such file or directory',
  ]);
});
