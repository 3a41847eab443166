/**
 * Hostile certificates and bundles for decoding and path validation: a directoryName constraint
 * over a 4,000-attribute RDN, name-constraint work that must be counted at its size, OIDs with
 * 200 KB and 900 KB arcs, and a bundle of 20,000 tiny certificates through inspect, verify and
 * check. Each must end, within a wide hang guard and bounded memory, in a finding or a one-line
 * error, never in a pass after minutes.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createCertificate, testKey } from '../support/cert-factory.js';
import {
  bits,
  concat,
  explicit,
  int,
  oid,
  pem,
  seq,
  set,
  tlv,
  utcTime,
  utf8,
} from '../support/der-writer.js';
import { spawnCertgate } from '../support/spawn-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'certgate-hostile-pki-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const AT = ['--at', '2026-06-01T00:00:00Z'];
/** A hang guard: each run takes seconds at most when linear (it took minutes when quadratic). */
const GUARD = { timeoutMs: 60_000 };
// generous: the 20,000-certificate runs peak near 300 MiB, the others under 100 MiB
const MEMORY_MIB = 640;

interface JsonReport {
  readonly verdict: string;
  readonly results: readonly {
    readonly findings: readonly { readonly code: string; readonly message: string }[];
  }[];
}
const codesOf = (stdout: string): string[] =>
  (JSON.parse(stdout) as JsonReport).results.flatMap((r) => r.findings.map((f) => f.code));
const messageOf = (stdout: string, code: string): string =>
  (JSON.parse(stdout) as JsonReport).results.flatMap((r) => r.findings).find((f) => f.code === code)
    ?.message ?? '';

/** A multi-valued RDN of `count` CN attributes, in the cert factory's name syntax. */
const wideRdn = (count: number, tag = ''): string =>
  Array.from({ length: count }, (_, i) => `CN=v${i}${tag}`).join('+');

describe('directoryName constraints', () => {
  test('a leaf with a 4,000-attribute RDN under a directoryName constraint is a finding, not a pass after minutes', async () => {
    // the constraint is a prefix of the leaf's subject: without a bound the chain would pass
    const root = createCertificate({
      subject: 'O=Example',
      ca: true,
      key: testKey('p256', 0),
      nameConstraints: { permitted: ['dn:O=Example'] },
    });
    const leaf = createCertificate({
      subject: `${wideRdn(4000)},O=Example`,
      issuer: root,
      key: testKey('p256', 1),
      sans: ['dns:www.example.com'],
      keyUsage: ['digitalSignature'],
      eku: ['serverAuth'],
    });
    const args = ['verify', file('wide-leaf.pem', leaf.pem), '--roots', file('wide-root.pem', root.pem)];
    const r = await spawnCertgate([...args, ...AT, '--format', 'json'], GUARD);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout)).toContain('PATH_NAME_CONSTRAINT_VIOLATION');
    expect(messageOf(r.stdout, 'PATH_NAME_CONSTRAINT_VIOLATION')).toContain(
      'the name has 4000 attributes in one RDN, more than the 16 certgate compares',
    );
    expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
  });

  test('many names under many directoryName constraints run out of name-constraint work, and say so', async () => {
    // each name and each subtree is within the bounds; their product is not
    const subtrees = Array.from({ length: 2000 }, (_, s) => `dn:${wideRdn(16, `s${s}`)},O=Example`);
    const root = createCertificate({
      subject: 'O=Example',
      ca: true,
      key: testKey('p256', 0),
      nameConstraints: { permitted: [...subtrees, 'dn:O=Example'] },
    });
    const sans = Array.from({ length: 2000 }, (_, n) => `dn:${wideRdn(16, `n${n}`)},O=Example`);
    const leaf = createCertificate({
      subject: 'CN=www.example.com,O=Example',
      issuer: root,
      key: testKey('p256', 1),
      sans: ['dns:www.example.com', ...sans],
      keyUsage: ['digitalSignature'],
      eku: ['serverAuth'],
    });
    const args = ['verify', file('many-leaf.pem', leaf.pem), '--roots', file('many-root.pem', root.pem)];
    const r = await spawnCertgate([...args, ...AT, '--format', 'json'], GUARD);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout)).toEqual(['PATH_BUDGET_EXCEEDED']);
    const message = messageOf(r.stdout, 'PATH_BUDGET_EXCEEDED');
    expect(message).toMatch(/^name-constraint checking stopped after 250000 units of work/);
    expect(message).not.toContain('candidate paths');
    expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
  });
});

