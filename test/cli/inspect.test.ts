import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createCertificate } from '../support/cert-factory.js';
import { runCli } from '../support/cli.js';

const ex = (name: string) => join('examples/certs', name);
// A fixed "now" inside the example leaf's validity (2026-09-01 .. 2028-09-01).
const AT = ['--at', '2027-03-01T00:00:00Z'];
const tmp = mkdtempSync(join(tmpdir(), 'certgate-inspect-'));
const tmpFile = (name: string, content: Uint8Array | string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

interface JsonReport {
  verdict: string;
  results: {
    subject: { id: string };
    findings: { code: string; severity: string; message: string }[];
    details: Record<string, unknown>;
  }[];
  errors: { source: string; message: string }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const codes = (r: JsonReport) => r.results.flatMap((x) => x.findings.map((f) => f.code));

describe('inspect: good inputs', () => {
  test('a full chain in text: leaf first with names, validity and days left', async () => {
    const r = await runCli(['inspect', ex('fullchain.pem'), ...AT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/#0 leaf[\s\S]*#1 intermediate/);
    expect(r.stdout).toContain('DNS:www.example.com, DNS:example.com, DNS:*.static.example.com');
    expect(r.stdout).toContain('(550 days left)');
    expect(r.stdout).toContain('EC P-256');
    expect(r.stdout).toMatch(/sha256\s+([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 certificates checked: 0 errors, 0 warnings, 0 notes; verdict pass',
    );
  });

  test('the same chain as JSON follows the report contract', async () => {
    const r = await runCli(['inspect', ex('fullchain.pem'), '--format', 'json', ...AT]);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(report).toMatchObject({ verdict: 'pass', errors: [] });
    expect(report.results.map((x) => x.details.role)).toEqual(['leaf', 'intermediate']);
    expect(report.results[0]!.details).toMatchObject({
      subject: 'CN=www.example.com',
      issuer: 'CN=Example Issuing CA E1,O=Example Trust Services,C=US',
      subjectAltNames: ['DNS:www.example.com', 'DNS:example.com', 'DNS:*.static.example.com'],
      notAfter: '2028-09-01T00:00:00.000Z',
      daysLeft: 550,
    });
    const extNames = (report.results[1]!.details.extensions as { name: string }[]).map((e) => e.name);
    expect(extNames).toEqual(
      expect.arrayContaining([
        'basicConstraints',
        'keyUsage',
        'extKeyUsage',
        'certificatePolicies',
        'authorityInfoAccess',
        'cRLDistributionPoints',
      ]),
    );
  });

  test('a chain out of order is shown leaf first and reported', async () => {
    const r = await runCli(['inspect', ex('out-of-order.pem'), '--format', 'json', ...AT]);
    const report = json(r.stdout);
    expect(report.results.map((x) => x.details.role)).toEqual(['leaf', 'intermediate']);
    expect(report.results.map((x) => x.details.fileIndex)).toEqual([1, 0]);
    expect(codes(report)).toEqual(['INPUT_CHAIN_OUT_OF_ORDER']);
    expect(r.code).toBe(0); // a warning does not fail under the default --fail-on error
    expect((await runCli(['inspect', ex('out-of-order.pem'), '--fail-on', 'warning', ...AT])).code).toBe(1);
  });

  test('a PKCS#7 bundle with three certificates, root last', async () => {
    const r = await runCli(['inspect', ex('chain.p7b'), '--format', 'json', ...AT]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).results.map((x) => x.details.role)).toEqual(['leaf', 'intermediate', 'root']);
  });

  test('a DER certificate', async () => {
    const r = await runCli(['inspect', ex('leaf.der'), '--format', 'json', ...AT]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).results[0]!.details.subject).toBe('CN=www.example.com');
  });

  test('a real-world root bundle decodes: the Amazon roots from the Mozilla store', async () => {
    const r = await runCli(['inspect', ex('amazon-roots.pem'), '--format', 'json', ...AT]);
    expect(r.code).toBe(0);
    const subjects = json(r.stdout).results.map((x) => x.details.subject);
    expect(subjects).toContain('CN=Amazon Root CA 1,O=Amazon,C=US');
    expect(json(r.stdout).results.every((x) => x.details.role === 'root')).toBe(true);
  });

  test('standard input with -', async () => {
    const r = await runCli(['inspect', '-', '--format', 'json', ...AT], {
      stdin: readFileSync(ex('fullchain.pem')),
    });
    expect(r.code).toBe(0);
    expect(json(r.stdout).results[0]!.subject).toMatchObject({ id: 'CN=www.example.com', source: '<stdin>' });
  });

  test('a private key in the file is skipped, noted and never printed', async () => {
    const file = readFileSync(ex('with-private-key.pem'), 'utf8');
    const keyBody = file.split('-----BEGIN PRIVATE KEY-----')[1]!.split('-----END')[0]!.trim().split('\n');
    for (const format of ['text', 'json']) {
      const r = await runCli(['inspect', ex('with-private-key.pem'), '--format', format, ...AT]);
      expect(r.code).toBe(0);
      for (const line of keyBody) expect(r.stdout).not.toContain(line);
      expect(r.stdout).toContain('INPUT_PRIVATE_KEY_SKIPPED');
    }
  });
});

describe('inspect: findings and --fail-on', () => {
  test('an expired leaf fails with CERT_EXPIRED', async () => {
    const r = await runCli(['inspect', ex('expired-chain.pem'), '--format', 'json', ...AT]);
    expect(r.code).toBe(1);
    expect(codes(json(r.stdout))).toEqual(['CERT_EXPIRED']);
  });

  test('--at inside its validity passes the same chain', async () => {
    expect((await runCli(['inspect', ex('expired-chain.pem'), '--at', '2024-06-01'])).code).toBe(0);
  });

  test('--warn-days sets the expiry window', async () => {
    const near = ['--at', '2028-08-15T00:00:00Z'];
    const r = await runCli(['inspect', ex('fullchain.pem'), '--format', 'json', ...near]);
    expect(codes(json(r.stdout))).toEqual(['CERT_EXPIRES_SOON']);
    const r2 = await runCli([
      'inspect',
      ex('fullchain.pem'),
      '--format',
      'json',
      '--warn-days',
      '7',
      ...near,
    ]);
    expect(codes(json(r2.stdout))).toEqual([]);
  });

  test('a leaf without subjectAltName and a 1024-bit key are warned about', async () => {
    const r = await runCli(['inspect', ex('no-san.pem'), ex('weak-key.pem'), '--format', 'json', ...AT]);
    expect(codes(json(r.stdout))).toEqual(['CERT_NO_SUBJECT_ALT_NAME', 'CERT_WEAK_RSA_KEY']);
    expect(r.code).toBe(0);
    expect((await runCli(['inspect', ex('weak-key.pem'), '--fail-on', 'warning', ...AT])).code).toBe(1);
  });
});

describe('inspect: bad input gives exit 2 and one line naming the file', () => {
  const der = readFileSync(ex('leaf.der'));
  const flipped = Buffer.from(der);
  flipped[1] = 0x84; // claim a four-byte length where two follow
  const cases: [string, () => string, RegExp][] = [
    ['a missing path', () => join(tmp, 'nope.pem'), /nope\.pem: no such file or directory$/],
    ['a directory', () => tmp, /is a directory, not a file$/],
    ['an empty file', () => tmpFile('empty.pem', ''), /empty\.pem: .*no certificate/],
    [
      'a text file that is not a certificate',
      () => tmpFile('notes.txt', 'hello\nworld\n'),
      /notes\.txt: .*no certificate/,
    ],
    [
      'random bytes',
      () => tmpFile('random.bin', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256))),
      /random\.bin: /,
    ],
    ['a truncated DER', () => tmpFile('truncated.der', der.subarray(0, 200)), /truncated\.der: .*byte \d+/],
    ['a corrupted DER length', () => tmpFile('flipped.der', flipped), /flipped\.der: .*byte \d+/],
    [
      'a PEM with broken base64',
      () => tmpFile('bad64.pem', '-----BEGIN CERTIFICATE-----\nMIIB$$$$\n-----END CERTIFICATE-----\n'),
      /bad64\.pem: /,
    ],
  ];
  test.each(cases)('%s', async (_name, makePath, want) => {
    const r = await runCli(['inspect', makePath()]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^certgate: error: /);
    expect(lines[0]).toMatch(want);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('one bad file does not lose the others', async () => {
    const r = await runCli([
      'inspect',
      join(tmp, 'missing.pem'),
      ex('fullchain.pem'),
      '--format',
      'json',
      ...AT,
    ]);
    expect(r.code).toBe(2);
    const report = json(r.stdout);
    expect(report.results).toHaveLength(2);
    expect(report.errors).toEqual([
      { source: join(tmp, 'missing.pem'), message: `${join(tmp, 'missing.pem')}: no such file or directory` },
    ]);
    expect(report.verdict).toBe('fail');
  });
});

describe('colour', () => {
  test('on a TTY the text is coloured', async () => {
    const r = await runCli(['inspect', ex('fullchain.pem'), ...AT], { isTTY: true });
    expect(r.stdout).toMatch(/\u001b\[32mPASS/);
  });
  test('NO_COLOR turns colour off on a TTY', async () => {
    const r = await runCli(['inspect', ex('fullchain.pem'), ...AT], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
  test('JSON is never coloured', async () => {
    const r = await runCli(['inspect', ex('fullchain.pem'), '--format', 'json', ...AT], { isTTY: true });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('usage', () => {
  test('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  test('--help lists inspect with examples', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inspect');
    expect(r.stdout).toContain('Examples:');
  });

  test('inspect --help explains options and exit codes', async () => {
    const r = await runCli(['inspect', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--format', '--fail-on', '--at', '--warn-days', 'Exit codes'])
      expect(r.stdout).toContain(s);
  });

  test('no arguments shows help and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: certgate');
  });

  test.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['inspect'], /missing required argument 'file'/],
    [['inspect', 'x.pem', '--format', 'xml'], /argument 'xml' is invalid/],
    [['inspect', 'x.pem', '--fail-on', 'sometimes'], /argument 'sometimes' is invalid/],
    [['inspect', 'x.pem', '--at', 'yesterday'], /ISO 8601/],
    [['inspect', 'x.pem', '--warn-days', '-3'], /whole number/],
    [['inspect', '-', '-'], /standard input .* only once/],
  ])('bad usage %j exits 2 with a one-line reason', async (argv, want) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
    expect(r.stderr).toMatch(/^certgate: error: /);
  });
});

describe('inspect: an extension value that does not decode', () => {
  test('the certificate is shown, with CERT_MALFORMED_EXTENSION (exit 1)', async () => {
    const der = createCertificate({
      subject: 'CN=bad.example.com',
      extensions: [{ oid: '2.5.29.37', value: Uint8Array.from([0x30, 0x00]) }],
    }).der;
    const r = await runCli(['inspect', tmpFile('bad-eku.der', der), '--format', 'json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.findings.map((f: { code: string }) => f.code)).toContain('CERT_MALFORMED_EXTENSION');
    const ext = result.details.extensions.find((e: { oid: string }) => e.oid === '2.5.29.37');
    expect(ext).toMatchObject({ name: 'extKeyUsage', summary: 'does not decode: empty extKeyUsage' });
  });
});

describe('days left in colour', () => {
  test('yellow inside the --warn-days window, green outside it', async () => {
    const { inspectCertificates } = await import('../../src/inspect/inspect.js');
    const { renderCertificateText } = await import('../../src/inspect/text.js');
    const { createColors } = await import('../../src/report/colors.js');
    // The example leaf ends 2028-09-01: on 2028-07-01 it has 62 days left.
    const [leaf] = inspectCertificates(readFileSync(ex('fullchain.pem')), {
      source: 'fullchain.pem',
      at: new Date('2028-07-01T00:00:00Z'),
      warnDays: 90,
    });
    const view = leaf!.details as Parameters<typeof renderCertificateText>[0];
    const valid = (warnDays: number) =>
      renderCertificateText(view, createColors(true), warnDays).find((l) => l.includes('days left'))!;
    expect(valid(90)).toContain('\u001b[33m');
    expect(valid(30)).toContain('\u001b[32m');
  });
});
