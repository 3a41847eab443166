import { describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';

const FIX = 'test/fixtures/diff';
const ARGS = ['diff', `${FIX}/staging.yaml`, `${FIX}/prod.yaml`, '--at', '2026-02-01'];

describe('certgate diff', () => {
  test('a stale certificate fails the run (exit 1) and the text says which side is behind', async () => {
    const r = await runCli([...ARGS, '--cert', `${FIX}/acm.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DIFF_STALE_CERTIFICATE');
    expect(r.stdout).toContain(`${FIX}/staging.yaml still points at`);
    expect(r.stdout).toContain(`at ${FIX}/staging.yaml:21:30`);
    expect(r.stdout).toMatch(
      /1 distribution pair compared, 1 differing: 1 error, 1 warning, 1 note; verdict fail\n$/,
    );
  });

  test('drift alone is a warning: exit 0, and 1 with --fail-on warning', async () => {
    expect((await runCli(ARGS)).code).toBe(0);
    expect((await runCli([...ARGS, '--fail-on', 'warning'])).code).toBe(1);
  });

  test('--format json: one result per pair with both sides', async () => {
    const r = await runCli([...ARGS, '--cert', `${FIX}/acm.json`, '--format', 'json']);
    const report = JSON.parse(r.stdout) as {
      command: string;
      verdict: string;
      results: { subject: { id: string }; details: { pairedBy: string }; findings: { code: string }[] }[];
    };
    expect(report.command).toBe('diff');
    expect(report.verdict).toBe('fail');
    expect(report.results[0]!.details.pairedBy).toBe('id');
    expect(report.results[0]!.findings.map((f) => f.code)).toContain('DIFF_STALE_CERTIFICATE');
  });

  test('an unreadable side: one line naming it on stderr, exit 2', async () => {
    const r = await runCli(['diff', `${FIX}/staging.yaml`, `${FIX}/nope.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('both sides are required', async () => {
    const r = await runCli(['diff', `${FIX}/staging.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'b'");
  });
});
