/**
 * Certificate decoding (RFC 5280 §4.1): DER → a frozen `Certificate`. Strict DER throughout; the
 * few deliberate leniencies are marked NOTE where they are made.
 */

import { createHash } from 'node:crypto';
import { readAlgorithm } from './algorithm.js';
import { type DerElement, DerReader, Tag } from './der.js';
import { checkInteger, decodeBitString } from './der-values.js';
import { fail, toDecodeError } from './errors.js';
import { readExtension } from './extensions/index.js';
import { colonHex, hex } from './hex.js';
import type {
  AlgorithmIdentifier,
  Certificate,
  DistinguishedName,
  Extension,
  ExtensionKind,
  ExtensionOf,
  PublicKeyInfo,
} from './model.js';
import { readName } from './name.js';
import { readPublicKeyInfo } from './public-key.js';
import { decodeTime } from './time.js';

/** Largest certificate DER accepted: real ones are a few KiB; this bounds hostile input. */
export const MAX_CERTIFICATE_BYTES = 1 << 20;

/** The fields of a certificate other than the lazily computed fingerprints. */
type CertificateFields = Omit<Certificate, 'sha256Fingerprint' | 'sha1Fingerprint' | 'extension'>;

/**
 * Decodes one DER certificate. The whole input must be the certificate: trailing bytes are an
 * error. The result is frozen and keeps views into `der` (no copies), so do not modify `der`.
 *
 * @throws X509DecodeError for anything that is not a strictly DER-encoded X.509 certificate
 * @example
 * ```ts
 * const cert = decodeCertificate(new Uint8Array(readFileSync('leaf.der')));
 * cert.subject.text; // 'CN=example.com'
 * ```
 */
export function decodeCertificate(der: Uint8Array): Certificate {
  try {
    if (!(der instanceof Uint8Array)) fail(0, 'certificate input must be a Uint8Array');
    const r = new DerReader(der);
    const cert = readCertificate(r);
    r.finish('certificate');
    return cert;
  } catch (e) {
    throw toDecodeError(e);
  }
}

// RFC 5280 §4.1.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
/** Reads one Certificate element from `r`, leaving anything after it unread. */
export function readCertificate(r: DerReader): Certificate {
  const el = r.expect(Tag.SEQUENCE, 'certificate');
  if (el.end - el.offset > MAX_CERTIFICATE_BYTES) fail(el.offset, 'certificate is larger than 1 MiB');
  const buf = r.buf;
  const c = r.enter(el);
  const tbsEl = c.expect(Tag.SEQUENCE, 'tbsCertificate');
  const tbs = readTbs(c, tbsEl);
  const signatureAlgorithm = readAlgorithm(c, 'signatureAlgorithm');
  const signatureValue = decodeBitString(buf, c.expect(Tag.BIT_STRING, 'signatureValue')).bytes;
  c.finish('certificate');
  return new DecodedCertificate({
    der: buf.subarray(el.offset, el.end),
    tbs: buf.subarray(tbsEl.offset, tbsEl.end),
    signatureAlgorithm,
    signatureValue,
    ...tbs,
  });
}

interface TbsFields {
  version: 1 | 2 | 3;
  serialNumber: string;
  tbsSignatureAlgorithm: AlgorithmIdentifier;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  publicKey: PublicKeyInfo;
  issuerUniqueId?: Uint8Array;
  subjectUniqueId?: Uint8Array;
  extensions: readonly Extension[];
}

// RFC 5280 §4.1: TBSCertificate ::= SEQUENCE { version [0] DEFAULT v1, serialNumber, signature,
//   issuer, validity, subject, subjectPublicKeyInfo, issuerUniqueID [1], subjectUniqueID [2],
//   extensions [3] }
function readTbs(r: DerReader, el: DerElement): TbsFields {
  const t = r.enter(el);
  const buf = r.buf;
  const version = readVersion(t);
  // RFC 5280 §4.1.2.2: a positive INTEGER of up to 20 octets; only DER validity is checked here,
  // the verifier judges sign and size
  const serialEl = t.expect(Tag.INTEGER, 'serialNumber');
  checkInteger(buf, serialEl);
  const tbsSignatureAlgorithm = readAlgorithm(t, 'signature');
  const issuer = readName(t, 'issuer');
  const validity = t.sequence('validity');
  const notBefore = decodeTime(buf, validity.next('notBefore'), 'notBefore');
  const notAfter = decodeTime(buf, validity.next('notAfter'), 'notAfter');
  validity.finish('validity');
  const subject = readName(t, 'subject');
  const publicKey = readPublicKeyInfo(t);
  const fields: TbsFields = {
    version,
    serialNumber: hex(buf, serialEl.start, serialEl.end),
    tbsSignatureAlgorithm,
    issuer,
    subject,
    notBefore,
    notAfter,
    publicKey,
    extensions: NO_EXTENSIONS,
  };
  readOptionalFields(t, fields);
  t.finish('tbsCertificate');
  return fields;
}

