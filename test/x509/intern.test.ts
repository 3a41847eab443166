/**
 * Interned DER values (src/x509/intern.ts): a value decoded again from the same octets is the
 * same value, errors keep their positions in the input that has them, and what is kept does not
 * hold on to the buffer it was first read from.
 */

import { describe, expect, test } from 'vitest';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { X509DecodeError } from '../../src/x509/errors.js';
import { hashOctets, InternTable } from '../../src/x509/intern.js';
import { signTbs, testKey } from '../support/cert-factory.js';
import { explicit, int, oid, seq, tlv, utcTime } from '../support/der-writer.js';
import { encodeName } from '../support/names.js';

const key = testKey('p256');
const SPKI = new Uint8Array(key.publicKey.export({ type: 'spki', format: 'der' }));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function cert(subject: string, spki: Uint8Array = SPKI): Uint8Array {
  const tbs = seq(
    explicit(0, int(2)),
    int(7),
    ECDSA_SHA256,
    encodeName('CN=Intern Issuer,O=Example'),
    seq(utcTime('250101000000Z'), utcTime('260101000000Z')),
    encodeName(subject),
    spki,
  );
  return signTbs(tbs, key);
}

describe('InternTable', () => {
  test('finds only the octets it kept', () => {
    const table = new InternTable<string>(8, 16);
    const a = Uint8Array.of(1, 2, 3, 4);
    const h = hashOctets(a, 0, 4);
    table.keep(h, a, 0, 4, 'a');
    expect(table.find(h, Uint8Array.of(9, 1, 2, 3, 4), 1, 5)).toBe('a');
    expect(table.find(h, Uint8Array.of(1, 2, 3, 5), 0, 4)).toBeUndefined();
    expect(table.find(hashOctets(a, 0, 3), a, 0, 3)).toBeUndefined();
  });

  test('keeps a copy, so changing the input later changes nothing', () => {
    const table = new InternTable<string>(8, 16);
    const a = Uint8Array.of(5, 6, 7);
    const h = hashOctets(a, 0, 3);
    table.keep(h, a, 0, 3, 'x');
    a[0] = 9;
    expect(table.find(h, Uint8Array.of(5, 6, 7), 0, 3)).toBe('x');
  });

  test('never keeps more than its bounds', () => {
    const table = new InternTable<number>(4, 2);
    const long = Uint8Array.of(1, 2, 3);
    table.keep(hashOctets(long, 0, 3), long, 0, 3, 1);
    expect(table.find(hashOctets(long, 0, 3), long, 0, 3)).toBeUndefined();
    const kept: Uint8Array[] = [];
    for (let i = 0; i < 10; i++) {
      const b = Uint8Array.of(i, i);
      table.keep(hashOctets(b, 0, 2), b, 0, 2, i);
      kept.push(b);
    }
    const found = kept.filter((b, i) => table.find(hashOctets(b, 0, 2), b, 0, 2) === i);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(4);
  });
});

describe('decoding with interned values', () => {
  test('two leaves of one issuer share the issuer name, algorithm and OIDs, not their subjects', () => {
    const a = decodeCertificate(cert('CN=a.example'));
    const b = decodeCertificate(cert('CN=b.example'));
    expect(b.issuer).toBe(a.issuer);
    expect(b.signatureAlgorithm).toBe(a.signatureAlgorithm);
    expect(b.subject).not.toBe(a.subject);
    expect(b.subject.text).toBe('CN=b.example');
    expect(a.issuer.text).toBe('CN=Intern Issuer,O=Example');
  });

  test('a shared value does not view the first certificate’s buffer', () => {
    const der = cert('CN=c.example');
    const first = decodeCertificate(der);
    const again = decodeCertificate(der.slice());
    expect(again.issuer).toBe(first.issuer);
    expect(first.issuer.der.buffer).not.toBe(der.buffer);
    const params = first.publicKey.algorithm.parameters;
    expect(params?.buffer).not.toBe(der.buffer);
    der.fill(0);
    expect(again.issuer.text).toBe('CN=Intern Issuer,O=Example');
    expect(first.publicKey).toMatchObject({ type: 'ec', curve: 'P-256' });
  });

  test('a malformed curve parameter is reported at its own position every time', () => {
    // an ecPublicKey whose namedCurve OID ends inside an arc: the algorithm decodes, the key not
    const badSpki = seq(
      seq(oid('1.2.840.10045.2.1'), tlv(0x06, Uint8Array.of(0x2a, 0x81))),
      tlv(0x03, Uint8Array.of(0, 4)),
    );
    const offsets: number[] = [];
    for (const subject of ['CN=d.example', 'CN=longer-subject.example']) {
      const der = cert(subject, badSpki);
      try {
        decodeCertificate(der);
        throw new Error('decoded');
      } catch (e) {
        expect(e).toBeInstanceOf(X509DecodeError);
        const at = (e as X509DecodeError).offset;
        expect(at).toBeTypeOf('number');
        expect(der[at!]).toBe(0x81);
        offsets.push(at!);
      }
    }
    expect(offsets[1]).toBeGreaterThan(offsets[0]!);
  });
});
