/**
 * A certificate factory for tests: builds real, signed X.509 certificates with node:crypto, with
 * any extensions, so decoder, path-validation and TLS tests share one tiny CA.
 *
 * @example
 * ```ts
 * const { root, intermediate, leaf } = createTestChain({ sans: ['dns:example.com'] });
 * const other = createCertificate({ subject: 'CN=other', issuer: intermediate, sans: ['ip:192.0.2.1'] });
 * ```
 */

import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { bits, explicit, int, nul, oid, pem, seq, time, tlv } from './der-writer.js';
import { encodeExtension, ext, type RawExtension } from './extensions.js';
import { encodeName } from './names.js';

export { ext, type RawExtension } from './extensions.js';

/** Key types the factory generates. */
export type KeyType = 'rsa2048' | 'p256' | 'p384' | 'ed25519';

/** A key pair and its type. */
export interface KeyPair {
  readonly type: KeyType;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A certificate the factory made, with what is needed to issue from it. */
export interface IssuedCertificate {
  readonly der: Uint8Array;
  readonly pem: string;
  /** The subject's private key. */
  readonly key: KeyObject;
  readonly keyPair: KeyPair;
  /** DER of the subject Name (the issuer Name of certificates it signs). */
  readonly subjectName: Uint8Array;
  /** The subjectKeyIdentifier, when the certificate has one. */
  readonly keyId?: Uint8Array;
}

/** What to put in a certificate. Everything is optional; defaults make a v3 self-signed P-256 leaf. */
export interface CertificateOptions {
  /** RFC 4514-style subject, least significant first (`CN=leaf,O=Example`). Default `CN=test`. */
  subject?: string;
  /** Raw subject Name DER, overriding `subject` (for unusual encodings). */
  subjectName?: Uint8Array;
  /** The issuing certificate; self-signed when absent. */
  issuer?: IssuedCertificate;
  /** The subject key pair, or a type to generate. Default: a fresh P-256 pair. */
  key?: KeyPair | KeyType;
  /** Serial number: a number/bigint, or raw INTEGER content octets. Default: a counter. */
  serial?: number | bigint | Uint8Array;
  /** Default 2024-01-01T00:00:00Z. */
  notBefore?: Date;
  /** Default 2034-01-01T00:00:00Z. */
  notAfter?: Date;
  /** Raw Time elements instead of Dates (UTCTime/GeneralizedTime by hand). */
  validity?: { notBefore: Uint8Array; notAfter: Uint8Array };
  /** 1, 2 or 3 (default 3). v1 certificates get no extensions. */
  version?: 1 | 2 | 3;
  /** subjectAltName entries as spec strings: `dns:`, `ip:`, `email:`, `uri:`, `dn:`, `rid:`, `other:`. */
  sans?: readonly string[];
  /** basicConstraints cA (the extension is added when `ca` or `pathLen` is set). */
  ca?: boolean;
  pathLen?: number;
  /** keyUsage bit names. Default for CAs: keyCertSign + cRLSign. */
  keyUsage?: readonly string[];
  /** extKeyUsage purposes: names (`serverAuth`) or OIDs. */
  eku?: readonly string[];
  nameConstraints?: { permitted?: readonly string[]; excluded?: readonly string[] };
  policies?: readonly (string | { oid: string; cps?: string })[];
  aia?: { ocsp?: readonly string[]; caIssuers?: readonly string[] };
  crlDistributionPoints?: readonly string[];
  /** 32-byte log ids for an SCT list extension. */
  sctLogIds?: readonly Uint8Array[];
  /** Add subjectKeyIdentifier (default true for v3). */
  subjectKeyId?: boolean;
  /** Add authorityKeyIdentifier (default true for v3 when the issuer has a key id). */
  authorityKeyId?: boolean;
  /** More extensions, appended in order (raw DER values). */
  extensions?: readonly RawExtension[];
  /** issuerUniqueID / subjectUniqueID bit strings (v2/v3). */
  issuerUniqueId?: Uint8Array;
  subjectUniqueId?: Uint8Array;
}

/** Generates a key pair of the given type (RSA-2048 takes ~100 ms: prefer `testKey`). */
export function generateKeyPair(type: KeyType): KeyPair {
  const pair =
    type === 'rsa2048'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : type === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: type === 'p256' ? 'P-256' : 'P-384' });
  return { type, privateKey: pair.privateKey, publicKey: pair.publicKey };
}

