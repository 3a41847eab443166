/**
 * Cross-checks the decoder against Node's `crypto.X509Certificate` (OpenSSL) on every limbo
 * certificate, every root in `tls.rootCertificates`, and factory certificates of each key type.
 */

import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { describe, expect, test } from 'vitest';
import type { Certificate } from '../../src/x509/model.js';
import { readCertificates } from '../../src/x509/read.js';
import { createCertificate, createTestChain, testKey } from '../support/cert-factory.js';
import { limboCases, limboCertificates } from '../support/limbo.js';
import {
  CURVE_NAMES,
  ipHex,
  oracleName,
  oracleSans,
  oracleSerial,
  serialValue,
} from '../support/node-oracle.js';

/** Differences between our decoding and Node's, as readable lines (empty when they agree). */
function compareWithNode(cert: Certificate, x: X509Certificate): string[] {
  const diffs: string[] = [];
  const check = (what: string, ours: unknown, theirs: unknown): void => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      diffs.push(`${what}: ours ${JSON.stringify(ours)} node ${JSON.stringify(theirs)}`);
    }
  };
  for (const [what, name, text] of [
    ['subject', cert.subject, x.subject],
    ['issuer', cert.issuer, x.issuer],
  ] as const) {
    // attribute by attribute; non-string values print differently and are left out
    const ours = name.rdns.map((rdn) => rdn.map((a) => (a.stringType === 'other' ? '#' : a.value)));
    const theirs = oracleName(text).map((rdn, i) =>
      rdn.map(([, v], j) => (name.rdns[i]?.[j]?.stringType === 'other' ? '#' : v)),
    );
    check(what, ours, theirs);
  }
  compareSans(cert, x, check);
  check('notBefore', cert.notBefore.getTime(), Date.parse(x.validFrom));
  check('notAfter', cert.notAfter.getTime(), Date.parse(x.validTo));
  check('serial', serialValue(cert.serialNumber).toString(16), oracleSerial(x).toString(16));
  check('sha256', cert.sha256Fingerprint, x.fingerprint256);
  check('sha1', cert.sha1Fingerprint, x.fingerprint);
  compareKey(cert, x, check);
  return diffs;
}

type Check = (what: string, ours: unknown, theirs: unknown) => void;

function compareSans(cert: Certificate, x: X509Certificate, check: Check): void {
  const theirs = oracleSans(x.subjectAltName);
  if (theirs === undefined) return;
  const names = cert.extension('subjectAltName')?.names ?? [];
  check(
    'SAN dNSName',
    names.flatMap((n) => (n.type === 'dNSName' ? [n.value] : [])),
    theirs.flatMap(([t, v]) => (t === 'DNS' ? [v] : [])),
  );
  check(
    'SAN iPAddress',
    names.flatMap((n) => (n.type === 'iPAddress' ? [ipHex(n.value)] : [])),
    theirs.flatMap(([t, v]) => (t === 'IP Address' ? [ipHex(v)] : [])),
  );
}

function compareKey(cert: Certificate, x: X509Certificate, check: Check): void {
  let key: X509Certificate['publicKey'];
  try {
    key = x.publicKey;
  } catch {
    return; // OpenSSL cannot load this key either (unknown algorithm)
  }
  const details = key.asymmetricKeyDetails ?? {};
  const pk = cert.publicKey;
  if (pk.type === 'unknown') {
    // the model summarises RSA, named-curve EC and EdDSA only: DSA and explicit curves
    // (forbidden by RFC 5480 §2.1.1; OpenSSL matches them to a named curve) are `unknown`
    const modelled = ['rsa', 'rsa-pss', 'ed25519', 'ed448'].includes(key.asymmetricKeyType ?? '');
    check('unknown key is one the model leaves out', modelled, false);
    return;
  }
  check('key type', pk.type, key.asymmetricKeyType);
  if (pk.type === 'rsa' || pk.type === 'rsa-pss') {
    check('modulus bits', pk.modulusBits, details.modulusLength);
    check('exponent', BigInt(pk.exponent).toString(), details.publicExponent?.toString());
  }
  // curves other than the four the model names are reported by OID (node prints OpenSSL's name)
  if (pk.type === 'ec') check('curve', pk.curve, CURVE_NAMES[details.namedCurve ?? ''] ?? pk.curveOid);
}

