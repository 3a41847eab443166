/**
 * `certgate probe` on the command line, against TLS servers on 127.0.0.1: output formats, exit
 * codes, targets files, `--from` a CloudFront input with `--resolve '*:PORT:127.0.0.1'`,
 * `--expect`, and the usage errors.
 */

import { EventEmitter, once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runProbe } from '../../src/cli/commands/probe.js';
import { main } from '../../src/cli/main.js';
import { AT_TEXT, certs, fingerprint } from '../probe/fixtures.js';
import { HOST, type Running, refusedPort, silentServer, site, tlsServer } from '../probe/servers.js';
import { createCertificate } from '../support/cert-factory.js';
import { runCli } from '../support/cli.js';
import { expectValidJunit, expectValidSarif } from '../support/schemas.js';

const { root, intermediate, a, b } = certs;
const tmp = mkdtempSync(join(tmpdir(), 'certgate-probe-'));
const tmpFile = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

/** The example ACM certificate's names (examples/cloudfront/acm-certificate.json, template.yaml). */
const site_ = createCertificate({
  subject: 'CN=example.com',
  issuer: intermediate,
  sans: ['dns:example.com', 'dns:*.example.com'],
  eku: ['serverAuth'],
});

let edge: Running;
let refused: number;
let rootFile: string;

beforeAll(async () => {
  edge = await tlsServer([
    site(['a.example.test'], a, intermediate),
    site(['b.example.test', 'www.b.example.test'], b, intermediate),
    site(['example.com', 'www.example.com', 'api.example.com', 'x.example.com'], site_, intermediate),
  ]);
  refused = await refusedPort();
  rootFile = tmpFile('root.pem', root.pem);
});

afterAll(async () => {
  await edge.close();
});

/** Flags every run shares: loopback for the edge and the refused port, the test root, fixed time. */
const common = () => [
  '--resolve',
  `*:${edge.port}:${HOST}`,
  '--resolve',
  `*:${refused}:${HOST}`,
  '--roots',
  rootFile,
  '--at',
  AT_TEXT,
];

interface JsonReport {
  tool: string;
  command: string;
  verdict: string;
  results: {
    subject: { kind: string; id: string; source: string };
    verdict: string;
    findings: {
      code: string;
      severity: string;
      message: string;
      fix?: string;
      location: { source: string };
    }[];
    details: { handshake: string; protocol?: string; sni: string | null; distribution?: string };
  }[];
  summary: { errors: number; warnings: number; notes: number };
}