const keyCache = new Map<string, KeyPair>();

/**
 * A key pair of the given type, generated once per test file (module instance) and reused.
 * `slot` tells distinct cached keys of one type apart (root, intermediate, leaf).
 */
export function testKey(type: KeyType, slot = 0): KeyPair {
  let pair = keyCache.get(`${type}/${slot}`);
  if (pair === undefined) {
    pair = generateKeyPair(type);
    keyCache.set(`${type}/${slot}`, pair);
  }
  return pair;
}

/** The signatureAlgorithm and node:crypto digest for a signing key. */
function signatureFor(type: KeyType): { algorithm: Uint8Array; digest: string | null } {
  switch (type) {
    case 'rsa2048':
      return { algorithm: seq(oid('1.2.840.113549.1.1.11'), nul()), digest: 'sha256' };
    case 'p256':
      return { algorithm: seq(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
    case 'p384':
      return { algorithm: seq(oid('1.2.840.10045.4.3.3')), digest: 'sha384' };
    case 'ed25519':
      return { algorithm: seq(oid('1.3.101.112')), digest: null };
  }
}

let nextSerial = 0x1000n;

function resolveKey(key: CertificateOptions['key']): KeyPair {
  if (key === undefined) return generateKeyPair('p256');
  return typeof key === 'string' ? generateKeyPair(key) : key;
}

function buildExtensions(
  o: CertificateOptions,
  spki: Uint8Array,
): { list: RawExtension[]; keyId?: Uint8Array } {
  const list: RawExtension[] = [];
  const keyId =
    o.subjectKeyId === false ? undefined : createHash('sha1').update(spki).digest().subarray(0, 20);
  if (o.ca !== undefined || o.pathLen !== undefined)
    list.push(ext.basicConstraints(o.ca ?? false, o.pathLen));
  const keyUsage = o.keyUsage ?? (o.ca ? ['keyCertSign', 'cRLSign'] : undefined);
  if (keyUsage) list.push(ext.keyUsage(keyUsage));
  if (o.eku) list.push(ext.extKeyUsage(o.eku));
  if (keyId) list.push(ext.subjectKeyIdentifier(keyId));
  const issuerKeyId = o.issuer?.keyId;
  if (issuerKeyId && o.authorityKeyId !== false) list.push(ext.authorityKeyIdentifier(issuerKeyId));
  if (o.sans) list.push(ext.subjectAltName(o.sans));
  if (o.nameConstraints) list.push(ext.nameConstraints(o.nameConstraints));
  if (o.policies) list.push(ext.certificatePolicies(o.policies));
  if (o.aia) list.push(ext.authorityInfoAccess(o.aia));
  if (o.crlDistributionPoints) list.push(ext.cRLDistributionPoints(o.crlDistributionPoints));
  if (o.sctLogIds) list.push(ext.sctList(o.sctLogIds));
  list.push(...(o.extensions ?? []));
  return keyId === undefined ? { list } : { list, keyId };
}

/**
 * Builds and signs a certificate. With `issuer` it is signed by the issuer's key and carries the
 * issuer's subject as its issuer; without, it is self-signed.
 *
 * @returns `{ der, pem, key }` plus the key pair, subject Name DER and key id, ready to issue from
 */
export function createCertificate(o: CertificateOptions = {}): IssuedCertificate {
  const keyPair = resolveKey(o.key);
  const version = o.version ?? 3;
  const subjectName = o.subjectName ?? encodeName(o.subject ?? 'CN=test');
  const spki = new Uint8Array(keyPair.publicKey.export({ type: 'spki', format: 'der' }));
  const signer = o.issuer?.keyPair ?? keyPair;
  const { algorithm, digest } = signatureFor(signer.type);
  const { list, keyId } = buildExtensions({ ...o, subjectKeyId: o.subjectKeyId ?? version === 3 }, spki);
  const serial = o.serial instanceof Uint8Array ? int(o.serial) : int(o.serial ?? nextSerial++);
  const tbs = seq(
    ...(version === 1 ? [] : [explicit(0, int(version - 1))]),
    serial,
    algorithm,
    o.issuer?.subjectName ?? subjectName,
    o.validity
      ? seq(o.validity.notBefore, o.validity.notAfter)
      : seq(
          time(o.notBefore ?? new Date('2024-01-01T00:00:00Z')),
          time(o.notAfter ?? new Date('2034-01-01T00:00:00Z')),
        ),
    subjectName,
    spki,
    ...(o.issuerUniqueId ? [tlv(0x81, [Uint8Array.of(0), o.issuerUniqueId])] : []),
    ...(o.subjectUniqueId ? [tlv(0x82, [Uint8Array.of(0), o.subjectUniqueId])] : []),
    ...(version === 3 && list.length > 0 ? [explicit(3, seq(...list.map(encodeExtension)))] : []),
  );
  const signature = new Uint8Array(sign(digest, tbs, signer.privateKey));
  const der = seq(tbs, algorithm, bits(signature));
  const base = { der, pem: pem('CERTIFICATE', der), key: keyPair.privateKey, keyPair, subjectName };
  return version === 3 && keyId ? { ...base, keyId } : base;
}

/** Re-signs `tbs` (a complete TBSCertificate DER, possibly malformed on purpose) with `signer`. */
export function signTbs(tbs: Uint8Array, signer: KeyPair): Uint8Array {
  const { algorithm, digest } = signatureFor(signer.type);
  return seq(tbs, algorithm, bits(new Uint8Array(sign(digest, tbs, signer.privateKey))));
}

/**
 * A root → intermediate → leaf chain. The leaf gets `sans` (default `dns:example.com`) and
 * serverAuth; keys default to P-256 (pass `keyType: 'rsa2048'` for RSA, cached per file).
 */
export function createTestChain(
  options: { sans?: readonly string[]; keyType?: KeyType; leaf?: CertificateOptions } = {},
): { root: IssuedCertificate; intermediate: IssuedCertificate; leaf: IssuedCertificate } {
  const key = (slot: number): KeyPair | KeyType =>
    options.keyType === 'rsa2048' ? testKey('rsa2048', slot) : (options.keyType ?? 'p256');
  const root = createCertificate({ subject: 'CN=certgate test root,O=certgate', ca: true, key: key(0) });
  const intermediate = createCertificate({
    subject: 'CN=certgate test intermediate,O=certgate',
    issuer: root,
    ca: true,
    pathLen: 0,
    key: key(1),
  });
  const leaf = createCertificate({
    subject: `CN=${(options.sans?.[0] ?? 'dns:example.com').replace(/^\w+:/, '')}`,
    issuer: intermediate,
    sans: options.sans ?? ['dns:example.com'],
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    key: key(2),
    ...options.leaf,
  });
  return { root, intermediate, leaf };
}

/** A TLS server leaf for one DNS name issued by `issuer` (digitalSignature, serverAuth), valid as given. */
export function serverLeaf(
  name: string,
  issuer: IssuedCertificate,
  notBefore: string,
  notAfter: string,
): IssuedCertificate {
  return createCertificate({
    subject: `CN=${name}`,
    issuer,
    sans: [`dns:${name}`],
    keyUsage: ['digitalSignature'],
    eku: ['serverAuth'],
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
  });
}
