/**
 * Signature algorithms and public keys as the policies see them: which AlgorithmIdentifier is
 * which algorithm (matched on the exact OID and parameter bytes, as rustls-webpki and the CA/B
 * Baseline Requirements §7.1.3.2 do), and how to describe a key for an error message.
 */

import type { AlgorithmIdentifier, PublicKeyInfo } from '../x509/model.js';
import { isWeakSignatureAlgorithm } from '../x509/oids.js';

/** The kind of key an algorithm verifies with. */
type KeyKind = 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa';

/** A signature algorithm certgate can verify with node:crypto. */
export interface SignatureAlgorithm {
  /** Stable name used in policies and error messages (`sha256WithRSAEncryption`, `rsassa-pss-sha256`). */
  readonly name: string;
  readonly key: KeyKind;
  /** The node:crypto digest, or null for EdDSA (the digest is part of the scheme). */
  readonly digest: 'sha1' | 'sha256' | 'sha384' | 'sha512' | null;
  /** RSASSA-PSS salt length (MGF1 uses the same digest). */
  readonly pssSaltLength?: number;
}

const NULL = '0500';

// CA/B BR §7.1.3.2.1: the only RSASSA-PSS encodings allowed, byte for byte (MGF1 with the same
// hash, salt length = hash length, trailerField absent)
const PSS_SHA256 =
  '3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120';
const PSS_SHA384 =
  '3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130';
const PSS_SHA512 =
  '3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140';

function rsa(name: string, digest: SignatureAlgorithm['digest']): SignatureAlgorithm {
  return { name, key: 'rsa', digest };
}

function ecdsa(name: string, digest: SignatureAlgorithm['digest']): SignatureAlgorithm {
  return { name, key: 'ec', digest };
}

/**
 * Every algorithm certgate can verify, keyed by `oid` + `/` + hex of the parameters (empty when
 * absent). RFC 4055 §5: sha*WithRSAEncryption parameters are NULL, and verifiers MUST accept them
 * absent too; RFC 5758 §3.2: ECDSA parameters are absent; RFC 8410 §3: EdDSA parameters are absent.
 */
const ALGORITHMS = new Map<string, SignatureAlgorithm>([
  ['1.2.840.113549.1.1.5/', rsa('sha1WithRSAEncryption', 'sha1')],
  [`1.2.840.113549.1.1.5/${NULL}`, rsa('sha1WithRSAEncryption', 'sha1')],
  ['1.2.840.113549.1.1.11/', rsa('sha256WithRSAEncryption', 'sha256')],
  [`1.2.840.113549.1.1.11/${NULL}`, rsa('sha256WithRSAEncryption', 'sha256')],
  ['1.2.840.113549.1.1.12/', rsa('sha384WithRSAEncryption', 'sha384')],
  [`1.2.840.113549.1.1.12/${NULL}`, rsa('sha384WithRSAEncryption', 'sha384')],
  ['1.2.840.113549.1.1.13/', rsa('sha512WithRSAEncryption', 'sha512')],
  [`1.2.840.113549.1.1.13/${NULL}`, rsa('sha512WithRSAEncryption', 'sha512')],
  [`1.2.840.113549.1.1.10/${PSS_SHA256}`, { ...rsa('rsassa-pss-sha256', 'sha256'), pssSaltLength: 32 }],
  [`1.2.840.113549.1.1.10/${PSS_SHA384}`, { ...rsa('rsassa-pss-sha384', 'sha384'), pssSaltLength: 48 }],
  [`1.2.840.113549.1.1.10/${PSS_SHA512}`, { ...rsa('rsassa-pss-sha512', 'sha512'), pssSaltLength: 64 }],
  ['1.2.840.10045.4.1/', ecdsa('ecdsa-with-SHA1', 'sha1')],
  ['1.2.840.10045.4.3.2/', ecdsa('ecdsa-with-SHA256', 'sha256')],
  ['1.2.840.10045.4.3.3/', ecdsa('ecdsa-with-SHA384', 'sha384')],
  ['1.2.840.10045.4.3.4/', ecdsa('ecdsa-with-SHA512', 'sha512')],
  ['1.3.101.112/', { name: 'Ed25519', key: 'ed25519', digest: null }],
  ['1.3.101.113/', { name: 'Ed448', key: 'ed448', digest: null }],
  // RFC 3279 §2.2.2 and RFC 5758 §3.1: DSA signature parameters are absent
  ['1.2.840.10040.4.3/', { name: 'dsa-with-SHA1', key: 'dsa', digest: 'sha1' }],
  ['2.16.840.1.101.3.4.3.2/', { name: 'dsa-with-SHA256', key: 'dsa', digest: 'sha256' }],
]);

/** Looks up an AlgorithmIdentifier; undefined when certgate cannot verify it at all. */
export function identifySignatureAlgorithm(id: AlgorithmIdentifier): SignatureAlgorithm | undefined {
  // decoded identifiers are interned, so nearly every certificate's is one already looked up
  if (identified.has(id)) return identified.get(id);
  const found = ALGORITHMS.get(
    `${id.oid}/${id.parameters ? Buffer.from(id.parameters).toString('hex') : ''}`,
  );
  identified.set(id, found);
  return found;
}
const identified = new WeakMap<AlgorithmIdentifier, SignatureAlgorithm | undefined>();

/**
 * True for MD2, MD5 and SHA-1 based signature algorithms (the OID registry's one list), so a
 * refusal says "weak", not "unknown".
 */
export function isWeakAlgorithm(id: AlgorithmIdentifier): boolean {
  return isWeakSignatureAlgorithm(id.oid);
}

/** The kind of a decoded key, when it is one certgate can verify with. */
export function keyKind(key: PublicKeyInfo): KeyKind | undefined {
  switch (key.type) {
    case 'rsa':
      return 'rsa';
    case 'ec':
      return 'ec';
    case 'ed25519':
      return 'ed25519';
    case 'ed448':
      return 'ed448';
    case 'dsa':
      return 'dsa';
    default:
      return undefined;
  }
}

/** A short description of a key for messages: `RSA 1024`, `EC P-192`, `DSA`. */
export function describeKey(key: PublicKeyInfo): string {
  switch (key.type) {
    case 'rsa':
      return `RSA ${key.modulusBits}`;
    case 'rsa-pss':
      return `RSA-PSS ${key.modulusBits}`;
    case 'ec':
      return `EC ${key.curve}`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    case 'dsa':
      return key.pBits === undefined ? 'DSA' : `DSA ${key.pBits}`;
    default:
      if (key.algorithm.oid === '1.2.840.10045.2.1') return 'EC with explicit curve parameters';
      return key.algorithm.name === 'dsa' ? 'DSA' : key.algorithm.name;
  }
}
