/**
 * One entry point for certificate input of any common shape: a DER certificate, a DER PKCS#7
 * bundle, or PEM text with any number of blocks (certificates, PKCS#7, and things to skip).
 */

import { decodeCertificate, readCertificate } from './certificate.js';
import { DerReader } from './der.js';
import { fail, toDecodeError, X509DecodeError } from './errors.js';
import type { Certificate } from './model.js';
import { decodePemBody, forEachPemBlock, isPrivateKeyLabel, type PemSpan } from './pem.js';
import { decodePkcs7 } from './pkcs7.js';

/** Largest input accepted (a file of many certificates); bounds memory on hostile input. */
export const MAX_INPUT_BYTES = 16 << 20;

/** What `readCertificates` found. */
export interface CertificateBundle {
  /** Every certificate, in file order (PKCS#7 contents in place of their block). */
  readonly certificates: readonly Certificate[];
  /** PEM blocks that hold something other than certificates (a CSR, a CRL, a public key...). */
  readonly skipped: readonly { readonly label: string; readonly line: number }[];
  /** How many private key blocks were skipped. Their contents are never decoded or kept. */
  readonly privateKeysSkipped: number;
}

/** Options for `readCertificates`. */
export interface ReadOptions {
  /** Where the input came from (a path, `-`); recorded on errors as `source`. */
  readonly source?: string;
}

const NOTHING_FOUND = 'no certificate found (expected PEM, DER or PKCS#7)';
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'CMS']);

/**
 * Reads every certificate in `input`, detecting the format from the content: DER certificate,
 * DER PKCS#7 (`.p7b`), or PEM text with `CERTIFICATE`, `X509 CERTIFICATE`, `TRUSTED CERTIFICATE`,
 * `PKCS7` or `CMS` blocks. Private keys are skipped and counted; other blocks are listed as skipped.
 *
 * @throws X509DecodeError naming the PEM block (`block 2 (line 31): at byte 123: ...`) for
 *   malformed input, and when no certificate is found
 */
export function readCertificates(input: Uint8Array | string, options: ReadOptions = {}): CertificateBundle {
  try {
    return readAny(input);
  } catch (e) {
    const err = toDecodeError(e);
    if (options.source === undefined) throw err;
    throw new X509DecodeError(err.reason, err.offset, err.context, options.source);
  }
}

function readAny(input: Uint8Array | string): CertificateBundle {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    fail(0, 'input must be a string or Uint8Array');
  }
  if (input.length > MAX_INPUT_BYTES) throw new X509DecodeError('input is larger than 16 MiB');
  if (typeof input === 'string') return readPem(input);
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(input.buffer, input.byteOffset + bom, input.length - bom);
  if (input[0] !== 0x30) return readPem(text.toString('latin1'));
  try {
    return readDer(input);
  } catch (e) {
    // a text file may start with '0' (0x30): if it holds PEM blocks, read those instead
    if (e instanceof X509DecodeError && text.includes('-----BEGIN ')) return readPem(text.toString('latin1'));
    throw e;
  }
}

/**
 * Certificates already decoded, by their DER: the same intermediate or root read again (a chain
 * file per call, as scripts and Lambdas call `verify`) is the same frozen object, decoded once,
 * and the engine's identity caches (keys, signature results, anchor indexes) then hit too. Each
 * cached certificate owns its bytes (a copy), so a caller reusing its buffer changes nothing.
 *
 * CA certificates are the ones read again and again (one intermediate under thousands of
 * leaves), so they get the large table; leaves, nearly always read once, a small one that is
 * recycled while young, so a stream of distinct leaves does not fill the heap with keys that
 * are never asked for again. Both are bounded and cleared when full.
 */
class DecodedCache {
  readonly #ca = new Map<string, Certificate>();
  readonly #leaf = new Map<string, Certificate>();

  get(key: string): Certificate | undefined {
    return this.#ca.get(key) ?? this.#leaf.get(key);
  }

