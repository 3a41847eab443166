/**
 * `certgate probe` against a real nginx on loopback: one instance with a server block per name,
 * each with its own certificate from the tests' CA, and a default server, as an edge selects
 * certificates by SNI. Every target is sent to 127.0.0.1 with `--resolve '*:PORT:127.0.0.1'`,
 * and every verdict is taken at a fixed time.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { probe } from '../../src/probe/index.js';
import type { ProbeOptions, ProbeResult } from '../../src/probe/types.js';
import { createCertificate, createTestChain, type IssuedCertificate } from '../support/cert-factory.js';
import { runCli } from '../support/cli.js';
import { type NginxServer, startNginx } from '../support/nginx.js';

const AT = new Date('2026-06-01T00:00:00Z');

// The tests' CA: root → intermediate → one leaf per server block.
const { root, intermediate, leaf: leafA } = createTestChain({ sans: ['dns:a.example.test'] });
const issue = (cn: string, sans: readonly string[], extra: { notAfter?: Date } = {}) =>
  createCertificate({
    subject: `CN=${cn}`,
    issuer: intermediate,
    sans,
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    ...extra,
  });
const leafExpired = issue('expired.example.test', ['dns:expired.example.test'], {
  notAfter: new Date('2025-01-01T00:00:00Z'),
});
const leafNoChain = issue('nochain.example.test', ['dns:nochain.example.test']);
const leafOther = issue('other.example.test', ['dns:other.example.test']);
const leafDefault = issue('default.example.test', ['dns:default.example.test']);

/** SHA-256 of the DER, lower-case hex without separators (the probe's format is normalised to this). */
const fingerprint = (c: IssuedCertificate) => createHash('sha256').update(c.der).digest('hex');
const normalize = (hex: string | undefined) => hex?.replace(/:/g, '').toLowerCase();

let nginx: NginxServer;
let tls12: NginxServer;
let port: number;
let closedPort: number;
let options: ProbeOptions;
const tmp = mkdtempSync(join(tmpdir(), 'certgate-probe-nginx-'));
const rootFile = join(tmp, 'root.pem');

/** A loopback port nobody listens on (bound, then closed). */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  writeFileSync(rootFile, root.pem);
  const withIntermediate = (c: IssuedCertificate) => c.pem + intermediate.pem;
  nginx = await startNginx({
    workers: 1,
    sites: [
      { names: ['a.example.test'], cert: withIntermediate(leafA), key: leafA.key },
      { names: ['expired.example.test'], cert: withIntermediate(leafExpired), key: leafExpired.key },
      // The classic edge mistake: the leaf alone, without the intermediate that issued it.
      { names: ['nochain.example.test'], cert: leafNoChain.pem, key: leafNoChain.key },
      { names: ['wrong.example.test'], cert: withIntermediate(leafOther), key: leafOther.key },
      { names: [], cert: withIntermediate(leafDefault), key: leafDefault.key, default: true },
    ],
  });
  // A second edge pinned to TLS 1.2 and one cipher, so the negotiated values are known exactly.
  tls12 = await startNginx({
    workers: 1,
    protocols: ['TLSv1.2'],
    ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384',
    sites: [{ names: ['a.example.test'], cert: withIntermediate(leafA), key: leafA.key, default: true }],
  });
  port = nginx.port;
  closedPort = await unusedPort();
  options = { resolve: [`*:${port}:127.0.0.1`], roots: root.pem, at: AT, timeoutMs: 5000 };
});

afterAll(async () => {
  await Promise.all([nginx?.stop(), tls12?.stop()]);
  rmSync(tmp, { recursive: true, force: true });
});

const target = (host: string, p = port) => `${host}:${p}`;
const errorCodes = (r: ProbeResult) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const served = (r: ProbeResult) => normalize(r.details.chain?.[0]?.sha256);
const context = (r: ProbeResult) =>
  `${r.subject.id}: ${JSON.stringify({ findings: r.findings, failure: r.details.failure })}\nnginx error log:\n${nginx.errorLog()}`;

