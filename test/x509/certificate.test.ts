/** Certificate decoding: fields, versions, and strictness at the certificate level (RFC 5280 §4.1). */

import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decodeCertificate, MAX_CERTIFICATE_BYTES } from '../../src/x509/certificate.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { createCertificate, type KeyType, signTbs, testKey } from '../support/cert-factory.js';
import { bool, concat, explicit, hex, int, octets, oid, seq, tlv, utcTime } from '../support/der-writer.js';
import { encodeExtension } from '../support/extensions.js';
import { encodeName } from '../support/names.js';

const key = testKey('p256');
const SPKI = new Uint8Array(key.publicKey.export({ type: 'spki', format: 'der' }));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const SAN = encodeExtension({ oid: '2.5.29.17', value: seq(tlv(0x82, Buffer.from('a.example'))) });

/** A signed certificate from TBS parts; any part can be replaced to build a malformed one. */
function rawCert(p: {
  version?: Uint8Array | null;
  serial?: Uint8Array;
  validity?: Uint8Array;
  extra?: Uint8Array[];
}): Uint8Array {
  const tbs = seq(
    ...(p.version === null ? [] : [p.version ?? explicit(0, int(2))]),
    p.serial ?? int(1),
    ECDSA_SHA256,
    encodeName('CN=issuer'),
    p.validity ?? seq(utcTime('250101000000Z'), utcTime('260101000000Z')),
    encodeName('CN=subject'),
    SPKI,
    ...(p.extra ?? []),
  );
  return signTbs(tbs, key);
}

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof X509DecodeError) return e.reason;
    throw e;
  }
  return 'no error';
}

describe('fields', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    { type: 'rsa2048' as KeyType, want: { type: 'rsa', modulusBits: 2048, exponent: 65537 }, sig: 'sha256WithRSAEncryption' },
    { type: 'p256' as KeyType, want: { type: 'ec', curve: 'P-256', curveOid: '1.2.840.10045.3.1.7', keyBits: 256 }, sig: 'ecdsa-with-SHA256' },
    { type: 'p384' as KeyType, want: { type: 'ec', curve: 'P-384', curveOid: '1.3.132.0.34', keyBits: 384 }, sig: 'ecdsa-with-SHA384' },
    { type: 'ed25519' as KeyType, want: { type: 'ed25519' }, sig: 'Ed25519' },
  ])('$type key, self-signed', ({ type, want, sig }) => {
    const made = createCertificate({ key: testKey(type), subject: 'CN=k,O=certgate', serial: 0x0102 });
    const cert = decodeCertificate(made.der);
    expect(cert.publicKey).toMatchObject(want);
    expect(cert.signatureAlgorithm.name).toBe(sig);
    expect(cert.tbsSignatureAlgorithm).toEqual(cert.signatureAlgorithm);
    expect(cert.version).toBe(3);
    expect(cert.serialNumber).toBe('0102');
    expect(cert.subject.text).toBe('CN=k,O=certgate');
    expect(cert.issuer.der).toEqual(cert.subject.der);
    expect(cert.notBefore.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(cert.notAfter.toISOString()).toBe('2034-01-01T00:00:00.000Z');
    // tbs, signatureValue and spki are exactly what node:crypto needs to check the signature
    const publicKey = createPublicKey({ key: Buffer.from(cert.publicKey.spki), format: 'der', type: 'spki' });
    const digest = type === 'ed25519' ? null : type === 'p384' ? 'sha384' : 'sha256';
    expect(verify(digest, cert.tbs, publicKey, cert.signatureValue)).toBe(true);
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'leading 00 kept', serial: Uint8Array.of(0x00, 0x80), want: '0080' },
    { name: 'negative (the verifier judges)', serial: Uint8Array.of(0xff), want: 'ff' },
    { name: 'zero', serial: Uint8Array.of(0), want: '00' },
    { name: '20 octets', serial: new Uint8Array(20).fill(0x11), want: '11'.repeat(20) },
  ])('serial $name', ({ serial, want }) => {
    expect(decodeCertificate(createCertificate({ serial }).der).serialNumber).toBe(want);
  });

  test('GeneralizedTime validity', () => {
    const cert = decodeCertificate(
      createCertificate({
        notBefore: new Date('2049-12-31T23:59:59Z'),
        notAfter: new Date('2050-01-01T00:00:00Z'),
      }).der,
    );
    expect([cert.notBefore.toISOString(), cert.notAfter.toISOString()]).toEqual([
      '2049-12-31T23:59:59.000Z',
      '2050-01-01T00:00:00.000Z',
    ]);
  });

  test('the certificate is frozen, fingerprints are cached, extension() finds by kind', () => {
    const cert = decodeCertificate(createCertificate({ sans: ['dns:a.example'] }).der);
    expect(Object.isFrozen(cert)).toBe(true);
    expect(Object.isFrozen(cert.extensions)).toBe(true);
    expect(Object.isFrozen(cert.subject)).toBe(true);
    // Node's own X509Certificate is the oracle: the same colon-separated upper-case hex.
    const node = new X509Certificate(cert.der);
    expect(cert.sha256Fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.sha256Fingerprint).toBe(node.fingerprint256);
    expect(cert.sha1Fingerprint).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    expect(cert.sha1Fingerprint).toBe(node.fingerprint);
    expect(cert.extension('subjectAltName')?.names).toEqual([{ type: 'dNSName', value: 'a.example' }]);
    expect(cert.extension('nameConstraints')).toBeUndefined();
    expect(cert.der.buffer).toBe(cert.tbs.buffer); // views, not copies
  });
});