function factoryCertificates(): string[] {
  const chain = createTestChain({
    sans: ['dns:example.com', 'ip:192.0.2.1', 'ip:2001:db8::1', 'dns:*.example.org'],
  });
  return [
    chain.root.pem,
    chain.intermediate.pem,
    chain.leaf.pem,
    createCertificate({ key: testKey('rsa2048'), subject: 'CN=rsa,O=Acme\\, Inc.,C=US' }).pem,
    createCertificate({ key: 'p384', subject: 'CN=p384+UID=42,OU=a\\+b' }).pem,
    createCertificate({ key: 'ed25519', subject: 'CN= lead and trail ,O=#hash' }).pem,
    createCertificate({ version: 1, subject: 'CN=v1 cert,emailAddress=a@example.com' }).pem,
    createCertificate({
      notBefore: new Date('1950-01-01T00:00:00Z'),
      notAfter: new Date('2050-01-01T00:00:00Z'),
    }).pem,
    createCertificate({
      subject: '',
      sans: ['dns:only-san.example', 'email:x@example.com', 'uri:https://example.com/'],
    }).pem,
    createCertificate({ serial: Uint8Array.of(0x00, 0x80, 0x01) }).pem,
  ];
}

const limbo = limboCertificates();

// Limbo certificates our decoder rejects: each is malformed by design, and every case using it
// expects FAILURE. Reasons are matched as substrings of X509DecodeError.reason.
const LIMBO_REJECTED: Record<string, string> = {
  'invalid::invalid-issuer-key': 'truncated: missing RSAPublicKey',
  'rfc5280::duplicate-extensions': 'duplicate extension 2.5.29.17',
};

// Limbo certificates that decode with one extension kept as malformed (the verifier refuses
// them; the decoder does not), with the extension and the reason.
const LIMBO_MALFORMED: Record<string, string> = {
  'rfc5280::eku::ee-eku-empty': 'extKeyUsage extension: empty extKeyUsage',
  'rfc5280::nc::invalid-ipv4-address': 'nameConstraints extension: iPAddress of 4 bytes (expected 8 or 32)',
  'rfc5280::nc::invalid-ipv6-address': 'nameConstraints extension: iPAddress of 16 bytes (expected 8 or 32)',
  'rfc5280::nc::nc-permits-invalid-ip-san':
    'subjectAltName extension: iPAddress of 8 bytes (expected 4 or 16)',
  'rfc5280::san::malformed': 'subjectAltName extension: expected subjectAltName',
  'webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences':
    'nameConstraints extension: empty permittedSubtrees',
  'webpki::san::unicode-emoji-san': 'subjectAltName extension: IA5String contains a non-ASCII byte',
  'webpki::malformed-aia': 'authorityInfoAccess extension: expected authorityInfoAccess',
};

describe('limbo certificates', () => {
  const rejected = new Map<string, string>();
  const malformed = new Map<string, string>();
  const accepted: { pem: string; ids: string[] }[] = [];
  for (const c of limbo) {
    try {
      const bad = readCertificates(c.pem).certificates[0]!.extensions.find((e) => e.kind === 'malformed');
      if (bad?.kind === 'malformed')
        for (const id of c.ids) malformed.set(id, `${bad.name} extension: ${bad.reason}`);
      else accepted.push(c);
    } catch (e) {
      for (const id of c.ids) rejected.set(id, (e as Error).message);
    }
  }

  test('every certificate decodes, except the malformed ones listed with their reasons', () => {
    const got = Object.fromEntries([...rejected].map(([id, message]) => [id, message]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(LIMBO_REJECTED).sort());
    for (const [id, reason] of Object.entries(LIMBO_REJECTED)) expect(got[id], id).toContain(reason);
  });

  test('every certificate with a malformed extension is listed with the reason', () => {
    const got = Object.fromEntries(malformed);
    expect(Object.keys(got).sort()).toEqual(Object.keys(LIMBO_MALFORMED).sort());
    for (const [id, reason] of Object.entries(LIMBO_MALFORMED)) expect(got[id], id).toContain(reason);
  });

  test('each rejected or malformed certificate belongs only to cases that expect FAILURE', () => {
    const expectations = new Map(limboCases().map((t) => [t.id, t.expected_result]));
    for (const id of [...rejected.keys(), ...malformed.keys()])
      expect(expectations.get(id), id).toBe('FAILURE');
  });

  test(`${limbo.length} certificates agree with node's X509Certificate`, () => {
    const diffs = accepted.flatMap(({ pem, ids }) =>
      compareWithNode(readCertificates(pem).certificates[0]!, new X509Certificate(pem)).map(
        (d) => `${ids[0]}: ${d}`,
      ),
    );
    expect(diffs).toEqual([]);
  });
});

describe('oracle', () => {
  test.each([
    {
      name: `tls.rootCertificates (${rootCertificates.length} real roots)`,
      pems: () => [...rootCertificates],
    },
    { name: 'factory certificates (RSA, P-256, P-384, Ed25519, v1, escapes)', pems: factoryCertificates },
  ])('$name agree with node', ({ pems }) => {
    const diffs = pems().flatMap((pem, i) =>
      compareWithNode(readCertificates(pem).certificates[0]!, new X509Certificate(pem)).map(
        (d) => `#${i}: ${d}`,
      ),
    );
    expect(diffs).toEqual([]);
  });
});