describe('probe against nginx: one certificate per SNI name', () => {
  // host, the certificate nginx serves for it, chain length as served, error codes, verify verdict
  const rows: [string, IssuedCertificate, number, string[], 'pass' | 'fail'][] = [
    // a correct edge
    ['a.example.test', leafA, 2, [], 'pass'],
    // the certificate's notAfter (2025-01-01) is before the validation time
    ['expired.example.test', leafExpired, 2, ['CERT_EXPIRED'], 'fail'],
    // no intermediate served, and the roots hold only the root: no path
    ['nochain.example.test', leafNoChain, 1, ['PATH_UNKNOWN_ISSUER'], 'fail'],
    // a valid certificate for another name
    ['wrong.example.test', leafOther, 2, ['NAME_MISMATCH'], 'fail'],
    // a name no server block lists: nginx answers with the default server's certificate
    ['unknown.example.test', leafDefault, 2, ['NAME_MISMATCH'], 'fail'],
  ];
  let results: ProbeResult[];

  beforeAll(async () => {
    // One run over every target plus one refused port: failures must not hide the others.
    const targets = [...rows.map(([host]) => target(host)), target('refused.example.test', closedPort)];
    results = await probe(targets, {
      ...options,
      resolve: [...(options.resolve ?? []), `*:${closedPort}:127.0.0.1`],
    });
  });

  test('one result per target, in the order given', () => {
    expect(results.map((r) => r.details.host)).toEqual([...rows.map(([h]) => h), 'refused.example.test']);
    for (const r of results) expect(r.details.address, r.subject.id).toBe('127.0.0.1');
    for (const r of results) expect(r.details.addressFrom, r.subject.id).toBe('resolve');
  });

  test.each(rows)(
    '%s: the served certificate, the verdict and the codes',
    (host, cert, length, codes, verdict) => {
      const r = results.find((x) => x.details.host === host)!;
      expect(r.details.handshake, context(r)).toBe('ok');
      expect(r.details.sni).toBe(host);
      expect(r.details.port).toBe(port);
      expect(served(r), `${host} got the wrong certificate`).toBe(fingerprint(cert));
      expect(r.details.chain?.length, host).toBe(length);
      expect(errorCodes(r), context(r)).toEqual(codes);
      expect(r.details.verify?.verdict, context(r)).toBe(verdict);
      expect(r.details.verify?.trustStore).toBe('custom');
    },
  );

  test('the passing target names the SAN that matched and the validated path', () => {
    const r = results[0]!;
    expect(r.details.verify?.matchedName).toBe('a.example.test');
    expect(r.details.verify?.path?.length).toBe(3);
    expect(r.details.chain?.map((c) => c.index)).toEqual([0, 1]);
    expect(normalize(r.details.chain?.[1]?.sha256)).toBe(fingerprint(intermediate));
    expect(r.details.chain?.[0]?.sans).toContain('a.example.test');
  });

  test('a refused port among them is a failed handshake with an error finding, not an exception', () => {
    const r = results.at(-1)!;
    expect(r.details.handshake).toBe('failed');
    expect(r.details.failure?.kind).toBe('refused');
    expect(r.details.chain).toBeUndefined();
    expect(errorCodes(r), context(r)).toEqual(['PROBE_CONNECTION_REFUSED']);
  });
});

describe('probe against nginx: SNI choices', () => {
  test('without SNI the client gets the default server certificate', async () => {
    const [r] = await probe([target('a.example.test')], { ...options, noSni: true });
    expect(r!.details.sni).toBeNull();
    expect(served(r!), context(r!)).toBe(fingerprint(leafDefault));
    // The default certificate does not cover the host the user asked about.
    expect(errorCodes(r!)).toEqual(['NAME_MISMATCH']);
  });

  test('--sni sends another name than the target host and gets that name certificate', async () => {
    const [r] = await probe([target('wrong.example.test')], { ...options, sni: 'a.example.test' });
    expect(r!.details.sni).toBe('a.example.test');
    expect(served(r!), context(r!)).toBe(fingerprint(leafA));
  });
});

