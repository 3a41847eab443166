/**
 * Certificates for the engine tests, made with the test CA factory at a fixed validation time
 * (`AT`). Keys come from `testKey` slots so a test file generates each key once.
 */

import { generateKeyPairSync, sign } from 'node:crypto';
import { parseIpAddress, parseReferenceName, type Reference } from '../../src/names/index.js';
import type { ChainVerifyOptions } from '../../src/pki/index.js';
import { decodeCertificate } from '../../src/x509/index.js';
import type { Certificate } from '../../src/x509/model.js';
import {
  type CertificateOptions,
  createCertificate,
  type IssuedCertificate,
  type KeyPair,
  testKey,
} from '../support/cert-factory.js';
import { bits, nul, oid, seq } from '../support/der-writer.js';

/** The validation time every test uses. */
export const AT = new Date('2025-06-01T00:00:00Z');

/** A CA certificate (P-256 unless `key` says otherwise). */
export function ca(
  subject: string,
  issuer: IssuedCertificate | undefined,
  o: CertificateOptions = {},
): IssuedCertificate {
  return createCertificate({
    subject,
    ca: true,
    key: testKey('p256', slotOf(subject)),
    ...(issuer ? { issuer } : {}),
    ...o,
  });
}

/** A TLS server leaf for `sans` (serverAuth, digitalSignature). */
export function leaf(
  issuer: IssuedCertificate,
  sans: readonly string[],
  o: CertificateOptions = {},
): IssuedCertificate {
  const first = (sans[0] ?? 'dns:leaf').replace(/^\w+:/, '');
  return createCertificate({
    subject: `CN=${first}`,
    issuer,
    ...(sans.length > 0 ? { sans } : {}),
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    key: testKey('p256', 90),
    ...o,
  });
}

const slots = new Map<string, number>();
function slotOf(subject: string): number {
  if (!slots.has(subject)) slots.set(subject, slots.size + 1);
  return slots.get(subject)!;
}

/** Decodes factory output. */
export function decode(...certs: IssuedCertificate[]): Certificate[] {
  return certs.map((c) => decodeCertificate(c.der));
}

/** A reference identity from text (IP syntax wins). */
export function ref(text: string): Reference {
  const ip = parseIpAddress(text);
  if (ip.ok) return ip.value;
  const dns = parseReferenceName(text);
  if (!dns.ok) throw new Error(`bad reference ${text}`);
  return dns.value;
}

/** Options for `verifyChain` from factory certificates. */
export function chain(
  leafCert: IssuedCertificate,
  intermediates: readonly IssuedCertificate[],
  anchors: readonly IssuedCertificate[],
  extra: Partial<ChainVerifyOptions> = {},
): ChainVerifyOptions {
  return {
    leaf: decodeCertificate(leafCert.der),
    intermediates: decode(...intermediates),
    anchors: decode(...anchors),
    at: AT,
    ...extra,
  };
}

/** An RSA key pair of any size, labelled so the factory signs with sha256WithRSAEncryption. */
export function rsaKey(bits: number): KeyPair {
  const pair = generateKeyPairSync('rsa', { modulusLength: bits });
  return { type: 'rsa2048', privateKey: pair.privateKey, publicKey: pair.publicKey };
}

const SHA256_RSA = Uint8Array.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]);

/**
 * Re-signs an RSA-signed factory certificate with sha1WithRSAEncryption: the two OIDs have the
 * same length, so the TBS keeps its shape and only the last OID byte changes.
 */
export function resignWithSha1(cert: IssuedCertificate, signer: KeyPair): Uint8Array {
  const tbs = Uint8Array.from(decodeCertificate(cert.der).tbs);
  const at = indexOf(tbs, SHA256_RSA);
  tbs[at + SHA256_RSA.length - 1] = 0x05;
  const signature = new Uint8Array(sign('sha1', tbs, signer.privateKey));
  return seq(tbs, seq(oid('1.2.840.113549.1.1.5'), nul()), bits(signature));
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('needle not found');
}
