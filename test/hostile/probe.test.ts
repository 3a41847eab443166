/**
 * Hostile and faulty input to `certgate probe`, through the real executable against loopback
 * servers (issue 10 items 6 and 8): a server answering with random bytes is described by what
 * it sent, never as "a plain HTTP server"; a --targets file with bad lines among good ones
 * reports every bad line as a finding while the good ones are probed; SIGINT or SIGTERM mid-run
 * writes the report of what finished, marked incomplete, with the signal's exit code; Ctrl-C on
 * a terminal leaves no progress line behind.
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_TARGET_ECHO } from '../../src/probe/bad-target.js';
import { escapeBytes, MAX_SHOWN_BYTES } from '../../src/probe/classify.js';
import { AT_TEXT, certs } from '../probe/fixtures.js';
import { HOST, type Running, silentServer, site, tlsServer } from '../probe/servers.js';
import { createCertificate } from '../support/cert-factory.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'certgate-hostile-probe-'));
const { root, intermediate, a, b } = certs;

interface JsonReport {
  verdict: string;
  results: {
    subject: { id: string; source: string };
    verdict: string;
    findings: { code: string; message: string; args: Record<string, unknown>; location: object }[];
  }[];
}

/** xorshift32: the same bytes for the same seed, on every connection. */
function randomBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** A server that answers the ClientHello with `bytes` (or greets with them on connect). */
async function answering(
  bytes: Buffer,
  when: 'after-hello' | 'on-connect' = 'after-hello',
): Promise<Running> {
  const server = createServer((s) => {
    s.on('error', () => {});
    if (when === 'on-connect') s.write(bytes);
    else s.once('data', () => s.end(bytes));
  });
  return listenTracked(server);
}

async function listenTracked(server: ReturnType<typeof createServer>): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((done) => server.listen(0, HOST, done));
  return {
    server,
    get port() {
      return (server.address() as AddressInfo).port;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

let edge: Running;
let rootFile: string;
const servers: Running[] = [];

beforeAll(async () => {
  edge = await tlsServer([
    site(['a.example.test'], a, intermediate),
    site(['b.example.test'], b, intermediate),
  ]);
  rootFile = join(tmp, 'root.pem');
  writeFileSync(rootFile, root.pem);
});

afterAll(async () => {
  await Promise.all([edge, ...servers].map((s) => s.close()));
  rmSync(tmp, { recursive: true, force: true });
});

/** Flags every run shares: the edge on loopback, the test root, a fixed time. */
const common = () => ['--resolve', `*:${edge.port}:${HOST}`, '--roots', rootFile, '--at', AT_TEXT];

describe('a server that does not speak TLS is described by what it sent (item 8)', () => {
  test('random bytes: not a TLS ServerHello, the first bytes escaped and bounded, never "HTTP"', async () => {
    const seeds = [1, 7, 42, 0xdeadbeef, 2024, 99, 31337, 5];
    const random = await Promise.all(seeds.map((seed) => answering(randomBytes(seed, 256 * 1024))));
    const http = await listenTracked(createHttpServer((_q, r) => r.end('plain\n')));
    const ssh = await answering(Buffer.from('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'), 'on-connect');
    servers.push(...random, http, ssh);
    const targets = [...random, http, ssh].map((s) => `${HOST}:${s.port}`);
    const r = await spawnCertgate(['probe', ...targets, '--timeout', '5000', '-f', 'json'], {
      timeoutMs: 60_000,
    });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.peakMiB).toBeLessThan(256);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.results).toHaveLength(targets.length);
    report.results.slice(0, seeds.length).forEach((result, i) => {
      const finding = result.findings[0]!;
      expect(finding.code).toBe('PROBE_NOT_TLS');
      expect(finding.message).not.toMatch(/HTTP/);
      const shown = escapeBytes(randomBytes(seeds[i]!, MAX_SHOWN_BYTES));
      expect(finding.args).toMatchObject({ peer: 'unknown', firstBytes: shown, firstBytesTruncated: true });
      expect(finding.message).toContain(`it sent "${shown}...": not a TLS ServerHello`);
      expect(shown).toMatch(/^[\x20-\x7e]+$/); // escaped: printable ASCII only
    });
    const [httpResult, sshResult] = report.results.slice(seeds.length);
    expect(httpResult!.findings[0]!.message).toMatch(
      /it sent "HTTP\/1\.1 400 Bad Request\\x0d\\x0a.*": an HTTP server without TLS listens on the port$/,
    );
    expect(sshResult!.findings[0]!.message).toMatch(/it sent "SSH-2\.0-OpenSSH.*": an SSH server listens/);
  });

  test('a server that answers TLS on the second attempt: not TLS, without a claim about what it is', async () => {
    // The first connection gets garbage; later ones are relayed to the TLS edge.
    let connections = 0;
    const flapping = await listenTracked(
      createServer((s) => {
        if (++connections === 1) return void s.once('data', () => s.end(randomBytes(3, 4096)));
        const upstream = connect(edge.port, HOST);
        upstream.on('error', () => s.destroy());
        s.pipe(upstream).pipe(s);
      }),
    );
    servers.push(flapping);
    const r = await spawnCertgate(
      [
        'probe',
        `a.example.test:${flapping.port}`,
        ...common(),
        '-f',
        'json',
        '--resolve',
        `*:${flapping.port}:${HOST}`,
      ],
      {
        timeoutMs: 30_000,
      },
    );
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    const finding = (JSON.parse(r.stdout) as JsonReport).results[0]!.findings[0]!;
    expect(finding.code).toBe('PROBE_NOT_TLS');
    expect(finding.args.firstBytes).toBeUndefined();
    expect(finding.message).toMatch(/answered with something that is not TLS \([^)]*\)$/);
  });
});

