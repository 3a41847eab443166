/**
 * precheckSignature: the thread-pool check gives checkSignature the same answer the synchronous
 * check would, for every key type, for good and for tampered signatures.
 */

import { expect, test } from 'vitest';
import { policyFor } from '../../src/pki/policy.js';
import { checkSignature, clearSignatureCaches, precheckSignature } from '../../src/pki/signature.js';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { createCertificate, type KeyType, testKey } from '../support/cert-factory.js';

const policy = policyFor('client');

test.each<KeyType>(['rsa2048', 'p256', 'p384', 'ed25519'])(
  '%s issuer: same verdict as the synchronous check',
  async (type) => {
    const ca = createCertificate({
      subject: `CN=${type} CA`,
      ca: true,
      key: type === 'rsa2048' ? testKey('rsa2048', 0) : type,
    });
    const leaf = createCertificate({ subject: 'CN=leaf', issuer: ca, sans: ['dns:leaf.example'] });
    const tampered = Uint8Array.from(leaf.der);
    const at = tampered.length - 3; // inside the signature value
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    // the client policy refuses Ed25519, as browsers do: both paths must say so
    const refused =
      type === 'ed25519' ? { kind: 'UnsupportedSignatureAlgorithm', algorithm: 'Ed25519' } : undefined;
    for (const [der, expected] of [
      [leaf.der, refused],
      [tampered, refused ?? { kind: 'BadSignature' }],
    ] as const) {
      const issuer = decodeCertificate(ca.der);
      // the synchronous answer, on fresh objects with empty caches
      clearSignatureCaches();
      const sync = checkSignature(decodeCertificate(der), decodeCertificate(ca.der), policy);
      expect(sync).toEqual(expected);
      // the prechecked answer: kept, then returned by checkSignature
      const signed = decodeCertificate(der);
      await precheckSignature(signed, issuer);
      expect(checkSignature(signed, issuer, policy)).toEqual(expected);
    }
  },
);

test('a key of the wrong kind is left to the synchronous check', async () => {
  const ec = createCertificate({ subject: 'CN=EC CA', ca: true, key: 'p256' });
  const rsa = createCertificate({ subject: 'CN=RSA CA', ca: true, key: testKey('rsa2048', 0) });
  const leaf = decodeCertificate(createCertificate({ subject: 'CN=leaf', issuer: ec }).der);
  const other = decodeCertificate(rsa.der);
  await precheckSignature(leaf, other);
  expect(checkSignature(leaf, other, policy)).toEqual({ kind: 'BadSignature' });
});