describe('versions', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    { name: 'v1 (version absent)', version: null, extra: [], want: 1 },
    // NOTE: explicit v1 is the DEFAULT encoded (not DER), accepted like OpenSSL and Go do
    { name: 'v1 explicit', version: explicit(0, int(0)), extra: [], want: 1 },
    { name: 'v2 with unique ids', version: explicit(0, int(1)), extra: [tlv(0x81, hex('00 aa')), tlv(0x82, hex('00 bb'))], want: 2 },
    { name: 'v3 with extensions', version: explicit(0, int(2)), extra: [explicit(3, seq(SAN))], want: 3 },
  ])('$name', ({ version, extra, want }) => {
    const cert = decodeCertificate(rawCert({ version, extra }));
    expect(cert.version).toBe(want);
    if (want === 2) expect([cert.issuerUniqueId, cert.subjectUniqueId]).toEqual([hex('aa'), hex('bb')]);
  });

  // biome-ignore format: table rows stay one line each

  test.each([
    { name: 'extensions in v1', version: null, extra: [explicit(3, seq(SAN))], wantError: 'extensions require version 3' },
    { name: 'extensions in v2', version: explicit(0, int(1)), extra: [explicit(3, seq(SAN))], wantError: 'extensions require version 3' },
    { name: 'unique id in v1', version: null, extra: [tlv(0x81, hex('00 aa'))], wantError: 'unique identifiers require version 2 or 3' },
    { name: 'version 4', version: explicit(0, int(3)), extra: [], wantError: 'unsupported certificate version 4' },
    { name: 'negative version', version: explicit(0, int(-1)), extra: [], wantError: 'version must not be negative' },
    { name: 'empty extensions', version: undefined, extra: [explicit(3, seq())], wantError: 'empty extensions' },
    { name: 'duplicate extension', version: undefined, extra: [explicit(3, seq(SAN, SAN))], wantError: 'duplicate extension 2.5.29.17' },
    { name: 'subjectUniqueID before issuerUniqueID', version: undefined, extra: [tlv(0x82, hex('00')), tlv(0x81, hex('00'))], wantError: 'unexpected data after the end of tbsCertificate' },
    { name: 'extensions not wrapped in [3]', version: undefined, extra: [seq(SAN)], wantError: 'unexpected data after the end of tbsCertificate' },
  ])('rejects $name', ({ version, extra, wantError }) => {
    expect(reasonOf(() => decodeCertificate(rawCert({ version, extra })))).toBe(wantError);
  });
});