describe('bad targets are findings on their target; the others are probed (item 6)', () => {
  test('a --targets file with several bad lines among good ones: each bad line a finding, exit 1', async () => {
    const long = `${'x'.repeat(63)}.`.repeat(20_000); // 1.3 MB on one line
    const lines = [
      '# edge names',
      `a.example.test:${edge.port}`,
      'not a host',
      `b.example.test:${edge.port}   # second`,
      'a.example.test:0',
      '[::1',
      '',
      long,
      'evil\x1b[2J\x07.example.test',
      `https://b.example.test:${edge.port}/path`,
      'a.example.test:65536',
    ];
    const file = join(tmp, 'targets.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await spawnCertgate(['probe', '--targets', file, 'bad arg', ...common(), '-f', 'json'], {
      timeoutMs: 60_000,
    });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.peakMiB).toBeLessThan(256);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.verdict).toBe('fail');
    const rows = report.results.map((x) => [x.subject.id, x.verdict, x.findings.map((f) => f.code).join()]);
    expect(rows).toEqual([
      ['bad arg', 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:3`, 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:5`, 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:6`, 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:8`, 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:9`, 'fail', 'PROBE_BAD_TARGET'],
      [`${file}:11`, 'fail', 'PROBE_BAD_TARGET'],
      [`a.example.test:${edge.port} (127.0.0.1)`, 'pass', ''],
      [`b.example.test:${edge.port} (127.0.0.1)`, 'pass', ''],
    ]);
    const findings = report.results.map((x) => x.findings[0]);
    expect(findings[1]!.location).toEqual({ source: file, line: 3 });
    expect(findings[2]!.message).toBe(
      `--targets ${file}:5 "a.example.test:0" was not probed: the port must be 1-65535`,
    );
    // The 1.3 MB line is quoted cut, with its length.
    const echoed = String(findings[4]!.args.target);
    expect(echoed.length).toBeLessThan(MAX_TARGET_ECHO + 40);
    expect(echoed.endsWith(`... (${long.length} characters)`)).toBe(true);
    expect(findings[5]!.args.target).toBe('evil\x1b[2J\x07.example.test');
  });

  test('a --targets file that cannot be read at all stays exit 2 with one line', async () => {
    const r = await spawnCertgate(['probe', '--targets', join(tmp, 'missing.txt'), ...common()], {
      timeoutMs: 30_000,
    });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^certgate: error: --targets .*missing\.txt/);
  });
});

/** The spawned runs' hang guard (60 s) ends a stuck child before the test itself times out. */
const SIGNAL_TEST_TIMEOUT_MS = 90_000;

/** A spawned certgate that the test can signal: its output, exit code and signal. */
function spawnSignalled(args: readonly string[]) {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/certgate.js'), ...args], {
    cwd: ROOT,
    env: { NO_COLOR: '1', PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let timedOut = false;
  const guard = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, 60_000);
  const closed = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
    timedOut: boolean;
  }>((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      done({ code, signal, stdout, stderr, timedOut });
    }),
  );
  return { child, closed };
}

/** Waits until the silent target is in flight; a child that exits before fails the test with its stderr. */
async function inFlight(
  connected: Promise<unknown>,
  closed: Promise<{ code: number | null; stderr: string }>,
) {
  const first = await Promise.race([connected.then(() => 'connected' as const), closed]);
  if (first !== 'connected')
    throw new Error(`certgate exited (${first.code}) before the handshake: ${first.stderr}`);
}

describe('SIGINT and SIGTERM mid-run write what finished, marked incomplete (item 6)', () => {
  let silent: Running;
  beforeAll(async () => {
    silent = await silentServer();
    servers.push(silent);
  });

  /** One target done, one in flight on the server that never answers, two not started. */
  const runArgs = (extra: string[]) => [
    'probe',
    `a.example.test:${edge.port}`,
    `silent.example.test:${silent.port}`,
    `b.example.test:${edge.port}`,
    `c.example.test:${edge.port}`,
    '--resolve',
    `*:${silent.port}:${HOST}`,
    ...common(),
    '--concurrency',
    '1',
    '--timeout',
    '60000',
    ...extra,
  ];

  const expectIncomplete = (report: JsonReport, signal: string) => {
    expect(report.verdict).toBe('fail');
    expect(
      report.results.map((x) => [x.subject.id, x.verdict, x.findings.map((f) => f.code).join()]),
    ).toEqual([
      [`a.example.test:${edge.port} (127.0.0.1)`, 'pass', ''],
      [`silent.example.test:${silent.port}`, 'fail', 'PROBE_INTERRUPTED'],
      [`b.example.test:${edge.port}`, 'fail', 'PROBE_INTERRUPTED'],
      [`c.example.test:${edge.port}`, 'fail', 'PROBE_INTERRUPTED'],
    ]);
    expect(report.results[1]!.findings[0]!.message).toBe(
      `silent.example.test:${silent.port} was not probed: the run was interrupted by ${signal} during its handshake`,
    );
    expect(report.results[2]!.findings[0]!.message).toBe(
      `b.example.test:${edge.port} was not probed: the run was interrupted by ${signal} before it started`,
    );
  };

  test(
    'SIGINT: the JSON report on stdout, the rest PROBE_INTERRUPTED, exit 130',
    async () => {
      const connected = once(silent.server, 'connection');
      const { child, closed } = spawnSignalled(runArgs(['-f', 'json']));
      await inFlight(connected, closed);
      child.kill('SIGINT');
      const r = await closed;
      expect(r.timedOut).toBe(false);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(130);
      expectIncomplete(JSON.parse(r.stdout) as JsonReport, 'SIGINT');
      expect(r.stderr).toBe(
        'certgate: interrupted by SIGINT: 1 of 4 targets finished; the report marks the other 3 as not probed (PROBE_INTERRUPTED)\n',
      );
    },
    SIGNAL_TEST_TIMEOUT_MS,
  );

  test(
    'SIGTERM with --output: the file replaced by the incomplete report, exit 143',
    async () => {
      const out = join(tmp, 'report.json');
      writeFileSync(out, '{"verdict":"pass"}\n'); // the previous run's report must not survive
      const connected = once(silent.server, 'connection');
      const { child, closed } = spawnSignalled(runArgs(['-f', 'json', '--output', out]));
      await inFlight(connected, closed);
      child.kill('SIGTERM');
      const r = await closed;
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(143);
      expect(r.stdout).toBe('');
      expectIncomplete(JSON.parse(readFileSync(out, 'utf8')) as JsonReport, 'SIGTERM');
      expect(r.stderr).toMatch(/^certgate: interrupted by SIGTERM: 1 of 4 targets finished/);
      expect(r.stderr).toMatch(/4 endpoints probed, 3 failing, verdict fail; report written to /);
    },
    SIGNAL_TEST_TIMEOUT_MS,
  );

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

  // Ctrl-C typed on a real terminal (a pseudo-terminal from util-linux `script`): the terminal
  // sends SIGINT to the foreground process and echoes ^C on the progress line.
  test.skipIf(!hasScript)(
    'Ctrl-C on a terminal: the progress line is erased, the notice ends the output',
    async () => {
      const out = join(tmp, 'tty.json');
      const command = [process.execPath, join(ROOT, 'bin/certgate.js'), ...runArgs(['-f', 'json'])]
        .map((w) => `'${w.replace(/'/g, "'\\''")}'`)
        .join(' ');
      const connected = once(silent.server, 'connection');
      const child = spawn('script', ['-qfec', `${command} > '${out}'`, '/dev/null'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, TERM: 'xterm', NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let terminal = '';
      child.stdout.setEncoding('utf8').on('data', (s: string) => (terminal += s));
      child.stderr.setEncoding('utf8').on('data', (s: string) => (terminal += s));
      const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const closed = once(child, 'close') as Promise<[number | null]>;
      await inFlight(
        connected,
        closed.then(([code]) => ({ code, stderr: terminal })),
      );
      child.stdin.write('\x03'); // Ctrl-C
      const [code] = await closed;
      clearTimeout(guard);
      expect(code).toBe(130);
      expect(terminal).toMatch(/certgate: probing 1\/4/);
      // The last thing on the terminal: the line cleared, then the notice and its newline.
      expect(terminal).toMatch(
        /\r\x1b\[Kcertgate: interrupted by SIGINT: 1 of 4 targets finished; the report marks the other 3 as not probed \(PROBE_INTERRUPTED\)\r\n$/,
      );
      expectIncomplete(JSON.parse(readFileSync(out, 'utf8')) as JsonReport, 'SIGINT');
    },
    SIGNAL_TEST_TIMEOUT_MS,
  );
});

describe('a server that sends a chain of more certificates than certgate examines', () => {
  let edge: Running;
  let rootFile: string;
  beforeAll(async () => {
    // root → 20 intermediates → leaf: every link real, so the peer chain Node exposes is 21 long
    let issuer = createCertificate({ subject: 'CN=long chain root', ca: true });
    rootFile = join(tmp, 'long-root.pem');
    writeFileSync(rootFile, issuer.pem);
    const intermediates = [];
    for (let i = 1; i <= 20; i++) {
      issuer = createCertificate({ subject: `CN=long chain intermediate ${i}`, issuer, ca: true });
      intermediates.unshift(issuer);
    }
    const leaf = createCertificate({
      subject: 'CN=long.example.test',
      issuer,
      sans: ['dns:long.example.test'],
      eku: ['serverAuth'],
    });
    edge = await tlsServer([site(['long.example.test'], leaf, ...intermediates)]);
  });
  afterAll(async () => {
    await edge.close();
  });

  test('says how many were sent and how many were examined, and does not pass on them', async () => {
    const r = await spawnCertgate(
      [
        'probe',
        `long.example.test:${edge.port}`,
        '--resolve',
        `*:${edge.port}:${HOST}`,
        '--roots',
        rootFile,
        '--at',
        AT_TEXT,
        '--format',
        'json',
      ],
      { timeoutMs: 60_000 },
    );
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    const findings = report.results[0]!.findings;
    const cut = findings.find((f) => f.code === 'PROBE_CHAIN_TRUNCATED');
    expect(cut?.args).toMatchObject({ sent: 21, kept: 16 });
    expect(cut?.message).toContain('sent 21 certificates; certgate examined the first 16');
    expect(report.results[0]!.verdict).toBe('fail');
  });
});