const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe('output and exit codes', () => {
  test('text: one line per endpoint, failures with their finding and fix, a summary; exit 1', async () => {
    const r = await runCli([
      'probe',
      `a.example.test:${edge.port}`,
      `down.example.test:${refused}`,
      ...common(),
    ]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^PASS a\\.example\\.test:${edge.port} \\(127\\.0\\.0\\.1\\)  TLSv1\\.3 `),
    );
    expect(lines[0]).toContain('CN=a.example.test, until 2034-01-01, 2 certs sent');
    expect(lines[1]).toMatch(/^FAIL down\.example\.test:\d+ \(127\.0\.0\.1\) {2}connection refused/);
    expect(lines[2]).toMatch(/error PROBE_CONNECTION_REFUSED: .* refused the connection/);
    expect(lines[3]).toMatch(/fix: /);
    expect(r.stdout).toMatch(
      /2 endpoints probed: 1 pass, 1 fail; 1 error, 0 warnings, 0 notes; verdict fail\n$/,
    );
    expect(r.stderr).toBe('');
  });

  test('all pass: exit 0; --fail-on none never fails on findings', async () => {
    expect((await runCli(['probe', `a.example.test:${edge.port}`, ...common()])).code).toBe(0);
    expect(
      (await runCli(['probe', `down.example.test:${refused}`, ...common(), '--fail-on', 'none'])).code,
    ).toBe(0);
  });

  test('JSON: the report contract, one result per endpoint', async () => {
    const r = await runCli([
      'probe',
      `b.example.test:${edge.port}`,
      `nobody.example.test:${edge.port}`,
      `down.example.test:${refused}`,
      ...common(),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report).toMatchObject({ tool: 'certgate', command: 'probe', verdict: 'fail' });
    expect(report.results.map((x) => [x.subject, x.verdict, x.findings.map((f) => f.code)])).toEqual([
      [{ kind: 'endpoint', id: `b.example.test:${edge.port} (127.0.0.1)`, source: 'argv' }, 'pass', []],
      [
        { kind: 'endpoint', id: `nobody.example.test:${edge.port} (127.0.0.1)`, source: 'argv' },
        'fail',
        ['NAME_MISMATCH'],
      ],
      [
        { kind: 'endpoint', id: `down.example.test:${refused} (127.0.0.1)`, source: 'argv' },
        'fail',
        ['PROBE_CONNECTION_REFUSED'],
      ],
    ]);
    expect(report.results[0]!.details).toMatchObject({
      handshake: 'ok',
      protocol: 'TLSv1.3',
      sni: 'b.example.test',
    });
    expect(report.summary).toEqual({ errors: 2, warnings: 0, notes: 0 });
  });

  test('SARIF: a rule per code, results on the endpoint (no file artifact)', async () => {
    const r = await runCli(['probe', `down.example.test:${refused}`, ...common(), '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expectValidSarif(sarif);
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['PROBE_CONNECTION_REFUSED']);
    expect(run.results[0].ruleId).toBe('PROBE_CONNECTION_REFUSED');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      encodeURIComponent(`down.example.test:${refused}`),
    );
    expect(run.results[0].locations[0].logicalLocations[0].name).toBe(
      `down.example.test:${refused} (127.0.0.1)`,
    );
  });

  test('JUnit to --output: a test case per endpoint, a failure for the failing one', async () => {
    const out = join(tmp, 'probe-junit.xml');
    const r = await runCli([
      'probe',
      `a.example.test:${edge.port}`,
      `down.example.test:${refused}`,
      ...common(),
      '--format',
      'junit',
      '--output',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 endpoints probed, 1 failing, verdict fail; report written to/);
    const xml = readFileSync(out, 'utf8');
    expectValidJunit(xml);
    expect(xml).toContain('<testsuite name="certgate probe" tests="2" failures="1"');
    // classname: the command and the host; time: the handshake's, in seconds
    expect(xml).toContain(
      `<testcase classname="certgate.probe.a.example.test" name="a.example.test:${edge.port} (127.0.0.1)" time="`,
    );
    expect(xml).toMatch(
      /<failure message="[^"]*refused the connection[^"]*" type="PROBE_CONNECTION_REFUSED">/,
    );
  });
});