describe('probe against nginx: --expect', () => {
  test('the fingerprint of the served leaf matches: no finding', async () => {
    const sha256 = fingerprint(leafA)
      .toUpperCase()
      .replace(/(..)(?!$)/g, '$1:');
    const [r] = await probe([target('a.example.test')], {
      ...options,
      expect: { kind: 'fingerprint', sha256 },
    });
    expect(r!.findings, context(r!)).toEqual([]);
  });

  test('the certificate itself (PEM) matches: no finding', async () => {
    const expectation = { kind: 'certificate', certificate: leafA.pem } as const;
    const [r] = await probe([target('a.example.test')], { ...options, expect: expectation });
    expect(r!.findings, context(r!)).toEqual([]);
  });

  test('another certificate served than expected is an error, even when the chain is valid', async () => {
    // a.example.test serves a valid leafA; the deploy was supposed to put leafDefault there.
    const [r] = await probe([target('a.example.test')], {
      ...options,
      expect: { kind: 'fingerprint', sha256: fingerprint(leafDefault) },
    });
    expect(served(r!)).toBe(fingerprint(leafA));
    expect(r!.details.verify?.verdict).toBe('pass');
    expect(errorCodes(r!), context(r!)).toEqual(['PROBE_EXPECTATION_MISMATCH']);
    const finding = r!.findings.find((f) => f.code === 'PROBE_EXPECTATION_MISMATCH')!;
    expect(finding.args.aspect).toBe('fingerprint');
  });
});

/** What Node's own client negotiates with the same server (the oracle for protocol and cipher). */
function nodeHandshake(p: number, servername: string) {
  return new Promise<{ protocol: string | null; cipher: string }>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: p, servername, ca: root.pem }, () => {
      resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().name });
      socket.destroy();
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
  });
}

describe('probe against nginx: protocol and cipher', () => {
  test('TLS 1.3 as negotiated, the same as a Node client gets', async () => {
    const [r] = await probe([target('a.example.test')], options);
    const oracle = await nodeHandshake(port, 'a.example.test');
    expect(r!.details.protocol, context(r!)).toBe('TLSv1.3');
    expect(r!.details.protocol).toBe(oracle.protocol);
    expect(r!.details.cipher).toBe(oracle.cipher);
    expect(r!.details.cipherStandardName).toMatch(/^TLS_/);
  });

  test('an edge pinned to TLS 1.2 and one cipher: exactly those', async () => {
    const [r] = await probe([target('a.example.test', tls12.port)], {
      ...options,
      resolve: [`*:${tls12.port}:127.0.0.1`],
    });
    expect(r!.details.protocol, context(r!)).toBe('TLSv1.2');
    expect(r!.details.cipher).toBe('ECDHE-ECDSA-AES256-GCM-SHA384');
    expect(r!.details.cipherStandardName).toBe('TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384');
    expect(r!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('certgate probe on the command line against nginx', () => {
  interface JsonReport {
    command: string;
    verdict: string;
    results: {
      subject: { kind: string; id: string };
      verdict: string;
      findings: { code: string; severity: string }[];
      details: { sni: string | null; chain?: { sha256: string }[] };
    }[];
  }

  test('--resolve, --roots, --at and --format json: one pass and one fail, exit 1', async () => {
    const r = await runCli([
      'probe',
      target('a.example.test'),
      target('nochain.example.test'),
      '--resolve',
      `*:${port}:127.0.0.1`,
      '--roots',
      rootFile,
      '--at',
      AT.toISOString(),
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.command).toBe('probe');
    expect(report.verdict).toBe('fail');
    expect(report.results.map((x) => x.verdict)).toEqual(['pass', 'fail']);
    expect(
      report.results.map((x) => x.findings.filter((f) => f.severity === 'error').map((f) => f.code)),
    ).toEqual([[], ['PATH_UNKNOWN_ISSUER']]);
    expect(report.results.map((x) => normalize(x.details.chain?.[0]?.sha256))).toEqual([
      fingerprint(leafA),
      fingerprint(leafNoChain),
    ]);
  });
});
