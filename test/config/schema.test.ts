import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { configFlags } from '../../src/cli/config-file.js';
import { buildProgram } from '../../src/cli/main.js';
import { type JsonSchema, validate } from '../../src/config/json-schema.js';
import { configSchema } from '../../src/config/schema.js';

const sink = { write: () => true };
const stdin = (async function* () {})();
const program = buildProgram({ stdout: sink, stderr: sink, stdin, env: {} }, () => {});
const check = program.commands.find((c) => c.name() === 'check')!;
const published = JSON.parse(readFileSync('schema/certgate-config.schema.json', 'utf8')) as JsonSchema;

test('the published schema is the one built from the flags of certgate check (run npm run schema)', () => {
  const { flags, sections } = configFlags(check);
  expect(published).toEqual(configSchema(flags, sections));
});

test('probe: its own section, with the flags of certgate probe', () => {
  const probe = program.commands.find((c) => c.name() === 'probe')!;
  const keys = Object.keys(published.properties!.probe!.properties ?? {});
  const flags = probe.options.map((o) => o.name()).filter((n) => !n.startsWith('no-'));
  expect(flags.filter((n) => !keys.includes(n)).sort()).toEqual(['at', 'config']);
  expect(validate({ probe: { timeout: 2000, resolve: ['*:443:192.0.2.1'] } }, published)).toEqual([]);
  expect(validate({ probe: { timout: 2000 } }, published)[0]!.message).toBe(
    'unknown key "timout" (did you mean "timeout"?)',
  );
});

test('every flag of check is a config key, but those that make no sense saved', () => {
  const keys = Object.keys(published.properties ?? {});
  const flags = check.options.map((o) => o.name()).filter((n) => !n.startsWith('no-'));
  const left = flags.filter((n) => !keys.includes(n)).sort();
  expect(left).toEqual(['at', 'config', 'write-baseline']);
  expect(keys).toEqual(
    expect.arrayContaining(['cert', 'warn-days', 'fail-on', 'tf-dir', 'baseline', 'ignore', 'severity']),
  );
});

test('the schema is published in the package', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
  expect(pkg.files).toContain('schema');
});

test('sample configs: the published file accepts the good and refuses the bad', () => {
  const good = {
    $schema: './node_modules/certgate/schema/certgate-config.schema.json',
    cert: ['acm.json', 'arn:aws:acm:us-east-1:111122223333:certificate/x=chain.pem'],
    parameter: { DomainName: 'example.com', Stage: 3 },
    'warn-days': 14,
    'fail-on': 'warning',
    'tf-dir': 'infra',
    'allow-empty': true,
    baseline: 'certgate-baseline.json',
    ignore: [
      { code: 'CF_WEAK_SECURITY_POLICY', distribution: 'Legacy', reason: 'kiosks', expires: '2027-06-30' },
      { path: 'legacy/**', reason: 'retired' },
      { alias: 'old.example.com', reason: 'moving' },
    ],
    severity: { CF_UPDATE_NEEDS_ETAG: 'warning' },
  };
  expect(validate(good, published)).toEqual([]);
  const bad: [unknown, string][] = [
    [{ 'warn-days': [1] }, 'expected a string or a number, got a list'],
    [{ 'fail-on': 'warnings' }, 'is not one of'],
    [{ ignore: [{ code: 'CF_WEAK_SECURITY_POLICY' }] }, 'missing key "reason"'],
    [{ ignore: [{ code: 'CF_WEAK_SECURITY_POLICY', reason: 'r', expires: '2027-6-30' }] }, 'is not a date'],
    [{ ignore: [{ code: 'CF_NOPE', reason: 'r' }] }, 'unknown finding code'],
    [{ ignore: [{ reason: 'r' }] }, 'needs at least one of the keys'],
    [{ severity: { CF_UPDATE_NEEDS_ETAG: 'warn' } }, 'is not one of error, warning, note'],
    [{ tfdir: 'x' }, 'unknown key "tfdir" (did you mean "tf-dir"?)'],
    [{ 'tf-dir': 3 }, 'expected a string'],
  ];
  for (const [config, message] of bad) {
    const problems = validate(config, published);
    expect(problems.map((p) => p.message).join('\n'), JSON.stringify(config)).toContain(message);
  }
});
