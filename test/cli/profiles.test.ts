import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';

const DIFF = 'test/fixtures/diff';
const CONFIG = 'test/fixtures/profiles/.certgate.yaml';
const RUN = [
  'check',
  `${DIFF}/staging.yaml`,
  `${DIFF}/prod.yaml`,
  '--cert',
  `${DIFF}/acm.json`,
  '--at',
  '2026-02-01',
];

interface JsonReport {
  results: {
    subject: { id: string; source: string };
    findings: { code: string; location: { source: string; line?: number }; args: Record<string, unknown> }[];
  }[];
}

describe('profiles: in .certgate.yaml', () => {
  test('each pin a distribution breaks is an error at the profile line; a distribution within them passes', async () => {
    const r = await runCli([...RUN, '--config', CONFIG, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    const of = (input: string) =>
      report.results
        .find((x) => x.subject.source === `${DIFF}/${input}`)!
        .findings.filter((f) => f.code.startsWith('PROFILE_'))
        .map((f) => [f.code, f.location.line, f.args.profile]);
    expect(of('prod.yaml')).toEqual([]);
    expect(of('staging.yaml')).toEqual([
      ['PROFILE_CERTIFICATE', 18, 'staging'],
      ['PROFILE_SECURITY_POLICY', 4, 'all environments'],
      ['PROFILE_DAYS_LEFT', 9, 'all environments'],
    ]);
  });

  test('the text names the distribution, where its value is, and the profile line', async () => {
    const r = await runCli([...RUN, '--config', CONFIG]);
    expect(r.stdout).toContain(
      'PROFILE_SECURITY_POLICY: distribution Cdn (test/fixtures/diff/staging.yaml:23) serves with security policy TLSv1.2_2019; profile all environments allows TLSv1.2_2021 or newer',
    );
    expect(r.stdout).toContain(`at ${CONFIG}:4`);
  });

  test('a severity override makes a pin a warning, and the gate passes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'certgate-profile-')), 'certgate.yaml');
    const overrides = ['PROFILE_CERTIFICATE', 'PROFILE_SECURITY_POLICY', 'PROFILE_DAYS_LEFT'];
    writeFileSync(
      file,
      `${readFileSync(CONFIG, 'utf8')}\nseverity:\n${overrides.map((c) => `  ${c}: warning\n`).join('')}`,
    );
    const r = await runCli([...RUN, '--config', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning PROFILE_DAYS_LEFT');
  });

  test('a profile that does not fit the schema: one line per problem, with the line, exit 2', async () => {
    const r = await runCli(['check', `${DIFF}/staging.yaml`, '--config', 'test/fixtures/profiles/bad.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'certgate: error: test/fixtures/profiles/bad.yaml:3: profiles[0].minimum-security-policy: unknown security policy "TLSv1.2_2022" (did you mean "TLSv1.2_2021"?)',
      'certgate: error: test/fixtures/profiles/bad.yaml:4: profiles[0]: unknown key "ssl-suport-methods" (did you mean "ssl-support-methods"?)',
      'certgate: error: test/fixtures/profiles/bad.yaml:5: profiles[0].min-days-left: must be at least 0, got -3',
      'certgate: error: test/fixtures/profiles/bad.yaml:6: profiles[1]: missing key "name" (the profile as findings name it)',
    ]);
  });

  test('--no-config: no profile applies', async () => {
    const r = await runCli([...RUN, '--no-config', '--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.results.flatMap((x) => x.findings).filter((f) => f.code.startsWith('PROFILE_'))).toEqual(
      [],
    );
  });
});
