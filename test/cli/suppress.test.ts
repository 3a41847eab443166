/**
 * The gate a team can live with in CI: `.certgate.yaml` (found, `--config`, `--no-config`),
 * config ignores, inline ignores in every input kind, severity overrides, baselines and
 * `--no-ignore`, through the built executable as CI runs it.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const BIN = resolve('bin/certgate.js');
const REPO = resolve('.');
const fixture = (...parts: string[]) => resolve('test/fixtures/suppress', ...parts);
const NET_CERT = resolve('examples/cloudfront/acm-certificate-example-net.json');
const NOT_COVERED = resolve('examples/cloudfront/alias-not-covered.json');
const AT = ['--at', '2026-12-01'];

/** Runs the built CLI in `cwd` (the repository by default). */
function run(args: readonly string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', AWS_REGION: '', AWS_DEFAULT_REGION: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch repository (a folder with `.git`) holding `files`. */
function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-suppress-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

interface JsonFinding {
  code: string;
  severity: string;
  suppression?: { kind: string; reason: string; source: string };
}
interface JsonReport {
  verdict: string;
  results: { subject: { kind: string; id: string }; verdict: string; findings: JsonFinding[] }[];
  summary: { errors: number; warnings: number; notes: number; suppressed?: number };
  baseline?: { file: string; unmatched: number };
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const findings = (r: JsonReport) => r.results.flatMap((x) => x.findings);
const byCode = (r: JsonReport, code: string) => findings(r).filter((f) => f.code === code);

describe('inline ignores, in every input kind', () => {
  test('CloudFormation YAML: Metadata.certgate.ignore accepts the finding; text hides it and says so', () => {
    const r = run(['check', fixture('cloudformation/inline.yaml'), '--cert', NET_CERT, ...AT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS Cdn');
    expect(r.stdout).not.toContain('CF_ALIAS_NOT_COVERED');
    expect(r.stdout).toContain('0 errors, 0 warnings, 0 notes, 1 suppressed; verdict pass');
  });

  test('CloudFormation JSON: the same, and JSON keeps the finding with its suppression', () => {
    const r = run([
      'check',
      fixture('cloudformation/inline.json'),
      '--cert',
      NET_CERT,
      ...AT,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report.verdict).toBe('pass');
    expect(report.summary).toMatchObject({ errors: 0, suppressed: 1 });
    const [f] = byCode(report, 'CF_ALIAS_NOT_COVERED');
    expect(f!.severity).toBe('error');
    expect(f!.suppression).toEqual({
      kind: 'inline',
      reason: 'the apex stays on the old distribution until the DNS move',
      source: expect.stringMatching(/inline\.json:\d+$/),
    });
  });

  test('an ignore without a reason, or with a misspelt code, suppresses nothing and is a warning', () => {
    const r = run([
      'check',
      fixture('cloudformation/no-reason.json'),
      '--cert',
      NET_CERT,
      ...AT,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(byCode(report, 'CF_ALIAS_NOT_COVERED')[0]!.suppression).toBeUndefined();
    const invalid = byCode(report, 'CONFIG_IGNORE_INVALID');
    expect(invalid.map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  test('an ignore on the certificate resource covers the distributions that take it', () => {
    const r = run([
      'check',
      fixture('cloudformation/certificate-resource.yaml'),
      '--region',
      'us-east-1',
      ...AT,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 suppressed; verdict pass');
  });

  test('CDK: the Metadata addMetadata synthesises into the template', () => {
    const r = run(['check', fixture('cdk/cdk.out'), ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const [f] = byCode(json(r.stdout), 'CF_ALIAS_NOT_COVERED');
    expect(f!.suppression).toMatchObject({
      kind: 'inline',
      reason: 'shop.example.com moves to its own certificate in Q3',
    });
  });

  test('Terraform: a // certgate:ignore comment inside the block, found through the .tf sources', () => {
    const r = run(['check', fixture('terraform/plan.json'), ...AT, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    const [f] = byCode(report, 'CF_CERTIFICATE_NOT_ISSUED');
    expect(f!.suppression).toEqual({
      kind: 'inline',
      reason: 'the validation records are created by the dns stack, deployed first',
      source: expect.stringMatching(/suppress\/terraform\/main\.tf:18$/),
    });
    // the comment above the block has no reason: reported, on its line of main.tf
    const [invalid] = byCode(report, 'CONFIG_IGNORE_INVALID') as (JsonFinding & {
      location: { origin: { line: number } };
    })[];
    expect(invalid!.location.origin.line).toBe(16);
  });

  test('--no-ignore shows and counts everything', () => {
    const r = run(['check', fixture('cloudformation/inline.yaml'), '--cert', NET_CERT, ...AT, '--no-ignore']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error CF_ALIAS_NOT_COVERED');
    expect(r.stdout).not.toContain('suppressed');
  });

  test('SARIF marks a suppressed result inSource, with the reason as justification', () => {
    const r = run([
      'check',
      fixture('cloudformation/inline.yaml'),
      '--cert',
      NET_CERT,
      ...AT,
      '--format',
      'sarif',
    ]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; suppressions?: unknown }[];
    const result = results.find((x) => x.ruleId === 'CF_ALIAS_NOT_COVERED');
    expect(result!.suppressions).toEqual([
      { kind: 'inSource', justification: 'the apex stays on the old distribution until the DNS move' },
    ]);
  });
});

describe('.certgate.yaml', () => {
  const IGNORE_APEX = `ignore:
  - code: CF_ALIAS_NOT_COVERED
    alias: example.net
    reason: the apex is served elsewhere
`;

  test('AWS CLI JSON with a config ignore: suppressed (external in SARIF), found from a subfolder', () => {
    const dir = scratch({ '.certgate.yaml': IGNORE_APEX, 'deploy/stage/.keep': '' });
    const r = run(
      ['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--format', 'sarif'],
      join(dir, 'deploy/stage'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; suppressions?: unknown }[];
    expect(results.find((x) => x.ruleId === 'CF_ALIAS_NOT_COVERED')!.suppressions).toEqual([
      { kind: 'external', justification: 'the apex is served elsewhere' },
    ]);
  });

  test('the walk stops at the repository root: a config above it is not read', () => {
    const outer = scratch({ '.certgate.yaml': IGNORE_APEX });
    const inner = join(outer, 'repo');
    mkdirSync(join(inner, '.git'), { recursive: true });
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT], inner).code).toBe(1);
  });

  test('.certgate.yml is found too; --no-config ignores it; --config FILE names another', () => {
    const dir = scratch({ '.certgate.yml': IGNORE_APEX, 'other.yaml': 'fail-on: none\n' });
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT], dir).code).toBe(0);
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--no-config'], dir).code).toBe(1);
    const other = run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--config', 'other.yaml'], dir);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('error CF_ALIAS_NOT_COVERED'); // not ignored: fail-on none passes it
    expect(run(['check', NOT_COVERED, '--config', 'missing.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: 'certgate: error: --config missing.yaml: no such file\n',
    });
  });

  test('flag defaults, with paths relative to the config; the command line wins', () => {
    const dir = scratch({
      '.certgate.yaml': 'cert: certs/net.json\nfail-on: warning\nwarn-days: 400\nformat: json\n',
      'deploy/.keep': '',
    });
    mkdirSync(join(dir, 'certs'));
    copyFileSync(NET_CERT, join(dir, 'certs/net.json'));
    const r = run(['check', NOT_COVERED, ...AT], join(dir, 'deploy'));
    const report = json(r.stdout);
    expect(byCode(report, 'CF_CERTIFICATE_EXPIRES_SOON')).toHaveLength(1); // warn-days 400 from the config
    expect(r.code).toBe(1);
    const flags = run(
      ['check', NOT_COVERED, ...AT, '--warn-days', '30', '--format', 'text'],
      join(dir, 'deploy'),
    );
    expect(flags.stdout).toContain('FAIL net-2026-08-01');
    expect(flags.stdout).not.toContain('CF_CERTIFICATE_EXPIRES_SOON');
  });

  test('a severity override changes the exit code', () => {
    const dir = scratch({ '.certgate.yaml': 'severity:\n  CF_ALIAS_NOT_COVERED: warning\n' });
    const r = run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT], dir);
    expect(r.stdout).toContain('warning CF_ALIAS_NOT_COVERED');
    expect(r.code).toBe(0);
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--fail-on', 'warning'], dir).code).toBe(1);
  });

  test('an ignore past its expires date no longer suppresses and is a warning on its line', () => {
    const dir = scratch({
      '.certgate.yaml': `${IGNORE_APEX}    expires: 2026-11-30\n`,
    });
    const r = run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(byCode(report, 'CF_ALIAS_NOT_COVERED')[0]!.suppression).toBeUndefined();
    const [expired] = byCode(report, 'CONFIG_IGNORE_EXPIRED') as (JsonFinding & {
      location: { line: number };
    })[];
    expect(expired).toMatchObject({ severity: 'warning', location: { source: '.certgate.yaml', line: 2 } });
    // on its last day it still holds
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, '--at', '2026-11-30'], dir).code).toBe(0);
  });

  test('a config with bad keys: one line per problem, naming file, line and key; exit 2', () => {
    const dir = scratch({
      '.certgate.yaml': [
        'warn-days: [30]',
        'fail-on: warnings',
        'ignore:',
        '  - cod: CF_ALIAS_NOT_COVERED',
        '    reason: x',
        '  - code: CF_ALIAS_NOT_COVERED',
        '    expires: 2026-02-30',
        'warndays: 3',
        '',
      ].join('\n'),
    });
    const r = run(['check', NOT_COVERED], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'certgate: error: .certgate.yaml:1: warn-days: expected a string or a number, got a list',
      'certgate: error: .certgate.yaml:2: fail-on: "warnings" is not one of error, warning, note, none',
      'certgate: error: .certgate.yaml:4: ignore[0]: unknown key "cod" (did you mean "code"?)',
      'certgate: error: .certgate.yaml:7: ignore[1].expires: "2026-02-30" is not a date (expected YYYY-MM-DD)',
      'certgate: error: .certgate.yaml:6: ignore[1]: missing key "reason" (why the finding is accepted)',
      'certgate: error: .certgate.yaml:8: unknown key "warndays" (did you mean "warn-days"?)',
    ]);
  });

  test("a value the flag's own parser refuses is named with its line", () => {
    const dir = scratch({ '.certgate.yaml': 'region: eu-west\nwarn-days: soon\n' });
    expect(run(['check', NOT_COVERED], dir).stderr).toBe(
      'certgate: error: .certgate.yaml:1: region: expected an AWS region name, e.g. us-east-1\n' +
        'certgate: error: .certgate.yaml:2: warn-days: expected a whole number of days, e.g. 30\n',
    );
  });

  test('invalid YAML: one line with its position, exit 2', () => {
    const dir = scratch({ '.certgate.yaml': 'ignore:\n  - code: [CF_ALIAS_NOT_COVERED\n' });
    const r = run(['check', NOT_COVERED], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^certgate: error: \.certgate\.yaml:\d+:\d+: invalid YAML: .+\n$/);
  });
});

test('probe takes the defaults of its own section; a value its flag refuses is exit 2', () => {
  const dir = scratch({ '.certgate.yaml': 'fail-on: none\nprobe:\n  format: json\n' });
  const r = run(['probe', 'not a target!'], dir);
  expect(r.code).toBe(1); // the top-level fail-on is check's, not probe's
  expect(JSON.parse(r.stdout).results[0].findings[0].code).toBe('PROBE_BAD_TARGET');
  writeFileSync(join(dir, '.certgate.yaml'), 'probe:\n  timeout: soon\n');
  expect(run(['probe', 'example.com'], dir)).toMatchObject({
    code: 2,
    stderr: 'certgate: error: .certgate.yaml:2: timeout: expected milliseconds from 1 to 600000\n',
  });
});

test('check --help names the config, baseline and ignore flags', () => {
  const help = run(['check', '--help']).stdout;
  for (const flag of [
    '--config <file>',
    '--no-config',
    '--baseline <file>',
    '--write-baseline <file>',
    '--no-ignore',
  ])
    expect(help).toContain(flag);
});

describe('baseline', () => {
  test('--write-baseline exits 0; --baseline makes the run pass; a new finding still fails', () => {
    const dir = scratch();
    const baseline = join(dir, 'baseline.json');
    const written = run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--write-baseline', baseline]);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`certgate: baseline of 2 findings written to ${baseline}\n`);
    const file = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(file).toMatchObject({
      version: 1,
      tool: 'certgate',
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(file.entries.map((e: { code: string }) => e.code)).toEqual([
      'CF_ALIAS_NOT_COVERED',
      'CF_UPDATE_NEEDS_ETAG',
    ]);
    expect(file.entries[0]).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      code: 'CF_ALIAS_NOT_COVERED',
      source: 'examples/cloudfront/alias-not-covered.json',
      subject: 'distribution net-2026-08-01',
    });

    const again = run([
      'check',
      NOT_COVERED,
      '--cert',
      NET_CERT,
      ...AT,
      '--baseline',
      baseline,
      '--format',
      'json',
    ]);
    expect(again.code).toBe(0);
    const report = json(again.stdout);
    expect(report.summary).toMatchObject({ errors: 0, suppressed: 2 });
    expect(byCode(report, 'CF_ALIAS_NOT_COVERED')[0]!.suppression).toEqual({
      kind: 'baseline',
      reason: `in baseline ${baseline}`,
      source: baseline,
    });

    // a copy of the input, baselined in its own place, then given one more alias the certificate misses
    const input = join(dir, 'alias-not-covered.json');
    const base2 = join(dir, 'baseline-2.json');
    writeFileSync(input, readFileSync(NOT_COVERED, 'utf8'));
    expect(run(['check', input, '--cert', NET_CERT, ...AT, '--write-baseline', base2]).code).toBe(0);
    const grown = readFileSync(NOT_COVERED, 'utf8')
      .replace('"Quantity": 3', '"Quantity": 4')
      .replace('"example.net"]', '"example.net", "other.example.org"]');
    writeFileSync(input, grown);
    const after = run(['check', input, '--cert', NET_CERT, ...AT, '--baseline', base2]);
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('other.example.org');
  });

  test('stale entries are counted in the footer; --no-ignore sets the baseline aside; config baseline: path', () => {
    const dir = scratch();
    const baseline = join(dir, 'b.json');
    run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--write-baseline', baseline]);
    const other = resolve('examples/cloudfront/get-distribution-config.json');
    const acm = resolve('examples/cloudfront/acm-certificate.json');
    const r = run(['check', other, '--cert', acm, '--at', '2026-12-01', '--baseline', baseline]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 baseline entries no longer match — regenerate with --write-baseline');

    // fingerprints are relative to the repository root: a baseline is written where it is used
    run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--write-baseline', baseline], dir);
    writeFileSync(join(dir, '.certgate.yaml'), 'baseline: b.json\n');
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT], dir).code).toBe(0);
    expect(run(['check', NOT_COVERED, '--cert', NET_CERT, ...AT, '--no-ignore'], dir).code).toBe(1);
  });

  test('a missing or foreign baseline file is bad usage; an unreadable input writes no baseline', () => {
    const dir = scratch({ 'not-a-baseline.json': '{"entries": []}' });
    expect(run(['check', NOT_COVERED, '--baseline', join(dir, 'nope.json')]).code).toBe(2);
    const foreign = run(['check', NOT_COVERED, '--baseline', join(dir, 'not-a-baseline.json')]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('not a certgate baseline of version 1');
    const partial = run([
      'check',
      NOT_COVERED,
      join(dir, 'missing.json'),
      '--write-baseline',
      join(dir, 'w.json'),
    ]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('--write-baseline');
  });
});
