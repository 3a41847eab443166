/**
 * Signature verification through node:crypto (RFC 5280 §6.1.3 (a)(1)), with two caches that
 * make repeated validations under the same CA cheap:
 *
 * - the issuer's `KeyObject`, per decoded Certificate (parsing an RSA key costs more than a verify);
 * - the verification result, per (signed object, issuer) pair of decoded Certificates, so that
 *   validating many leaves under one intermediate checks the intermediate → root signature once.
 *
 * Both are WeakMaps keyed on the frozen Certificate objects, so they are safe across calls and
 * free themselves with the certificates. A result depends only on the signed bytes, the algorithm,
 * the signature and the key, all fixed in a decoded certificate; policy checks are not cached.
 *
 * Callers often decode the same intermediate and root again for every leaf (a chain file per
 * call), which defeats identity caches; behind them sit small content-keyed caches (by SPKI for
 * keys, by a SHA-256 of signed bytes, signature and issuer key for results), cleared when full.
 * Hashing costs a few microseconds, an RSA-2048 verify some 25.
 */

import { constants, createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { AlgorithmIdentifier, Certificate } from '../x509/model.js';
import { spkiWithParameters } from '../x509/public-key.js';
import {
  identifySignatureAlgorithm,
  isWeakAlgorithm,
  keyKind,
  type SignatureAlgorithm,
} from './algorithms.js';
import type { Policy } from './policy.js';

/** Anything signed: a certificate or a CRL. */
export interface SignedData {
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signatureValue: Uint8Array;
}

/** Why a signature was not accepted. */
type SignatureProblem =
  | { readonly kind: 'UnsupportedSignatureAlgorithm'; readonly algorithm: string }
  | { readonly kind: 'WeakSignatureAlgorithm'; readonly algorithm: string }
  | { readonly kind: 'BadSignature' };

const keyCache = new WeakMap<Certificate, KeyObject | null>();
const resultCache = new WeakMap<object, WeakMap<Certificate, boolean>>();

/** Entries kept in each content-keyed cache before it is cleared (memory stays small and bounded). */
const CONTENT_CACHE_LIMIT = 4096;
const keysBySpki = new Map<string, KeyObject | null>();
const resultsByContent = new Map<string, boolean>();

/** Remembers `value` under `key`, clearing the cache first when it is full. */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CONTENT_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** A key for one verification by content: what was signed, the signature, and the issuer's key. */
function contentKey(signed: SignedData, issuer: Certificate): string {
  return createHash('sha256')
    .update(signed.tbs)
    .update(signed.signatureValue)
    .update(issuer.publicKey.spki)
    .digest('base64');
}

function isCaCertificate(signed: SignedData): boolean {
  return 'extension' in signed && (signed as Certificate).extension('basicConstraints')?.ca === true;
}

/** Checks that the policy allows the algorithm that signed `signed`; returns it when it does. */
function allowedAlgorithm(signed: SignedData, policy: Policy): SignatureAlgorithm | SignatureProblem {
  const id = signed.signatureAlgorithm;
  const algorithm = identifySignatureAlgorithm(id);
  if (algorithm !== undefined && policy.signatureAlgorithms.has(algorithm.name)) return algorithm;
  const name = algorithm?.name ?? id.name;
  return isWeakAlgorithm(id)
    ? { kind: 'WeakSignatureAlgorithm', algorithm: name }
    : { kind: 'UnsupportedSignatureAlgorithm', algorithm: name };
}

/**
 * Verifies that `issuer`'s key signed `signed` with an algorithm `policy` allows. The caller
 * counts the check against its budget. Returns undefined on success.
 *
 * `inherited` are the DSA parameters the issuer's key inherits from up the path when its own
 * subjectPublicKeyInfo has none (RFC 5280 §6.1.4 (e)-(f)); that check is not cached, because the
 * same certificate could inherit other parameters on another path.
 */
export function checkSignature(
  signed: SignedData,
  issuer: Certificate,
  policy: Policy,
  inherited?: Uint8Array,
): SignatureProblem | undefined {
  const algorithm = allowedAlgorithm(signed, policy);
  if ('kind' in algorithm) return algorithm;
  if (inherited !== undefined) {
    const key = loadKey(spkiWithParameters(issuer.publicKey.spki, inherited));
    const ok = algorithm.key === 'dsa' && key !== null && verifyWithKey(signed, key, algorithm);
    return ok ? undefined : { kind: 'BadSignature' };
  }
  let byIssuer = resultCache.get(signed);
  const cached = byIssuer?.get(issuer);
  if (cached !== undefined) return cached ? undefined : { kind: 'BadSignature' };
  // only CA certificates come back decoded anew (a leaf is new per call), so only their results
  // are worth a content key; a leaf's signature is checked, not hashed and then checked
  let ok: boolean;
  if (isCaCertificate(signed)) {
    const key = contentKey(signed, issuer);
    ok = resultsByContent.get(key) ?? remember(resultsByContent, key, verifyWith(signed, issuer, algorithm));
  } else {
    ok = verifyWith(signed, issuer, algorithm);
  }
  if (byIssuer === undefined) {
    byIssuer = new WeakMap();
    resultCache.set(signed, byIssuer);
  }
  byIssuer.set(issuer, ok);
  return ok ? undefined : { kind: 'BadSignature' };
}

function verifyWith(signed: SignedData, issuer: Certificate, algorithm: SignatureAlgorithm): boolean {
  // The key must be of the algorithm's kind: an ECDSA signature never verifies with an RSA key.
  if (keyKind(issuer.publicKey) !== algorithm.key) return false;
  const key = publicKeyOf(issuer);
  return key !== null && verifyWithKey(signed, key, algorithm);
}

function verifyWithKey(signed: SignedData, key: KeyObject, algorithm: SignatureAlgorithm): boolean {
  try {
    if (algorithm.key === 'rsa') {
      const padding =
        algorithm.pssSaltLength === undefined ? constants.RSA_PKCS1_PADDING : constants.RSA_PKCS1_PSS_PADDING;
      const options = { key, padding, saltLength: algorithm.pssSaltLength };
      return verify(algorithm.digest, signed.tbs, options, signed.signatureValue);
    }
    if (algorithm.key === 'ec' || algorithm.key === 'dsa') {
      return verify(algorithm.digest, signed.tbs, { key, dsaEncoding: 'der' }, signed.signatureValue);
    }
    return verify(null, signed.tbs, key, signed.signatureValue);
  } catch {
    // OpenSSL throws on signatures it cannot even parse (wrong length, bad DER): not valid.
    return false;
  }
}

/**
 * Checks the signature `issuer` made on `signed` on libuv's thread pool, and keeps the result
 * where {@link checkSignature} looks first: a run that validates thousands of leaves
 * (`certgate expiry` over a folder) starts these for all of them at once, so the RSA and ECDSA
 * work runs on every core, and path validation then finds it done. Nothing is decided here
 * that checkSignature would decide otherwise: the algorithm is identified the same way, the
 * policy still checks it there, and a key of the wrong kind or one OpenSSL cannot load is left
 * to the synchronous path.
 */
export function precheckSignature(signed: Certificate, issuer: Certificate): Promise<void> {
  const algorithm = identifySignatureAlgorithm(signed.signatureAlgorithm);
  if (algorithm === undefined || keyKind(issuer.publicKey) !== algorithm.key) return Promise.resolve();
  if (resultCache.get(signed)?.has(issuer)) return Promise.resolve();
  const key = publicKeyOf(issuer);
  if (key === null) return Promise.resolve();
  const options =
    algorithm.key === 'rsa'
      ? {
          key,
          padding:
            algorithm.pssSaltLength === undefined
              ? constants.RSA_PKCS1_PADDING
              : constants.RSA_PKCS1_PSS_PADDING,
          saltLength: algorithm.pssSaltLength,
        }
      : algorithm.key === 'ec' || algorithm.key === 'dsa'
        ? { key, dsaEncoding: 'der' as const }
        : key;
  const digest =
    algorithm.key === 'rsa' || algorithm.key === 'ec' || algorithm.key === 'dsa' ? algorithm.digest : null;
  return new Promise((resolve) => {
    const keep = (ok: boolean) => {
      let byIssuer = resultCache.get(signed);
      if (byIssuer === undefined) {
        byIssuer = new WeakMap();
        resultCache.set(signed, byIssuer);
      }
      byIssuer.set(issuer, ok);
      resolve();
    };
    try {
      verify(digest, signed.tbs, options, signed.signatureValue, (err, ok) => keep(err === null && ok));
    } catch {
      // OpenSSL refuses to even start on a signature it cannot parse: not valid, as verifyWithKey says
      keep(false);
    }
  });
}

/** The issuer's key as a KeyObject, or null when OpenSSL cannot load it (cached either way). */
function publicKeyOf(cert: Certificate): KeyObject | null {
  let key = keyCache.get(cert);
  if (key === undefined) {
    const spki = Buffer.from(cert.publicKey.spki);
    const id = spki.toString('base64');
    key = keysBySpki.get(id);
    if (key === undefined) key = remember(keysBySpki, id, loadKey(spki));
    keyCache.set(cert, key);
  }
  return key;
}

function loadKey(spki: Uint8Array): KeyObject | null {
  try {
    return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/**
 * Empties the content-keyed caches. For benchmarks and tests that must measure real signature
 * checks on certificates they have verified before; verification never needs it.
 */
export function clearSignatureCaches(): void {
  keysBySpki.clear();
  resultsByContent.clear();
}
