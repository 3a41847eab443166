/**
 * Several reports from one run, with the real executable (bin/certgate.js over dist/, built by
 * test/global-setup.ts): `--format` to standard output and `--sarif`, `--junit`, `--json`,
 * `--gitlab` to files, the same as single-format runs give; same-path conflicts, a file that
 * cannot be written, and the previous run's files removed before the work starts.
 */

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AT_TEXT, certs } from '../probe/fixtures.js';
import { HOST, type Running, refusedPort, site, tlsServer } from '../probe/servers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'certgate-report-files-'));
const file = (name: string) => join(tmp, name);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `certgate ...args` from the repository root, without the caller's AWS settings. */
function start(args: readonly string[]): { child: ChildProcessWithoutNullStreams; done: Promise<Run> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/certgate.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdin.on('error', () => {}); // the child may exit before reading standard input
  const done = new Promise<Run>((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
  return { child, done };
}

const run = (args: readonly string[]): Promise<Run> => {
  const started = start(args);
  started.child.stdin.end();
  return started.done;
};

/** What differs between two runs of the same check: the clock (start times, durations, JUnit times). */
const stable = (text: string) =>
  text
    .replace(/ (time|timestamp)="[^"]*"/g, '')
    .replace(/"(startedAt|startTimeUtc|endTimeUtc|timestamp)": "[^"]*"/g, '"$1": ""')
    .replace(/"(durationMs|time)": [\d.]+/g, '"$1": 0');

// A Terraform plan beside its .tf files: two of four distributions fail, findings point at main.tf
const PLAN = ['check', 'test/fixtures/terraform/for-each/plan.json', '--at', '2026-12-01T00:00:00Z'];
const TF = 'test/fixtures/terraform/for-each/modules/cdn/main.tf';

describe('check: one run, several reports', () => {
  test('text on stdout, and SARIF, JUnit, JSON and GitLab files equal to the single-format runs', async () => {
    const paths = {
      sarif: file('a.sarif'),
      junit: file('a.xml'),
      json: file('a.json'),
      gitlab: file('gl.json'),
    };
    const all = await run([
      ...PLAN,
      ...['--sarif', paths.sarif, '--junit', paths.junit, '--json', paths.json, '--gitlab', paths.gitlab],
    ]);
    const text = await run(PLAN);
    expect(all.code).toBe(1);
    expect(all.code).toBe(text.code);
    expect(all.stdout).toBe(text.stdout);
    expect(all.stderr).toBe(
      `certgate: reports written to ${paths.sarif}, ${paths.junit}, ${paths.json}, ${paths.gitlab}\n`,
    );
    for (const format of ['sarif', 'junit', 'json', 'gitlab'] as const) {
      const single = await run([...PLAN, '--format', format]);
      expect(single.code, format).toBe(1);
      expect(stable(readFileSync(paths[format], 'utf8')), format).toBe(stable(single.stdout));
    }
    // and they are what they claim to be
    const json = JSON.parse(readFileSync(paths.json, 'utf8'));
    const failing = json.results.filter((r: { verdict: string }) => r.verdict === 'fail').length;
    expect(JSON.parse(readFileSync(paths.sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(paths.junit, 'utf8')).toContain(`failures="${failing}"`);
    const gitlab = JSON.parse(readFileSync(paths.gitlab, 'utf8'));
    expect(gitlab.map((i: { location: { path: string } }) => i.location.path)).toEqual([TF, TF]);
  });

  test('--format github on stdout: an annotation per finding on the .tf line, with a GitLab file beside it', async () => {
    const gitlab = file('gl-github.json');
    const r = await run([...PLAN, '--format', 'github', '--gitlab', gitlab]);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(2);
    for (const a of annotations)
      expect(a).toMatch(
        new RegExp(`^::error file=${TF},line=\\d+,col=\\d+,title=CF_CERTIFICATE_NOT_ISSUED::`),
      );
    expect(r.stdout).toMatch(
      /\ncertgate check: 4 distributions \(2 failing\): 2 errors, .*; verdict fail\n$/,
    );
    const issues = JSON.parse(readFileSync(gitlab, 'utf8'));
    expect(issues.map((i: { severity: string }) => i.severity)).toEqual(['critical', 'critical']);
  });

  test('--output with file flags: stdout empty, the counts and every file on one stderr line', async () => {
    const [out, sarif] = [file('out.txt'), file('out.sarif')];
    const r = await run([...PLAN, '--output', out, '--sarif', sarif]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `certgate: 4 distributions checked, 2 failing, verdict fail; reports written to ${out}, ${sarif}\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe((await run(PLAN)).stdout);
  });

  test('the stderr line counts a result about something else under its own noun, not as a distribution', async () => {
    // the second ACM file is a certificate no distribution names: a result of kind `input`
    const out = file('other-kinds.txt');
    const r = await run([
      'check',
      'examples/cloudfront/get-distribution-config.json',
      ...['--cert', 'examples/cloudfront/acm-certificate.json'],
      ...['--cert', 'examples/cloudfront/acm-certificate-example-net.json'],
      ...['--output', out],
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `certgate: 1 distribution, 1 input checked, 0 failing, verdict pass; report written to ${out}\n`,
    );
    // the same counts as the text report's footer
    expect(readFileSync(out, 'utf8')).toMatch(/\n1 distribution, 1 input checked \(0 failing\)/);
  });

  test('an unreadable input: exit 2, and every file says so', async () => {
    const paths = { junit: file('u.xml'), gitlab: file('u.json') };
    const r = await run([...PLAN, 'missing.json', '--junit', paths.junit, '--gitlab', paths.gitlab]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('certgate: error: missing.json: no such file or directory\n');
    expect(readFileSync(paths.junit, 'utf8')).toContain('type="INPUT_UNREADABLE"');
    expect(JSON.parse(readFileSync(paths.gitlab, 'utf8'))[0]).toMatchObject({
      check_name: 'INPUT_UNREADABLE',
      location: { path: 'missing.json' },
    });
  });
});

describe('check: report files, usage and failures', () => {
  test('two reports to the same file: a usage error, exit 2, nothing run or written', async () => {
    const same = file('same.json');
    writeFileSync(same, 'previous');
    const r = await run([...PLAN, '--json', same, '--gitlab', same]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `certgate: error: --json ${same} and --gitlab ${same} name the same file; give each report its own\n`,
    );
    expect(readFileSync(same, 'utf8')).toBe('previous');
    // the same file spelt two ways is still one file
    const other = await run([...PLAN, '--output', same, '--sarif', `${tmp}/./same.json`]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^certgate: error: --output .* and --sarif .* name the same file/);
  });

  test('a file that cannot be written: exit 2, one line naming the flag and path; the other reports are written', async () => {
    const [bad, sarif] = [file('no/such/dir.xml'), file('written.sarif')];
    const r = await run([...PLAN, '--junit', bad, '--sarif', sarif]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe((await run(PLAN)).stdout);
    expect(r.stderr).toBe(
      `certgate: error: --junit ${bad}: cannot write the report (ENOENT)\ncertgate: report written to ${sarif}\n`,
    );
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
  });

  test("the previous run's files are removed before the work starts, then written anew", async () => {
    const paths = [file('stale.sarif'), file('stale.xml')];
    for (const p of paths) writeFileSync(p, 'stale: verdict pass');
    // standard input held open: the run waits for its input after clearing the files
    const started = start([
      'check',
      '-',
      '--at',
      '2026-12-01T00:00:00Z',
      '--sarif',
      paths[0]!,
      '--junit',
      paths[1]!,
    ]);
    const deadline = Date.now() + 20_000;
    while (paths.some((p) => existsSync(p)) && Date.now() < deadline)
      await new Promise((ok) => setTimeout(ok, 50));
    expect(paths.filter((p) => existsSync(p))).toEqual([]);
    started.child.stdin.end(readFileSync(join(ROOT, 'examples/cloudfront/bad-region.json')));
    const r = await started.done;
    expect(r.code).toBe(1);
    expect(readFileSync(paths[0]!, 'utf8')).toContain('CF_CERTIFICATE_NOT_IN_US_EAST_1');
    expect(readFileSync(paths[1]!, 'utf8')).toContain('<testsuites');
  });

  test('--help names every report file flag and the new formats', async () => {
    for (const command of ['check', 'probe']) {
      const r = await run([command, '--help']);
      expect(r.code).toBe(0);
      for (const want of [
        '--sarif <file>',
        '--junit <file>',
        '--json <file>',
        '--gitlab <file>',
        '"github"',
        '"gitlab"',
      ])
        expect(r.stdout, `${command}: ${want}`).toContain(want);
    }
  });
});

describe('probe: one run, several reports', () => {
  let edge: Running;
  let refused: number;
  let rootFile: string;

  beforeAll(async () => {
    edge = await tlsServer([site(['a.example.test'], certs.a, certs.intermediate)]);
    refused = await refusedPort();
    rootFile = file('root.pem');
    writeFileSync(rootFile, certs.root.pem);
  });

  afterAll(async () => {
    await edge.close();
  });

  test('text on stdout; SARIF, JUnit, JSON and GitLab files of the same endpoints', async () => {
    const paths = {
      sarif: file('p.sarif'),
      junit: file('p.xml'),
      json: file('p.json'),
      gitlab: file('p-gl.json'),
    };
    const r = await run([
      'probe',
      `a.example.test:${edge.port}`,
      `a.example.test:${refused}`,
      ...['--resolve', `*:${edge.port}:${HOST}`, '--resolve', `*:${refused}:${HOST}`],
      ...['--roots', rootFile, '--at', AT_TEXT, '--timeout', '5000'],
      ...['--sarif', paths.sarif, '--junit', paths.junit, '--json', paths.json, '--gitlab', paths.gitlab],
    ]);
    expect(r.code).toBe(1); // the refused port is a failing endpoint
    expect(r.stdout).toMatch(new RegExp(`^PASS a\\.example\\.test:${edge.port} `, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^FAIL a\\.example\\.test:${refused} `, 'm'));
    const json = JSON.parse(readFileSync(paths.json, 'utf8'));
    const codes: string[] = json.results.flatMap((x: { findings: { code: string }[] }) =>
      x.findings.map((f) => f.code),
    );
    expect(codes).toContain('PROBE_CONNECTION_REFUSED');
    const sarif = JSON.parse(readFileSync(paths.sarif, 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(codes);
    const gitlab = JSON.parse(readFileSync(paths.gitlab, 'utf8'));
    expect(gitlab.map((i: { check_name: string }) => i.check_name)).toEqual(codes);
    const junit = readFileSync(paths.junit, 'utf8');
    expect(junit).toMatch(/<testsuites name="certgate" tests="2" failures="1" errors="0"/);
  });
});
