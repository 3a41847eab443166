import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createCertificate } from '../support/cert-factory.js';
import { runCli } from '../support/cli.js';
import { createCrl, serialOf } from '../support/crl-builder.js';
import { makeChain, pemChain } from '../verify/chains.js';

const ex = (name: string) => join('examples/certs', name);
// A fixed "now" inside the example leaf's validity (2026-09-01 .. 2028-09-01).
const AT = ['--at', '2027-03-01T00:00:00Z'];
const ROOTS = ['--roots', ex('root.pem')];
const tmp = mkdtempSync(join(tmpdir(), 'certgate-verify-'));
const tmpFile = (name: string, content: Uint8Array | string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

interface JsonReport {
  command: string;
  verdict: string;
  results: {
    subject: { kind: string; id: string; source: string };
    verdict: string;
    findings: {
      code: string;
      severity: string;
      message: string;
      fix: string;
      args: Record<string, unknown>;
    }[];
    details: {
      reference?: { kind: string; value: string };
      trust: { store: string; roots: string[]; addRoots: string[] };
      path: {
        index: number;
        role: string;
        subject: string;
        origin: string;
        fingerprints: { sha256: string };
      }[];
      steps: { step: string; status: string; certIndex?: number }[];
      failedStep?: { step: string; certIndex?: number; code: string };
      clientErrors?: { openssl: { code: number; text: string }[]; node: { code: string }[]; curl: string[] };
    };
  }[];
  summary: { errors: number };
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const verifyJson = async (...argv: string[]) => {
  const r = await runCli(['verify', ...argv, '--format', 'json', ...AT]);
  return { code: r.code, report: json(r.stdout), stderr: r.stderr };
};
const codes = (r: JsonReport) => r.results.flatMap((x) => x.findings.map((f) => f.code));

describe('verify: the example chain', () => {
  test('the README command passes and walks the flow', async () => {
    const r = await runCli(['verify', ex('fullchain.pem'), ...ROOTS, '--host', 'www.example.com', ...AT]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `✓ path  www.example.com → Example Issuing CA E1 → Example Root CA R1 (trusted: ${ex('root.pem')})`,
    );
    expect(r.stdout).toMatch(
      /✓ #0 www\.example\.com \(leaf[\s\S]*✓ #1 Example Issuing CA E1[\s\S]*✓ #2 Example Root CA R1 \(trust anchor/,
    );
    expect(r.stdout).toContain('✓ name  www.example.com matches DNS:www.example.com');
    expect(r.stdout).toContain('PASS  the chain is valid for www.example.com');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 chain checked: 0 errors, 0 warnings, 0 notes; verdict pass',
    );
  });

  test('a name the certificate does not cover: exit 1, the name step, and what clients say', async () => {
    const r = await runCli(['verify', ex('fullchain.pem'), ...ROOTS, '--host', 'api.example.com', ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '✗ name  api.example.com is not covered by DNS:www.example.com, DNS:example.com',
    );
    expect(r.stdout).toContain('FAIL  step "name" failed');
    expect(r.stdout).toContain('OpenSSL  hostname mismatch (62)');
    expect(r.stdout).toContain(
      "Node.js  ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com, DNS:example.com, DNS:*.static.example.com",
    );
    expect(r.stdout).toContain(
      "curl     SSL: no alternative certificate subject name matches target host name 'api.example.com'",
    );
    expect(r.stdout).toContain('fix: ');
    expect(r.stdout).toContain('docs: docs/rules/NAME_MISMATCH.md');
  });

  test.each([
    ['a wildcard one label short', 'a.b.static.example.com', /stands for exactly one label/],
    ['a wildcard at its apex', 'static.example.com', /not static\.example\.com itself/],
  ])('%s', async (_name, host, want) => {
    const r = await runCli(['verify', ex('fullchain.pem'), ...ROOTS, '--host', host, ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(want);
  });

  test('by default the Mozilla roots: the private example root is unknown', async () => {
    const r = await runCli(['verify', ex('fullchain.pem'), '--host', 'www.example.com', ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ path  www.example.com → Example Issuing CA E1 → no trust anchor reached');
    expect(r.stdout).toContain('FAIL  step "path" failed');
    expect(r.stdout).toContain('OpenSSL  unable to get local issuer certificate (20)');
    expect(r.stdout).toContain(
      'Node.js  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: unable to get local issuer certificate',
    );
    expect(r.stdout).toContain('curl     SSL certificate problem: unable to get local issuer certificate');
    expect(r.stdout).toContain('(Mozilla roots)');
  });

  test('--add-roots adds the example root to the Mozilla roots', async () => {
    const { code, report } = await verifyJson(ex('fullchain.pem'), '--add-roots', ex('root.pem'));
    expect(code).toBe(0);
    expect(report.results[0]!.details.trust).toEqual({
      store: 'mozilla',
      roots: [],
      addRoots: [ex('root.pem')],
    });
    expect(report.results[0]!.details.path.at(-1)).toMatchObject({
      origin: 'add-roots',
      role: 'trust anchor',
    });
  });

  test('an expired leaf fails at its validity step', async () => {
    const r = await runCli(['verify', ex('expired-chain.pem'), ...ROOTS, ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  step "validity" of #0 www.example.com failed: Certificate has expired');
    expect(r.stdout).toContain('OpenSSL  certificate has expired (10)');
    expect(r.stdout).toContain('Node.js  CERT_HAS_EXPIRED: certificate has expired');
    expect((await runCli(['verify', ex('expired-chain.pem'), ...ROOTS, '--at', '2024-06-01'])).code).toBe(0);
  });

  test('a leaf without its intermediate, and --untrusted supplying it', async () => {
    const missing = await verifyJson(ex('leaf-only.pem'), ...ROOTS, '--host', 'www.example.com');
    expect(missing.code).toBe(1);
    expect(codes(missing.report)).toEqual(['PATH_UNKNOWN_ISSUER']);
    expect(missing.report.results[0]!.findings[0]!.message).toMatch(/missing its intermediate/);
    const given = await verifyJson(ex('leaf-only.pem'), ...ROOTS, '--untrusted', ex('fullchain.pem'));
    expect(given.code).toBe(0);
    expect(given.report.results[0]!.details.path.map((p) => p.origin)).toEqual([
      'chain',
      'untrusted',
      'roots',
    ]);
  });

  test.each([
    ['self-signed.pem', [], 'PATH_UNTRUSTED_ROOT', 'path', /OpenSSL {2}self-signed certificate \(18\)/],
    [
      'client-auth-chain.pem',
      ROOTS,
      'PATH_EKU_MISMATCH',
      'extended key usage',
      /unsuitable certificate purpose \(26\)/,
    ],
    [
      'weak-key.pem',
      [...ROOTS, '--untrusted', ex('fullchain.pem')],
      'PATH_WEAK_KEY',
      'key',
      /EE certificate key too weak \(66\)/,
    ],
  ])('%s fails with %s', async (file, extra, code, step, clients) => {
    const r = await runCli(['verify', ex(file), ...extra, '--host', 'www.example.com', ...AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`error ${code}`);
    expect(r.stdout).toContain(`FAIL  step "${step}"`);
    expect(r.stdout).toMatch(clients);
  });

  test('--purpose client accepts the clientAuth leaf; --policy rfc5280 accepts RSA-1024', async () => {
    expect(
      (await runCli(['verify', ex('client-auth-chain.pem'), ...ROOTS, '--purpose', 'client', ...AT])).code,
    ).toBe(0);
    const weak = ['verify', ex('weak-key.pem'), ...ROOTS, '--untrusted', ex('fullchain.pem'), ...AT];
    expect((await runCli([...weak, '--policy', 'rfc5280'])).code).toBe(0);
  });

  test('a CN-only certificate: the profile under cabf, the name under client and rfc5280', async () => {
    const args = [
      ex('no-san.pem'),
      ...ROOTS,
      '--untrusted',
      ex('fullchain.pem'),
      '--host',
      'legacy.example.com',
    ];
    const cabf = await verifyJson(...args, '--policy', 'cabf');
    expect(codes(cabf.report)).toEqual(['PATH_INVALID_EXTENSION']);
    expect(cabf.report.results[0]!.findings[0]!.message).toContain('browsers and Go ignore the subject CN');
    // Chrome never falls back to the CN, so clients as a whole refuse the name
    const client = await verifyJson(...args);
    expect(codes(client.report)).toEqual(['NAME_MISMATCH']);
    const rfc = await verifyJson(...args, '--policy', 'rfc5280');
    expect(codes(rfc.report)).toEqual(['NAME_MISMATCH']);
    expect(rfc.report.results[0]!.findings[0]!.message).toContain('would have matched in old clients');
  });

  test('a chain out of order verifies with a warning; --fail-on warning fails it', async () => {
    const r = await verifyJson(ex('out-of-order.pem'), ...ROOTS);
    expect(r.code).toBe(0);
    expect(codes(r.report)).toEqual(['INPUT_CHAIN_OUT_OF_ORDER']);
    expect(
      (await runCli(['verify', ex('out-of-order.pem'), ...ROOTS, '--fail-on', 'warning', ...AT])).code,
    ).toBe(1);
  });

  test('a private key in the chain file is skipped, noted and never printed', async () => {
    const file = readFileSync(ex('with-private-key.pem'), 'utf8');
    const keyLines = file.split('-----BEGIN PRIVATE KEY-----')[1]!.split('-----END')[0]!.trim().split('\n');
    const r = await runCli(['verify', ex('with-private-key.pem'), ...ROOTS, '--format', 'json', ...AT]);
    expect(r.code).toBe(0);
    expect(codes(json(r.stdout))).toEqual(['INPUT_PRIVATE_KEY_SKIPPED']);
    for (const line of keyLines) expect(r.stdout).not.toContain(line);
  });

  test('the chain from standard input', async () => {
    const r = await runCli(['verify', '-', ...ROOTS, '--host', 'www.example.com', ...AT], {
      stdin: readFileSync(ex('fullchain.pem')),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verifying <stdin> for www.example.com');
  });

  test('colour only on a TTY', async () => {
    const argv = ['verify', ex('fullchain.pem'), ...ROOTS, '--host', 'api.example.com', ...AT];
    expect((await runCli(argv)).stdout).not.toContain('\x1b[');
    expect((await runCli(argv, { isTTY: true })).stdout).toContain('\x1b[');
    expect((await runCli(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
  });
});

describe('verify: the JSON report', () => {
  test('one chain result with findings, the path and the steps', async () => {
    const { code, report } = await verifyJson(ex('fullchain.pem'), ...ROOTS, '--host', 'api.example.com');
    expect(code).toBe(1);
    expect(report).toMatchObject({ command: 'verify', verdict: 'fail', summary: { errors: 1 } });
    const result = report.results[0]!;
    expect(result.subject).toEqual({ kind: 'chain', id: 'api.example.com', source: ex('fullchain.pem') });
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['NAME_MISMATCH', 'error']]);
    expect(result.findings[0]!.args).toMatchObject({ reference: 'api.example.com', referenceType: 'dns' });
    expect(result.details.reference).toEqual({ kind: 'dns', value: 'api.example.com' });
    expect(result.details.path.map((p) => [p.subject, p.role])).toEqual([
      ['CN=www.example.com', 'leaf'],
      ['CN=Example Issuing CA E1,O=Example Trust Services,C=US', 'intermediate'],
      ['CN=Example Root CA R1,O=Example Trust Services,C=US', 'trust anchor'],
    ]);
    for (const p of result.details.path)
      expect(p.fingerprints.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(result.details.failedStep).toMatchObject({ step: 'name', code: 'NAME_MISMATCH' });
    expect(result.details.steps.filter((s) => s.status === 'failed')).toHaveLength(1);
    expect(result.details.clientErrors?.openssl).toEqual([{ code: 62, text: 'hostname mismatch' }]);
  });

  test('without a name the result is the leaf subject', async () => {
    const { report } = await verifyJson(ex('fullchain.pem'), ...ROOTS);
    expect(report.results[0]!.subject.id).toBe('CN=www.example.com');
    expect(report.results[0]!.details.steps.find((s) => s.step === 'name')?.status).toBe('skipped');
  });
});

describe('verify: generated chains in a temporary folder', () => {
  const c = makeChain();
  const chain = tmpFile('chain.pem', pemChain(c));
  const root = tmpFile('root.pem', c.root.pem);
  const at = ['--at', '2026-01-01T00:00:00Z'];

  test('--roots with a generated root passes; the Mozilla roots do not know it', async () => {
    expect((await runCli(['verify', chain, '--roots', root, '--host', 'www.example.com', ...at])).code).toBe(
      0,
    );
    const r = await runCli(['verify', chain, '--host', 'www.example.com', ...at]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error PATH_UNKNOWN_ISSUER');
  });

  test('--ip against a certificate with DNS names only', async () => {
    const r = await runCli(['verify', chain, '--roots', root, '--ip', '192.0.2.1', ...at]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("IP: 192.0.2.1 is not in the cert's list: ");
    expect(r.stdout).toContain('OpenSSL  IP address mismatch (64)');
  });

  test('a root file given twice as --add-roots is fine', async () => {
    const r = await runCli(['verify', chain, '--add-roots', root, '--add-roots', root, ...at]);
    expect(r.code).toBe(0);
  });
});

describe('verify: bad usage and bad input exit 2 with one line', () => {
  const brokenRoots = tmpFile(
    'broken-roots.pem',
    `${readFileSync(ex('root.pem'), 'utf8')}-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n`,
  );
  const notCert = tmpFile('notes.txt', 'hello\n');
  const cases: [string, () => string[], RegExp][] = [
    [
      '--host with --ip',
      () => [ex('fullchain.pem'), '--host', 'www.example.com', '--ip', '192.0.2.1'],
      /option '--host <name>' cannot be used with option '--ip <addr>'/,
    ],
    [
      'a wildcard host',
      () => [ex('fullchain.pem'), '--host', '*.example.com'],
      /--host "\*\.example\.com": .*wildcard/,
    ],
    ['an IP given as --host', () => [ex('fullchain.pem'), '--host', '192.0.2.1'], /use --ip/],
    ['a bad --ip', () => [ex('fullchain.pem'), '--ip', '300.1.2.3'], /--ip "300\.1\.2\.3": /],
    ['a missing chain file', () => [join(tmp, 'nope.pem')], /nope\.pem: no such file or directory$/],
    ['a chain file that is not a certificate', () => [notCert], /notes\.txt: .*no certificate/],
    [
      'a malformed roots file names the file and the block',
      () => [ex('fullchain.pem'), '--roots', brokenRoots],
      /broken-roots\.pem: block 2 \(line \d+\): /,
    ],
    [
      'a missing --untrusted file',
      () => [ex('fullchain.pem'), '--untrusted', join(tmp, 'gone.pem')],
      /gone\.pem: no such file/,
    ],
    ['a bad --purpose', () => [ex('fullchain.pem'), '--purpose', 'email'], /argument 'email' is invalid/],
    ['a bad --policy', () => [ex('fullchain.pem'), '--policy', 'strict'], /argument 'strict' is invalid/],
    ['a bad --at', () => [ex('fullchain.pem'), '--at', 'tomorrow'], /ISO 8601/],
    ['stdin twice', () => ['-', '--roots', '-'], /standard input .* only once/],
  ];
  test.each(cases)('%s', async (_name, argv, want) => {
    const r = await runCli(['verify', ...argv()]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^certgate: error: /);
    expect(lines[0]).toMatch(want);
    expect(r.stdout).toBe('');
  });
});

describe('verify: help', () => {
  test('verify --help explains the flags, with worked examples and exit codes', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    for (const s of [
      '--roots',
      '--add-roots',
      '--untrusted',
      '--host',
      '--ip',
      '--at',
      '--purpose',
      '--policy',
      '--format',
      '--fail-on',
      'Exit codes',
    ])
      expect(r.stdout).toContain(s);
    expect(r.stdout).toContain(
      'certgate verify examples/certs/fullchain.pem --roots examples/certs/root.pem --host www.example.com',
    );
  });

  test('the main help lists verify', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toMatch(/verify \[options\] <chain-file>/);
  });
});

describe('verify --crl: revocation against given CRLs', () => {
  // The factory chain is valid 2024-01-01 .. 2034-01-01; its intermediate issues the CRL.
  const at = ['--at', '2025-06-01T00:00:00Z'];
  const chain = makeChain({ sans: ['dns:crl.example.test'] });
  const chainFile = tmpFile('crl-chain.pem', pemChain(chain));
  const rootFile = tmpFile('crl-root.pem', chain.root.pem);
  const crlPem = (der: Uint8Array) =>
    `-----BEGIN X509 CRL-----\n${Buffer.from(der)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')}\n-----END X509 CRL-----\n`;
  const window = {
    thisUpdate: new Date('2025-05-01T00:00:00Z'),
    nextUpdate: new Date('2025-07-01T00:00:00Z'),
  };
  const run = (...crl: string[]) =>
    runCli([
      'verify',
      chainFile,
      '--roots',
      rootFile,
      ...crl.flatMap((f) => ['--crl', f]),
      '--format',
      'json',
      ...at,
    ]);

  test('a CRL that revokes the leaf fails the chain with PATH_REVOKED', async () => {
    const der = createCrl({
      issuer: chain.intermediate,
      revoked: [{ serial: serialOf(chain.leaf.der) }],
      ...window,
    });
    const r = await run(tmpFile('revoking.crl', der));
    expect(r.code).toBe(1);
    expect(codes(json(r.stdout))).toEqual(['PATH_REVOKED']);
  });

  const rootCrl = () => tmpFile('root.crl', createCrl({ issuer: chain.root, ...window }));

  test('CRLs (PEM and DER) that do not list the chain pass, and the revocation steps ran', async () => {
    const der = createCrl({ issuer: chain.intermediate, revoked: [{ serial: 12345 }], ...window });
    const r = await run(tmpFile('clean.pem', crlPem(der)), rootCrl());
    expect(r.code).toBe(0);
    const steps = json(r.stdout).results[0]!.details.steps.filter((s) => s.step === 'revocation');
    expect(steps.map((s) => s.status)).toEqual(['ok', 'ok']);
  });

  test("without the root's CRL the intermediate's status is unknown (--crl-check all, the default)", async () => {
    const clean = tmpFile('clean.crl', createCrl({ issuer: chain.intermediate, ...window }));
    const r = await run(clean);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(codes(report)).toEqual(['PATH_REVOCATION_UNKNOWN']);
    expect(report.results[0]!.details.failedStep).toMatchObject({ step: 'revocation', certIndex: 1 });
    expect(report.results[0]!.findings[0]!.message).toContain(
      'no CRL from "CN=Verify Test Root,O=certgate" was given',
    );
  });

  test("--crl-check leaf needs only the leaf issuer's CRL; the intermediate shows as skipped", async () => {
    const clean = tmpFile('clean.crl', createCrl({ issuer: chain.intermediate, ...window }));
    const r = await runCli([
      'verify',
      chainFile,
      '--roots',
      rootFile,
      '--crl',
      clean,
      '--crl-check',
      'leaf',
      '--format',
      'json',
      ...at,
    ]);
    expect(r.code).toBe(0);
    const steps = json(r.stdout).results[0]!.details.steps.filter((s) => s.step === 'revocation');
    expect(steps.map((s) => s.status)).toEqual(['ok', 'skipped']);
  });

  test('without --crl the revocation step is skipped, never ok', async () => {
    const r = await run();
    const steps = json(r.stdout).results[0]!.details.steps.filter((s) => s.step === 'revocation');
    expect(steps.every((s) => s.status === 'skipped')).toBe(true);
  });

  test.each([
    ['a file with no CRL', () => tmpFile('nocrl.pem', chain.root.pem), /--crl .*no CRL found/],
    [
      'a malformed DER CRL',
      () => tmpFile('bad.crl', new Uint8Array([0x30, 0x03, 0x02, 0x01])),
      /--crl .*bad\.crl: /,
    ],
    ['a missing file', () => join(tmp, 'gone.crl'), /--crl .*gone\.crl: no such file/],
  ])('%s is bad input: exit 2, one line', async (_name, file, want) => {
    const r = await run(file());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(want);
  });
});

describe('verify: a certificate with an extension value that does not decode', () => {
  // A SAN whose iPAddress has 8 bytes: the certificate is DER, the extension's value is not valid.
  const bad = makeChain({
    sans: [],
    leaf: {
      extensions: [
        { oid: '2.5.29.17', value: Uint8Array.from([0x30, 0x0a, 0x87, 0x08, 1, 2, 3, 4, 5, 6, 7, 8]) },
      ],
    },
  });
  const root = tmpFile('malformed-root.pem', bad.root.pem);

  test('is a finding on that certificate (exit 1), not unreadable input', async () => {
    const r = await verifyJson(tmpFile('malformed.pem', pemChain(bad)), '--roots', root);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const finding = r.report.results[0]!.findings[0]!;
    expect(finding.code).toBe('PATH_INVALID_EXTENSION');
    expect(finding.args).toMatchObject({ extension: 'subjectAltName', certIndex: 0 });
    expect(finding.message).toContain('its value does not decode: iPAddress of 8 bytes');
  });

  test('under every policy', async () => {
    for (const policy of ['cabf', 'rfc5280']) {
      const r = await verifyJson(
        tmpFile('malformed.pem', pemChain(bad)),
        '--roots',
        root,
        '--policy',
        policy,
      );
      expect(codes(r.report), policy).toEqual(['PATH_INVALID_EXTENSION']);
    }
  });

  test('a file that is not a certificate at all stays bad input (exit 2)', async () => {
    const r = await runCli(['verify', tmpFile('garbage.pem', 'not a certificate\n'), ...AT]);
    expect(r.code).toBe(2);
  });
});

describe('verify: certificate policy options', () => {
  const P1 = '2.16.840.1.101.3.2.1.48.1';
  const P2 = '2.16.840.1.101.3.2.1.48.2';
  const policyChain = makeChain({ leaf: { policies: [P1] }, intermediate: { policies: [P1] } });
  const file = tmpFile('policy-chain.pem', pemChain(policyChain));
  const root = tmpFile('policy-root.pem', policyChain.root.pem);
  const run = (...argv: string[]) => verifyJson(file, '--roots', root, '--host', 'www.example.com', ...argv);

  test('without options, policies decide nothing', async () => {
    expect((await run()).code).toBe(0);
  });

  test('--require-explicit-policy with the asserted policy passes', async () => {
    const r = await run('--require-explicit-policy', '--initial-policy', P1);
    expect(r.code, JSON.stringify(r.report.results[0]?.findings)).toBe(0);
  });

  test('--require-explicit-policy for another policy fails at the policy step, naming the settings', async () => {
    const r = await run('--require-explicit-policy', '--initial-policy', P2);
    expect(r.code).toBe(1);
    expect(codes(r.report)).toEqual(['PATH_NO_VALID_POLICY']);
    expect(r.report.results[0]!.details.failedStep).toMatchObject({ step: 'policy' });
    const text = await runCli([
      'verify',
      file,
      '--roots',
      root,
      '--host',
      'www.example.com',
      ...AT,
      '--require-explicit-policy',
      '--initial-policy',
      P2,
    ]);
    expect(text.stdout).toContain(
      `✗ policy  no accepted policy (${P2}) is valid for the path; --require-explicit-policy requires one`,
    );
  });

  test('a bad policy OID is a usage error (exit 2, one line)', async () => {
    const r = await runCli(['verify', file, '--roots', root, ...AT, '--initial-policy', 'not-an-oid']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--initial-policy');
  });
});

describe('verify: which roots are trusted', () => {
  const c = makeChain();
  const file = tmpFile('trust-chain.pem', pemChain(c));
  const rootPem = tmpFile('trust-root.pem', c.root.pem);
  const folder = (name: string, files: Record<string, string>) => {
    const dir = join(tmp, name);
    mkdirSync(dir, { recursive: true });
    for (const [n, content] of Object.entries(files)) writeFileSync(join(dir, n), content);
    return dir;
  };
  const text = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli(['verify', file, '--host', 'www.example.com', ...argv, ...AT], { env });

  test('by default the Mozilla roots: a private chain fails, and the first line says so', async () => {
    const r = await text([]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/roots Mozilla \(Node\.js\)$/);
  });

  test('NODE_EXTRA_CA_CERTS in the environment adds its roots, as Node does', async () => {
    const r = await text([], { NODE_EXTRA_CA_CERTS: rootPem });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(`roots Mozilla (Node.js) + NODE_EXTRA_CA_CERTS ${rootPem}`);
    expect(r.stdout).toContain(`(trusted: NODE_EXTRA_CA_CERTS ${rootPem})`);
  });

  test('a NODE_EXTRA_CA_CERTS file that is missing is a warning, not a stop', async () => {
    const r = await runCli(['verify', file, '--format', 'json', ...AT], {
      env: { NODE_EXTRA_CA_CERTS: join(tmp, 'nope.pem') },
    });
    expect(r.code).toBe(1);
    expect(codes(json(r.stdout))).toEqual(['INPUT_EXTRA_CA_CERTS_UNREADABLE', 'PATH_UNKNOWN_ISSUER']);
  });

  test('--roots DIR: every PEM file of a plain folder', async () => {
    const dir = folder('roots-plain', { 'corp-root.pem': c.root.pem, 'README.txt': 'not read' });
    const r = await text(['--roots', dir]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`(trusted: ${dir})`);
  });

  test('--roots DIR: an OpenSSL hashed directory is read by its hashed names only', async () => {
    const dir = folder('roots-hashed', { '1a2b3c4d.0': c.root.pem, 'broken.pem': 'not a certificate' });
    expect((await text(['--roots', dir])).code).toBe(0);
  });

  test('--roots DIR: a file there that is not a certificate names the file (exit 2)', async () => {
    const dir = folder('roots-bad', { 'root.pem': c.root.pem, 'broken.pem': 'not a certificate' });
    const r = await text(['--roots', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--roots ${join(dir, 'broken.pem')}`);
  });

  test('--roots DIR: a folder without certificates (exit 2)', async () => {
    const r = await text(['--roots', folder('roots-empty', { 'notes.txt': 'x' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no certificate in the folder');
  });

  test('--roots system reads SSL_CERT_FILE and SSL_CERT_DIR, as OpenSSL does', async () => {
    const byFile = await text(['--roots', 'system'], { SSL_CERT_FILE: rootPem });
    expect(byFile.code, byFile.stdout).toBe(0);
    expect(byFile.stdout.split('\n')[0]).toContain(`roots system (${rootPem})`);
    const dir = folder('ssl-cert-dir', { 'abcdef01.0': c.root.pem });
    expect((await text(['--roots', 'system'], { SSL_CERT_DIR: dir })).code).toBe(0);
  });

  test("--policy cabf: roots of one's own meet the BR root profile, --roots system is taken as is", async () => {
    // a root with a non-critical basicConstraints, as one root of the Mozilla store has
    const probe = createCertificate({ subject: 'CN=soft root' });
    const root = createCertificate({
      subject: 'CN=soft root',
      key: probe.keyPair,
      keyUsage: ['keyCertSign', 'cRLSign'],
      extensions: [{ oid: '2.5.29.19', value: Uint8Array.of(0x30, 0x03, 0x01, 0x01, 0xff) }],
    });
    const leaf = createCertificate({
      subject: 'CN=www.example.com',
      issuer: root,
      sans: ['dns:www.example.com'],
      eku: ['serverAuth'],
      keyUsage: ['digitalSignature'],
    });
    const chainFile = tmpFile('soft-chain.pem', leaf.pem);
    const rootFile = tmpFile('soft-root.pem', root.pem);
    const run = (roots: string, env: NodeJS.ProcessEnv = {}) =>
      runCli(
        ['verify', chainFile, '--host', 'www.example.com', '--policy', 'cabf', '--roots', roots, ...AT],
        {
          env,
        },
      );
    const own = await run(rootFile);
    expect(own.code).toBe(1);
    expect(own.stdout).toContain('basicConstraints');
    expect((await run('system', { SSL_CERT_FILE: rootFile })).code).toBe(0);
  });

  test('--roots system with an SSL_CERT_FILE that is missing stops, naming it (exit 2)', async () => {
    const r = await text(['--roots', 'system'], { SSL_CERT_FILE: join(tmp, 'gone.pem') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SSL_CERT_FILE');
  });

  test('NODE_EXTRA_CA_CERTS does not apply when --roots replaces the store', async () => {
    const other = tmpFile('other.pem', makeChain({ sans: ['dns:x.example'], leaf: {} }).leaf.pem);
    const r = await text(['--roots', other], { NODE_EXTRA_CA_CERTS: rootPem });
    expect(r.code).toBe(1);
  });
});