const NO_EXTENSIONS: readonly Extension[] = Object.freeze([]);

// RFC 5280 §4.1.2.1: Version ::= INTEGER { v1(0), v2(1), v3(2) }
function readVersion(t: DerReader): 1 | 2 | 3 {
  const el = t.optional(0xa0, 'version');
  if (el === undefined) return 1;
  const v = t.enter(el);
  const at = v.pos;
  const n = v.readSmallUint('version');
  v.finish('version');
  if (n > 2) fail(at, `unsupported certificate version ${n + 1}`);
  // NOTE: an explicit v1 (DEFAULT value encoded) is not DER; it is accepted as v1, as OpenSSL
  // and Go do, because the value is unambiguous.
  return (n + 1) as 1 | 2 | 3;
}

// RFC 5280 §4.1.2.8: unique identifiers only in v2 or v3; §4.1.2.9: extensions only in v3
function readOptionalFields(t: DerReader, fields: TbsFields): void {
  const buf = t.buf;
  const issuerUid = t.optional(0x81, 'issuerUniqueID');
  const subjectUid = t.optional(0x82, 'subjectUniqueID');
  for (const uid of [issuerUid, subjectUid]) {
    if (uid && fields.version === 1) fail(uid.offset, 'unique identifiers require version 2 or 3');
  }
  if (issuerUid) fields.issuerUniqueId = decodeBitString(buf, issuerUid).bytes;
  if (subjectUid) fields.subjectUniqueId = decodeBitString(buf, subjectUid).bytes;
  const extEl = t.optional(0xa3, 'extensions');
  if (extEl === undefined) return;
  if (fields.version !== 3) fail(extEl.offset, 'extensions require version 3');
  fields.extensions = readExtensions(t.enter(extEl));
}

// RFC 5280 §4.1: Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension; §4.2: a certificate MUST NOT
// include more than one instance of a particular extension
function readExtensions(outer: DerReader): readonly Extension[] {
  const at = outer.pos;
  const s = outer.sequence('extensions');
  outer.finish('extensions');
  if (!s.hasMore) fail(at, 'empty extensions');
  const list: Extension[] = [];
  while (s.hasMore) {
    const start = s.pos;
    const ext = readExtension(s);
    for (const seen of list) if (seen.oid === ext.oid) fail(start, `duplicate extension ${ext.oid}`);
    list.push(ext);
  }
  return Object.freeze(list);
}

/** The frozen Certificate. Fingerprints are computed on first use and cached. */
class DecodedCertificate implements Certificate {
  readonly der!: Uint8Array;
  readonly tbs!: Uint8Array;
  readonly version!: 1 | 2 | 3;
  readonly serialNumber!: string;
  readonly signatureAlgorithm!: AlgorithmIdentifier;
  readonly tbsSignatureAlgorithm!: AlgorithmIdentifier;
  readonly signatureValue!: Uint8Array;
  readonly issuer!: DistinguishedName;
  readonly subject!: DistinguishedName;
  readonly notBefore!: Date;
  readonly notAfter!: Date;
  readonly publicKey!: PublicKeyInfo;
  readonly issuerUniqueId?: Uint8Array;
  readonly subjectUniqueId?: Uint8Array;
  readonly extensions!: readonly Extension[];
  #sha256: string | undefined;
  #sha1: string | undefined;

  constructor(fields: CertificateFields) {
    Object.assign(this, fields);
    Object.freeze(this);
  }

  get sha256Fingerprint(): string {
    if (this.#sha256 === undefined) this.#sha256 = colonHex(createHash('sha256').update(this.der).digest());
    return this.#sha256;
  }

  get sha1Fingerprint(): string {
    if (this.#sha1 === undefined) this.#sha1 = colonHex(createHash('sha1').update(this.der).digest());
    return this.#sha1;
  }

  extension<K extends ExtensionKind>(kind: K): ExtensionOf<K> | undefined {
    for (const e of this.extensions) if (e.kind === kind) return e as ExtensionOf<K>;
    return undefined;
  }
}