/** An OBJECT IDENTIFIER 1.2.N whose last arc N is `bytes` octets of base 128. */
const longArcOid = (bytes: number): Uint8Array =>
  tlv(0x06, concat([Uint8Array.of(0x2a), new Uint8Array(bytes - 1).fill(0xff), Uint8Array.of(0x7f)]));

describe('OBJECT IDENTIFIER arcs', () => {
  test.each([200_000, 900_000])(
    'a %i-byte arc in a subject attribute type is a one-line decode error',
    async (bytes) => {
      const subjectName = seq(set(seq(longArcOid(bytes), utf8('x'))));
      // issued by a small root, so that the name appears once and the certificate stays under 1 MiB
      const root = createCertificate({ subject: 'CN=root', ca: true, key: testKey('p256', 0) });
      const cert = createCertificate({ subjectName, issuer: root, key: testKey('p256', 2) });
      const path = file(`oid-${bytes}.pem`, cert.pem);
      for (const command of ['inspect', 'verify']) {
        const r = await spawnCertgate([command, path], GUARD);
        expect(r.timedOut).toBe(false);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^certgate: error: .*OBJECT IDENTIFIER arc longer than 32 bytes\n$/);
        expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
      }
    },
  );
});

// --- A bundle of 20,000 tiny certificates: a chain, each issued by the next, listed root first

const ED25519 = seq(oid('1.3.101.112'));
const BASIC_CA = explicit(3, seq(seq(oid('2.5.29.19'), tlv(0x04, seq(tlv(0x01, Uint8Array.of(0xff)))))));
const cn = (value: string): Uint8Array => seq(set(seq(oid('2.5.4.3'), utf8(value))));

/** A tiny, unsigned (zero signature) certificate: enough for ordering, decoding and a verdict. */
function tinyCertificate(subject: string, issuer: string, serial: number): Uint8Array {
  const tbs = seq(
    explicit(0, int(2)),
    int(serial + 1),
    ED25519,
    cn(issuer),
    seq(utcTime('240101000000Z'), utcTime('340101000000Z')),
    cn(subject),
    seq(ED25519, bits(new Uint8Array(32))),
    BASIC_CA,
  );
  return seq(tbs, ED25519, bits(new Uint8Array(64)));
}

const BUNDLE_SIZE = 20_000;
function bundlePem(): string {
  const blocks: string[] = [];
  for (let k = BUNDLE_SIZE - 1; k >= 0; k--) {
    const issuer = k === BUNDLE_SIZE - 1 ? `c${k}` : `c${k + 1}`;
    blocks.push(pem('CERTIFICATE', tinyCertificate(`c${k}`, issuer, k)));
  }
  return blocks.join('');
}

describe(`a bundle of ${BUNDLE_SIZE} certificates`, () => {
  const pemPath = file('bundle.pem', bundlePem());
  const p7bPath = join(tmp, 'bundle.p7b');
  execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', pemPath, '-outform', 'DER', '-out', p7bPath]);
  const ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/0d2e4f6a-8b0c-4d1e-a3f5-b7c9d1e3f5a7';

  test.each([
    ['PEM', pemPath],
    ['PKCS#7', p7bPath],
  ])('inspect reads and orders a %s bundle', async (_, path) => {
    const r = await spawnCertgate(['inspect', path, ...AT, '--format', 'json'], GUARD);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(codesOf(r.stdout)).toContain('INPUT_CHAIN_OUT_OF_ORDER');
    expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
  });

  test('verify orders the bundle and gives a verdict', async () => {
    const r = await spawnCertgate(['verify', p7bPath, '--roots', pemPath, ...AT, '--format', 'json'], GUARD);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonReport).verdict).toBe('fail');
    expect(codesOf(r.stdout)).toContain('INPUT_CHAIN_OUT_OF_ORDER');
    expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
  });

  test('check --cert ARN=FILE takes the bundle as evidence', async () => {
    const distribution = join(import.meta.dirname, '../../examples/cloudfront/imported-chain.json');
    const args = ['check', distribution, '--cert', `${ARN}=${p7bPath}`, ...AT, '--format', 'json'];
    const r = await spawnCertgate(args, GUARD);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(codesOf(r.stdout)).toContain('CF_CHAIN_TOO_LONG');
    expect(r.peakMiB).toBeLessThan(MEMORY_MIB);
  });
});
