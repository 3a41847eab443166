import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type CertRole, checkCertificate } from '../../src/rules/cert/index.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import type { Certificate } from '../../src/x509/model.js';
import { readCertificates } from '../../src/x509/read.js';
import { createCertificate, testKey } from '../support/cert-factory.js';

const location = { source: 'test.pem', certIndex: 0 };
const codesFor = (cert: Certificate, at: string, role: CertRole = 'leaf', warnDays = 30) =>
  checkCertificate({ cert, role, location, at: new Date(at), warnDays }).map((f) => f.code);

// One leaf valid 2025-01-01T00:00:00Z .. 2026-01-01T00:00:00Z with a SAN.
const leaf = decodeCertificate(
  createCertificate({
    key: testKey('p256'),
    sans: ['dns:example.com'],
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
  }).der,
);

describe('validity (RFC 5280 §4.1.2.5: both ends inclusive)', () => {
  test.each([
    { at: '2024-12-31T23:59:59Z', want: ['CERT_NOT_YET_VALID'] },
    { at: '2025-01-01T00:00:00Z', want: [] },
    { at: '2025-06-01T00:00:00Z', want: [] },
    { at: '2025-12-02T00:00:00Z', want: ['CERT_EXPIRES_SOON'] },
    { at: '2026-01-01T00:00:00Z', want: ['CERT_EXPIRES_SOON'] },
    { at: '2026-01-01T00:00:01Z', want: ['CERT_EXPIRED'] },
  ])('at $at → $want', ({ at, want }) => {
    expect(codesFor(leaf, at)).toEqual(want);
  });

  test('the warning window is --warn-days wide, inclusive', () => {
    expect(codesFor(leaf, '2025-12-01T23:59:59Z', 'leaf', 30)).toEqual([]);
    expect(codesFor(leaf, '2025-12-01T23:59:59Z', 'leaf', 31)).toEqual(['CERT_EXPIRES_SOON']);
    expect(codesFor(leaf, '2025-12-02T00:00:00Z', 'leaf', 30)).toEqual(['CERT_EXPIRES_SOON']);
    expect(codesFor(leaf, '2025-12-31T00:00:00Z', 'leaf', 0)).toEqual([]);
  });

  test('findings carry the dates and day counts their messages need', () => {
    const [f] = checkCertificate({
      cert: leaf,
      role: 'leaf',
      location,
      at: new Date('2026-01-04T12:00:00Z'),
      warnDays: 30,
    });
    expect(f).toMatchObject({
      code: 'CERT_EXPIRED',
      severity: 'error',
      location,
      args: { notAfter: '2026-01-01T00:00:00Z', daysAgo: 3 },
    });
  });
});

describe('subjectAltName', () => {
  const noSan = (ca: boolean) =>
    decodeCertificate(createCertificate({ key: testKey('p256'), subject: 'CN=legacy.example.com', ca }).der);
  test('a leaf without SAN is warned about, with its CN in the args', () => {
    const findings = checkCertificate({
      cert: noSan(false),
      role: 'leaf',
      location,
      at: new Date('2025-01-01'),
      warnDays: 30,
    });
    expect(findings.map((f) => [f.code, f.args.commonName])).toEqual([
      ['CERT_NO_SUBJECT_ALT_NAME', 'legacy.example.com'],
    ]);
  });
  test('a standalone certificate is treated as a leaf', () => {
    expect(codesFor(noSan(false), '2025-01-01', 'standalone')).toEqual(['CERT_NO_SUBJECT_ALT_NAME']);
  });
  test('CAs and intermediates need no SAN', () => {
    expect(codesFor(noSan(true), '2025-01-01', 'standalone')).toEqual([]);
    expect(codesFor(noSan(false), '2025-01-01', 'intermediate')).toEqual([]);
  });
});

describe('weak keys and signatures (certificates made by openssl)', () => {
  let old: Certificate;
  let modern: Certificate;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'certgate-rules-'));
    const make = (name: string, args: string[]) => {
      const out = join(dir, `${name}.pem`);
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-nodes',
          '-keyout',
          join(dir, `${name}.key`),
          '-subj',
          '/CN=x.example',
          '-addext',
          'subjectAltName=DNS:x.example',
          '-days',
          '365',
          '-out',
          out,
          ...args,
        ],
        { stdio: 'ignore' },
      );
      return readCertificates(readFileSync(out)).certificates[0]!;
    };
    old = make('old', ['-sha1', '-newkey', 'rsa:1024']);
    modern = make('modern', ['-sha256', '-newkey', 'rsa:2048']);
  }, 60_000);

  // A day into each certificate's own validity, so no clock reading is involved.
  const dayIn = (c: Certificate) => new Date(c.notBefore.getTime() + 86_400_000).toISOString();
  test('RSA-1024 signed with SHA-1 gives both findings on a leaf', () => {
    expect(codesFor(old, dayIn(old))).toEqual(['CERT_WEAK_RSA_KEY', 'CERT_WEAK_SIGNATURE_ALGORITHM']);
  });
  test("a root's self-signature is exempt, its key is not", () => {
    expect(codesFor(old, dayIn(old), 'root')).toEqual(['CERT_WEAK_RSA_KEY']);
  });
  test('RSA-2048 with SHA-256 gives neither', () => {
    expect(codesFor(modern, dayIn(modern))).toEqual([]);
  });
});