describe('strict DER at the certificate level', () => {
  const good = createCertificate({ sans: ['dns:example.com'], ca: false }).der;
  const longForm = (der: Uint8Array): Uint8Array => {
    // re-encode the outer SEQUENCE length with one more length octet than needed
    const body = der.subarray(der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2);
    return tlv(0x30, body, 3);
  };
  // biome-ignore format: table rows stay one line each
  test.each([
    { name: 'non-minimal outer length', input: longForm(good), wantError: 'non-minimal length encoding' },
    { name: 'indefinite outer length', input: concat([hex('30 80'), good.subarray(good[1]! & 0x80 ? 2 + (good[1]! & 0x7f) : 2), hex('00 00')]), wantError: 'indefinite length (BER) is not allowed in DER' },
    { name: 'trailing data after the certificate', input: concat([good, hex('00')]), wantError: 'unexpected data after the end of certificate' },
    { name: 'two certificates', input: concat([good, good]), wantError: 'unexpected data after the end of certificate' },
    { name: 'critical BOOLEAN 0x01', input: rawCert({ extra: [explicit(3, seq(seq(oid('2.5.29.17'), hex('01 01 01'), octets(seq(tlv(0x82, hex('61')))))))] }), wantError: 'BOOLEAN must be 0x00 or 0xff' },
    { name: 'non-minimal serial', input: rawCert({ serial: tlv(0x02, hex('00 01')) }), wantError: 'non-minimal INTEGER encoding' },
    { name: 'UTCTime without seconds', input: rawCert({ validity: seq(utcTime('2501010000Z'), utcTime('260101000000Z')) }), wantError: 'UTCTime must be YYMMDDHHMMSSZ' },
    { name: 'notAfter missing', input: rawCert({ validity: seq(utcTime('250101000000Z')) }), wantError: 'truncated: missing notAfter' },
    { name: 'not a SEQUENCE', input: hex('31 00'), wantError: 'expected certificate (tag 0x30), found tag 0x31' },
    { name: 'empty input', input: new Uint8Array(0), wantError: 'truncated: missing certificate' },
    { name: 'outer SEQUENCE claims over 1 MiB', input: concat([hex('30 83 20 00 00'), new Uint8Array(0x200000)]), wantError: 'certificate is larger than 1 MiB' },
  ])('$name', ({ input, wantError }) => {
    expect(reasonOf(() => decodeCertificate(input))).toBe(wantError);
  });

  test('explicit critical FALSE is accepted as non-critical (NOTE in extensions/index.ts)', () => {
    const ext = seq(oid('2.5.29.17'), bool(false), octets(seq(tlv(0x82, hex('61')))));
    expect(decodeCertificate(rawCert({ extra: [explicit(3, seq(ext))] })).extensions[0]?.critical).toBe(
      false,
    );
  });

  test('every proper prefix of a real certificate is an X509DecodeError', () => {
    const der = createCertificate({
      key: testKey('rsa2048'),
      sans: ['dns:example.com', 'ip:192.0.2.1'],
      ca: true,
      policies: [{ oid: '2.23.140.1.2.1', cps: 'https://example.com/cps' }],
      aia: { ocsp: ['http://ocsp.example.com'] },
    }).der;
    for (let n = 0; n < der.length; n++) {
      expect(() => decodeCertificate(der.subarray(0, n)), `prefix ${n}`).toThrow(X509DecodeError);
    }
  });

  test('deeply nested input fails cleanly', () => {
    let der = hex('05 00');
    for (let i = 0; i < 5000; i++) der = tlv(0x30, der);
    expect(() => decodeCertificate(der)).toThrow(X509DecodeError);
  });

  test('a buffer over the size bound is rejected without reading it all', () => {
    const big = new Uint8Array(MAX_CERTIFICATE_BYTES + 16);
    big.set(hex('30 83 10 00 05'));
    expect(reasonOf(() => decodeCertificate(big))).toBe('certificate is larger than 1 MiB');
  });

  test('non-Uint8Array input is an X509DecodeError', () => {
    expect(reasonOf(() => decodeCertificate('MII...' as unknown as Uint8Array))).toBe(
      'certificate input must be a Uint8Array',
    );
  });
});