  set(key: string, cert: Certificate): void {
    const table = isIssuer(cert) ? this.#ca : this.#leaf;
    if (table.size >= (table === this.#ca ? CA_LIMIT : LEAF_LIMIT)) table.clear();
    table.set(key, cert);
  }
}
const CA_LIMIT = 1024;

/** A CA certificate, or a self-issued one (a v1 root has no basicConstraints). */
function isIssuer(cert: Certificate): boolean {
  if (cert.extension('basicConstraints')?.ca === true) return true;
  const subject = cert.subject.der;
  const issuer = cert.issuer.der;
  if (subject.length !== issuer.length) return false;
  return Buffer.from(subject.buffer, subject.byteOffset, subject.length).equals(issuer);
}
const LEAF_LIMIT = 64;
/** Certificates larger than this are decoded every time (they are rare and would crowd the cache). */
const CACHED_MAX_BYTES = 16 * 1024;

const decodedByDer = new DecodedCache();
/**
 * The same, keyed by a PEM block's base64 text as it stands: a chain or roots text read again
 * skips the base64 decoding as well.
 */
const decodedByPem = new DecodedCache();

/** Decodes a certificate block, or returns the one decoded before from the same text. */
function decodePemCached(block: PemSpan): Certificate {
  const known = decodedByPem.get(block.body);
  if (known) return known;
  const der = decodePemBody(block);
  // a PEM block's DER is a buffer of its own, decoded from base64; keyed by its DER as well,
  // so the same certificate given as PEM and as DER is one object
  if (der.length > CACHED_MAX_BYTES) return decodeCertificate(der);
  const cert = decodeCached(der, true);
  decodedByPem.set(block.body, cert);
  return cert;
}

/** Decodes a certificate, or returns the one decoded before from the same bytes. */
function decodeCached(der: Uint8Array, owned: boolean): Certificate {
  if (der.length > CACHED_MAX_BYTES) return decodeCertificate(der);
  const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
  const known = decodedByDer.get(key);
  if (known) return known;
  const cert = decodeCertificate(owned ? der : Uint8Array.from(der));
  decodedByDer.set(key, cert);
  return cert;
}

/** A DER input is PKCS#7 when its outer SEQUENCE starts with an OID (ContentInfo), else a certificate. */
function readDer(der: Uint8Array): CertificateBundle {
  const certificates = isContentInfo(der) ? decodePkcs7(der) : [decodeCached(der, false)];
  if (certificates.length === 0) throw new X509DecodeError(`${NOTHING_FOUND}: the PKCS#7 bundle is empty`);
  return Object.freeze({ certificates: Object.freeze(certificates), skipped: [], privateKeysSkipped: 0 });
}

function isContentInfo(der: Uint8Array): boolean {
  const len = der[1] ?? 0;
  // short form, indefinite (0x80, BER) or 1..4 length octets after the first two bytes
  const inner = len < 0x80 ? 2 : len === 0x80 ? 2 : 2 + (len & 0x7f);
  return der[inner] === 0x06;
}

function readPem(text: string): CertificateBundle {
  if (!text.includes('-----BEGIN ')) throw new X509DecodeError(NOTHING_FOUND);
  const certificates: Certificate[] = [];
  const skipped: { label: string; line: number }[] = [];
  let privateKeysSkipped = 0;
  forEachPemBlock(text, (block) => {
    if (isPrivateKeyLabel(block.label)) privateKeysSkipped++;
    else if (!readBlock(block, certificates))
      skipped.push(Object.freeze({ label: block.label, line: block.line }));
  });
  if (certificates.length === 0) throw new X509DecodeError(nothingFoundReason(skipped, privateKeysSkipped));
  return Object.freeze({
    certificates: Object.freeze(certificates),
    skipped: Object.freeze(skipped),
    privateKeysSkipped,
  });
}

/** Decodes a certificate-bearing block into `out`; returns false for labels that are skipped. */
function readBlock(block: PemSpan, out: Certificate[]): boolean {
  try {
    if (CERTIFICATE_LABELS.has(block.label)) out.push(decodePemCached(block));
    else if (PKCS7_LABELS.has(block.label)) out.push(...decodePkcs7(decodePemBody(block)));
    // OpenSSL's TRUSTED CERTIFICATE is the certificate DER followed by trust settings (X509_CERT_AUX)
    else if (block.label === 'TRUSTED CERTIFICATE')
      out.push(readCertificate(new DerReader(decodePemBody(block))));
    else return false;
    return true;
  } catch (e) {
    const err = toDecodeError(e);
    // base64 errors name the block already (decodePemBody); decoding errors get it here
    throw err.context?.startsWith(block.context) ? err : err.withContext(block.context);
  }
}

function nothingFoundReason(skipped: readonly { label: string; line: number }[], keys: number): string {
  const seen = skipped.map((s) => `${s.label} (line ${s.line})`);
  if (keys > 0) seen.push(`${keys} private key${keys === 1 ? '' : 's'}`);
  return seen.length === 0 ? NOTHING_FOUND : `${NOTHING_FOUND}; found only ${seen.join(', ')}`;
}