describe('targets', () => {
  test('--targets FILE: one a line, # comments; --port for lines without a port', async () => {
    const file = tmpFile(
      'hosts.txt',
      `# the edge\na.example.test\nwww.b.example.test   # second\n\ndown.example.test:${refused}\n`,
    );
    const r = await runCli([
      'probe',
      '--targets',
      file,
      '--port',
      String(edge.port),
      ...common(),
      '-f',
      'json',
    ]);
    const report = json(r.stdout);
    expect(report.results.map((x) => [x.subject.id, x.subject.source, x.verdict])).toEqual([
      [`a.example.test:${edge.port} (127.0.0.1)`, file, 'pass'],
      [`www.b.example.test:${edge.port} (127.0.0.1)`, file, 'pass'],
      [`down.example.test:${refused} (127.0.0.1)`, file, 'fail'],
    ]);
  });

  // A bad target is a finding on that target (issue 10 item 6): the others are still probed.
  test('every bad line of a targets file is a PROBE_BAD_TARGET result naming file and line', async () => {
    const file = tmpFile('bad-hosts.txt', `a.example.test:${edge.port}\n\nnot a host\nb.example.test:0\n`);
    const r = await runCli(['probe', '--targets', file, ...common(), '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = json(r.stdout);
    expect(report.results.map((x) => [x.subject.id, x.verdict, x.findings.map((f) => f.code)])).toEqual([
      [`${file}:3`, 'fail', ['PROBE_BAD_TARGET']],
      [`${file}:4`, 'fail', ['PROBE_BAD_TARGET']],
      [`a.example.test:${edge.port} (127.0.0.1)`, 'pass', []],
    ]);
    expect(report.results[0]!.findings[0]!.message).toMatch(
      new RegExp(`^--targets ${file.replace(/[.]/g, '\\.')}:3 "not a host" was not probed: not a host name`),
    );
    expect(report.results[1]!.findings[0]!.message).toBe(
      `--targets ${file}:4 "b.example.test:0" was not probed: the port must be 1-65535`,
    );
    expect(report.results[0]!.findings[0]!.location).toEqual({ source: file, line: 3 });
  });

  test('usage errors: no target, a bad --resolve, a bad --timeout; a bad target argument is a finding', async () => {
    const none = await runCli(['probe', ...common()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /no targets: give host\[:port\] arguments, --targets FILE, --from INPUT... or --from-aws/,
    );
    const badTarget = await runCli([
      'probe',
      'a.example.test:99999',
      `a.example.test:${edge.port}`,
      ...common(),
    ]);
    expect(badTarget.code).toBe(1);
    expect(badTarget.stderr).toBe('');
    expect(badTarget.stdout).toContain(
      'error PROBE_BAD_TARGET: target "a.example.test:99999" was not probed: the port must be 1-65535',
    );
    expect(badTarget.stdout).toMatch(/^PASS a\.example\.test:/m);
    // a bad target fails in the text, and the summary says it was not probed (not 'skipped')
    expect(badTarget.stdout).toMatch(/^FAIL a\.example\.test:99999 /m);
    expect(badTarget.stdout).toMatch(/2 endpoints probed: 1 pass, 1 fail \(1 not probed\);/);
    const unreadable = await runCli(['probe', '--targets', join(tmp, 'missing.txt'), ...common()]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe('');
    const badResolve = await runCli([
      'probe',
      'a.example.test',
      '--resolve',
      'a.example.test:443:edge.example.net',
    ]);
    expect(badResolve.code).toBe(2);
    expect(badResolve.stderr).toMatch(
      /--resolve "a\.example\.test:443:edge\.example\.net": "edge\.example\.net" is not an IP address/,
    );
    const badShape = await runCli(['probe', 'a.example.test', '--resolve', 'a.example.test']);
    expect(badShape.code).toBe(2);
    expect(badShape.stderr).toMatch(/expected HOST:PORT:ADDR/);
    const badTimeout = await runCli(['probe', 'a.example.test', '--timeout', '0']);
    expect(badTimeout.code).toBe(2);
    const badPolicy = await runCli(['probe', 'a.example.test', '--policy', 'TLSv1.2']);
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toMatch(/TLSv1\.2_2021/);
  });

  test('the same endpoint twice is probed once', async () => {
    const r = await runCli([
      'probe',
      `a.example.test:${edge.port}`,
      `A.example.test:${edge.port}`,
      ...common(),
      '-f',
      'json',
    ]);
    expect(json(r.stdout).results).toHaveLength(1);
  });
});

describe('--from: every alias of a CloudFront input, at the new edge', () => {
  test('template.yaml with --resolve *:PORT:127.0.0.1: each alias probed, expected to serve the template certificate', async () => {
    const r = await runCli([
      'probe',
      '--from',
      'examples/cloudfront/template.yaml',
      '--port',
      String(edge.port),
      ...common(),
      '-f',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(
      report.results.map((x) => [x.subject.id, x.subject.source, x.details.distribution, x.verdict]),
    ).toEqual([
      [
        `www.example.com:${edge.port} (127.0.0.1)`,
        'examples/cloudfront/template.yaml',
        'SiteDistribution',
        'pass',
      ],
      [
        `example.com:${edge.port} (127.0.0.1)`,
        'examples/cloudfront/template.yaml',
        'SiteDistribution',
        'pass',
      ],
    ]);
  });

  test('an edge still serving another certificate fails the expectation from the input', async () => {
    const old = await tlsServer([site(['www.example.com', 'example.com'], a, intermediate)]);
    try {
      const r = await runCli([
        'probe',
        '--from',
        'examples/cloudfront/template.yaml',
        '--port',
        String(old.port),
        '--resolve',
        `*:${old.port}:${HOST}`,
        '--roots',
        rootFile,
        '--at',
        AT_TEXT,
        '-f',
        'json',
      ]);
      expect(r.code).toBe(1);
      const [www] = json(r.stdout).results;
      expect(www!.findings.map((f) => f.code)).toEqual(['NAME_MISMATCH', 'PROBE_EXPECTATION_MISMATCH']);
      expect(www!.findings[1]!.message).toMatch(
        /missing \*\.example\.com, example\.com; not expected a\.example\.test/,
      );
    } finally {
      await old.close();
    }
  });

  test('a wildcard alias is a note and skipped; --wildcard-label probes a representative name', async () => {
    const dist = readFileSync('examples/cloudfront/get-distribution-config.json', 'utf8').replace(
      '"Items": ["www.example.com", "api.example.com"]',
      '"Items": ["*.example.com", "api.example.com"]',
    );
    const file = tmpFile('wildcard-dist.json', dist);
    const args = ['probe', '--from', file, '--port', String(edge.port), ...common()];
    const skipped = json((await runCli([...args, '-f', 'json'])).stdout);
    expect(
      skipped.results.map((x) => [x.subject.id, x.details.handshake, x.findings.map((f) => f.code)]),
    ).toEqual([
      [`api.example.com:${edge.port} (127.0.0.1)`, 'ok', []],
      [`*.example.com:${edge.port}`, 'skipped', ['PROBE_ALIAS_SKIPPED']],
    ]);
    expect(skipped.results[1]!.findings[0]!.location.source).toBe(file);
    const text = await runCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^SKIP \*\.example\.com:\d+ {2}not probed$/m);
    expect(text.stdout).toMatch(
      /1 endpoint probed: 1 pass, 0 fail, 1 skipped; 0 errors, 0 warnings, 1 note; verdict pass/,
    );
    const labelled = json((await runCli([...args, '--wildcard-label', 'x', '-f', 'json'])).stdout);
    expect(labelled.results.map((x) => x.subject.id)).toEqual([
      `x.example.com:${edge.port} (127.0.0.1)`,
      `api.example.com:${edge.port} (127.0.0.1)`,
    ]);
  });

  test('an unreadable --from input: exit 2 with one line naming it, the other targets still probed', async () => {
    const r = await runCli([
      'probe',
      `a.example.test:${edge.port}`,
      ...common(),
      '--from',
      join(tmp, 'missing.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^certgate: error: .*missing\.yaml/);
    expect(r.stdout).toMatch(/^PASS a\.example\.test/);
  });
});

describe('--expect', () => {
  const target = () => ['probe', `b.example.test:${edge.port}`, ...common()];

  test('a fingerprint', async () => {
    expect((await runCli([...target(), '--expect', fingerprint(b)])).code).toBe(0);
    const bad = await runCli([...target(), '--expect', fingerprint(a)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      /PROBE_EXPECTATION_MISMATCH: b\.example\.test:\d+ \(127\.0\.0\.1\) serves certificate SHA-256 .* \(CN=b\.example\.test\), not SHA-256/,
    );
  });

  test('a PEM file', async () => {
    expect((await runCli([...target(), '--expect', tmpFile('b.pem', b.pem)])).code).toBe(0);
    expect((await runCli([...target(), '--expect', tmpFile('a.pem', a.pem)])).code).toBe(1);
  });

  test('an ACM ARN with its evidence from --cert ARN=FILE; without evidence it is bad usage', async () => {
    const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555';
    const chain = tmpFile('b-chain.pem', b.pem + intermediate.pem);
    expect((await runCli([...target(), '--expect', arn, '--cert', `${arn}=${chain}`])).code).toBe(0);
    const wrong = tmpFile('a-chain.pem', a.pem + intermediate.pem);
    const bad = await runCli([...target(), '--expect', arn, '--cert', `${arn}=${wrong}`, '-f', 'json']);
    expect(json(bad.stdout).results[0]!.findings.map((f) => f.code)).toEqual(['PROBE_EXPECTATION_MISMATCH']);
    const none = await runCli([...target(), '--expect', arn]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /--expect arn:aws:acm:.*: no evidence for this certificate; give it with --cert/,
    );
  });

  test('ACM describe-certificate JSON: SAN set and validity from the evidence', async () => {
    const acm = 'examples/cloudfront/acm-certificate.json';
    const arn = JSON.parse(readFileSync(acm, 'utf8')).Certificate.CertificateArn as string;
    const r = await runCli([
      'probe',
      `www.example.com:${edge.port}`,
      ...common(),
      '--expect',
      arn,
      '--cert',
      acm,
      '-f',
      'json',
    ]);
    // Same names as the served certificate; the dates differ (ACM: 2026-08-01..2027-02-15).
    expect(json(r.stdout).results[0]!.findings.map((f) => f.code)).toEqual(['PROBE_EXPECTATION_MISMATCH']);
    expect(json(r.stdout).results[0]!.findings[0]!.message).toMatch(
      /valid from 2024-01-01T00:00:00Z to 2034-01-01T00:00:00Z, not from 2026-08-01T00:00:00Z to 2027-02-15T23:59:59Z/,
    );
  });
});

describe('SNI flags', () => {
  test('--no-sni and --sni', async () => {
    const noSni = json(
      (await runCli(['probe', `b.example.test:${edge.port}`, ...common(), '--no-sni', '-f', 'json'])).stdout,
    );
    expect(noSni.results[0]!.details.sni).toBeNull();
    expect(noSni.results[0]!.findings.map((f) => f.code)).toEqual(['NAME_MISMATCH']);
    const sni = await runCli(['probe', `127.0.0.1:${edge.port}`, ...common(), '--sni', 'b.example.test']);
    expect(sni.code).toBe(0);
  });
});

describe('progress', () => {
  const run = async (isTTY: boolean, env: NodeJS.ProcessEnv) => {
    let stderr = '';
    const code = await main(
      ['probe', `a.example.test:${edge.port}`, `b.example.test:${edge.port}`, ...common()],
      {
        stdout: { write: () => true, isTTY: false },
        stderr: { write: (s: string) => (stderr += s), isTTY },
        stdin: Readable.from([]),
        env,
      },
    );
    return { code, stderr };
  };

  test('on a terminal only, and never in CI', async () => {
    expect((await run(true, {})).stderr).toMatch(/certgate: probing 2\/2/);
    expect((await run(true, { CI: 'true' })).stderr).toBe('');
    expect((await run(false, {})).stderr).toBe('');
  });
});

describe('interrupted (SIGINT, SIGTERM)', () => {
  let silent: Running;
  beforeAll(async () => {
    silent = await silentServer();
  });
  afterAll(async () => {
    await silent.close();
  });

  /** A run with a progress line on a "terminal", stopped by `signal` once the silent target is in flight. */
  const interrupted = async (signal: 'SIGINT' | 'SIGTERM', extra: string[] = []) => {
    const signals = new EventEmitter();
    let stderr = '';
    let stdout = '';
    const connected = once(silent.server, 'connection');
    const running = runProbe(
      [`a.example.test:${edge.port}`, `silent.example.test:${silent.port}`, `b.example.test:${edge.port}`],
      {
        format: 'json',
        failOn: 'error',
        timeout: 60_000,
        port: 443,
        concurrency: 1,
        resolve: [`*:${edge.port}:${HOST}`, `*:${silent.port}:${HOST}`],
        roots: rootFile,
        at: new Date(AT_TEXT),
        ...(extra.length ? { output: extra[0]! } : {}),
      },
      {
        stdout: { write: (s: string) => (stdout += s), isTTY: false },
        stderr: { write: (s: string) => (stderr += s), isTTY: true },
        stdin: Readable.from([]),
        env: {},
      },
      signals,
    );
    await connected;
    signals.emit(signal, signal);
    const code = await running;
    return {
      code,
      stdout,
      stderr,
      listeners: signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM'),
    };
  };

  test('SIGINT: the report of what finished, the rest PROBE_INTERRUPTED, the progress line cleared; exit 130', async () => {
    const r = await interrupted('SIGINT');
    expect(r.code).toBe(130);
    expect(r.listeners).toBe(0);
    const report = json(r.stdout);
    expect(report.verdict).toBe('fail');
    expect(report.results.map((x) => [x.subject.id, x.verdict, x.findings.map((f) => f.code)])).toEqual([
      [`a.example.test:${edge.port} (127.0.0.1)`, 'pass', []],
      [`silent.example.test:${silent.port}`, 'fail', ['PROBE_INTERRUPTED']],
      [`b.example.test:${edge.port}`, 'fail', ['PROBE_INTERRUPTED']],
    ]);
    expect(report.results[1]!.findings[0]!.message).toBe(
      `silent.example.test:${silent.port} was not probed: the run was interrupted by SIGINT during its handshake`,
    );
    // The progress line (drawn on the "terminal") is erased before the notice, which ends the output.
    const notice =
      'certgate: interrupted by SIGINT: 1 of 3 targets finished; the report marks the other 2 as not probed (PROBE_INTERRUPTED)\n';
    expect(r.stderr).toMatch(/certgate: probing 1\/3/);
    expect(r.stderr.endsWith(`\r\x1b[K${notice}`)).toBe(true);
  });

  test('SIGTERM with --output: the file holds the incomplete report; exit 143', async () => {
    const out = join(tmp, 'interrupted.json');
    writeFileSync(out, '{"verdict":"pass"}');
    const r = await interrupted('SIGTERM', [out]);
    expect(r.code).toBe(143);
    expect(r.stdout).toBe('');
    const report = json(readFileSync(out, 'utf8'));
    expect(report.verdict).toBe('fail');
    expect(report.results.slice(1).map((x) => x.findings[0]!.message)).toEqual([
      `silent.example.test:${silent.port} was not probed: the run was interrupted by SIGTERM during its handshake`,
      `b.example.test:${edge.port} was not probed: the run was interrupted by SIGTERM before it started`,
    ]);
    expect(r.stderr).toMatch(/report written to /);
  });
});
