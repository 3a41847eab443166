/**
 * Certificate revocation lists (RFC 5280 §5): DER → a frozen `CertificateRevocationList`.
 * Strict DER, like the certificate decoder. Decoding judges only the encoding; whether a CRL may
 * be used (issuer, signature, dates, CRLNumber, criticality) is for `src/pki/revocation.ts`.
 */

import { readAlgorithm } from './algorithm.js';
import { DerReader, Tag } from './der.js';
import { checkInteger, decodeBitString, decodeBoolean, decodeSmallUint } from './der-values.js';
import { fail, toDecodeError } from './errors.js';
import { readPointName, readReasonFlags } from './extensions/crl-distribution-points.js';
import { readExtension, requireDecoded } from './extensions/index.js';
import { readGeneralNames } from './general-name.js';
import { hex } from './hex.js';
import type {
  AlgorithmIdentifier,
  DistinguishedName,
  Extension,
  GeneralName,
  NameAttribute,
} from './model.js';
import { readName } from './name.js';
import { decodeTime } from './time.js';

/** RFC 5280 §5.3.1 CRLReason names, by value (7 is unused). */
export type CrlReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCRL'
  | 'privilegeWithdrawn'
  | 'aACompromise';

const REASONS: readonly (CrlReason | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

/** One revokedCertificates entry. */
export interface RevokedCertificate {
  /** Lower-case hex of the serial's INTEGER content octets (same form as `Certificate.serialNumber`). */
  readonly serialNumber: string;
  readonly revocationDate: Date;
  /** From the reasonCode entry extension (RFC 5280 §5.3.1). */
  readonly reason?: CrlReason;
  /**
   * The issuer of the revoked certificate, from the certificateIssuer entry extension of this
   * entry or the nearest one before it (RFC 5280 §5.3.3); absent before the first one, where the
   * issuer is the CRL's. Only an indirect CRL may name other issuers.
   */
  readonly certificateIssuer?: readonly GeneralName[];
  /** Every entry extension, decoded generically (oid, critical, raw value). */
  readonly extensions: readonly Extension[];
}

/** issuingDistributionPoint (RFC 5280 §5.2.5): which certificates and reasons the CRL covers. */
export interface IssuingDistributionPoint {
  /** The distribution point's name: full GeneralNames, or an RDN under the CRL issuer's name. */
  readonly fullName?: readonly GeneralName[];
  readonly nameRelativeToCRLIssuer?: readonly NameAttribute[];
  readonly onlyContainsUserCerts: boolean;
  readonly onlyContainsCACerts: boolean;
  /** The reasons the CRL covers, when it covers only some (ReasonFlags bit names). */
  readonly onlySomeReasons?: readonly string[];
  readonly indirectCRL: boolean;
  readonly onlyContainsAttributeCerts: boolean;
  /** The extension's DER value: a delta CRL's scope must be the same (§5.2.4). */
  readonly der: Uint8Array;
}

/** A decoded CRL. Frozen; views into the input DER. */
export interface CertificateRevocationList {
  readonly der: Uint8Array;
  /** The exact TBSCertList bytes, as signed. */
  readonly tbs: Uint8Array;
  /** 1 or 2 (v2 when the version field is present). */
  readonly version: 1 | 2;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly tbsSignatureAlgorithm: AlgorithmIdentifier;
  readonly signatureValue: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly revoked: readonly RevokedCertificate[];
  /** Every crlExtension in encoded order (known certificate extensions like AKI decoded). */
  readonly extensions: readonly Extension[];
  /** cRLNumber, when present (RFC 5280 §5.2.3). */
  readonly crlNumber?: bigint;
  /** A delta CRL's BaseCRLNumber (deltaCRLIndicator, RFC 5280 §5.2.4): the complete CRL it updates. */
  readonly deltaBase?: bigint;
  readonly issuingDistributionPoint?: IssuingDistributionPoint;
}

/** CRL extension OIDs (RFC 5280 §5.2, §5.3). */
export const CRL_OID = Object.freeze({
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  deltaCRLIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  certificateIssuer: '2.5.29.29',
});

/**
 * Decodes one DER CRL. The whole input must be the CRL.
 *
 * @throws X509DecodeError for anything that is not a strictly DER-encoded CRL
 */
export function decodeCrl(der: Uint8Array): CertificateRevocationList {
  try {
    const r = new DerReader(der);
    const outer = r.sequence('CertificateList');
    r.finish('CertificateList');
    const tbsEl = outer.expect(Tag.SEQUENCE, 'tbsCertList');
    const fields = readTbsCertList(outer.enter(tbsEl));
    const signatureAlgorithm = readAlgorithm(outer, 'signatureAlgorithm');
    const signatureValue = decodeBitString(der, outer.expect(Tag.BIT_STRING, 'signatureValue')).bytes;
    outer.finish('CertificateList');
    return Object.freeze({
      der,
      tbs: der.subarray(tbsEl.offset, tbsEl.end),
      signatureAlgorithm,
      signatureValue,
      ...fields,
    });
  } catch (e) {
    throw toDecodeError(e);
  }
}

type TbsFields = Omit<CertificateRevocationList, 'der' | 'tbs' | 'signatureAlgorithm' | 'signatureValue'>;

// RFC 5280 §5.1: TBSCertList ::= SEQUENCE { version Version OPTIONAL (v2), signature, issuer,
//   thisUpdate, nextUpdate OPTIONAL, revokedCertificates OPTIONAL, crlExtensions [0] OPTIONAL }
function readTbsCertList(t: DerReader): TbsFields {
  const buf = t.buf;
  let version: 1 | 2 = 1;
  if (t.peek() === Tag.INTEGER) {
    const at = t.pos;
    if (t.readSmallUint('version') !== 1) fail(at, 'a crl version field must be v2');
    version = 2;
  }
  const tbsSignatureAlgorithm = readAlgorithm(t, 'signature');
  const issuer = readName(t, 'issuer');
  const thisUpdate = decodeTime(buf, t.next('thisUpdate'), 'thisUpdate');
  const next = t.peek();
  const nextUpdate =
    next === Tag.UTCTime || next === Tag.GeneralizedTime
      ? decodeTime(buf, t.next('nextUpdate'), 'nextUpdate')
      : undefined;
  const revoked = t.peek() === Tag.SEQUENCE ? readRevoked(t.sequence('revokedCertificates')) : [];
  const extEl = t.optional(0xa0, 'crlExtensions');
  // RFC 5280 §5.1.2.1: extensions require v2
  if (extEl && version !== 2) fail(extEl.offset, 'crl extensions require version 2');
  const extensions = extEl ? readExtensions(t.enter(extEl).sequence('crlExtensions')) : [];
  t.finish('tbsCertList');
  const out: TbsFields = { version, tbsSignatureAlgorithm, issuer, thisUpdate, revoked, extensions };
  return withDecodedExtensions(out, nextUpdate, buf);
}

/** A reader over an extension value, keeping offsets absolute in the CRL DER. */
function valueReader(buf: Uint8Array, value: Uint8Array): DerReader {
  const start = value.byteOffset - buf.byteOffset;
  return new DerReader(buf, start, start + value.length, 2);
}

function withDecodedExtensions(out: TbsFields, nextUpdate: Date | undefined, buf: Uint8Array): TbsFields {
  const fields: { -readonly [K in keyof TbsFields]: TbsFields[K] } = { ...out };
  if (nextUpdate) fields.nextUpdate = nextUpdate;
  for (const ext of out.extensions) {
    const r = valueReader(buf, ext.value);
    if (ext.oid === CRL_OID.cRLNumber) fields.crlNumber = readCrlNumber(r, 'cRLNumber');
    // RFC 5280 §5.2.4: BaseCRLNumber ::= CRLNumber
    else if (ext.oid === CRL_OID.deltaCRLIndicator) fields.deltaBase = readCrlNumber(r, 'BaseCRLNumber');
    else if (ext.oid === CRL_OID.issuingDistributionPoint)
      fields.issuingDistributionPoint = readIdp(r, ext.value);
  }
  return Object.freeze(fields);
}

// RFC 5280 §5.2.3: CRLNumber ::= INTEGER (0..MAX), at most 20 octets
function readCrlNumber(r: DerReader, what: string): bigint {
  const el = r.expect(Tag.INTEGER, what);
  r.finish(what);
  if (checkInteger(r.buf, el)) fail(el.start, `${what} is negative`);
  return BigInt(`0x${hex(r.buf, el.start, el.end)}`);
}

// RFC 5280 §5.2.5: IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] OPTIONAL,
//   onlyContainsUserCerts [1] BOOLEAN DEFAULT FALSE, onlyContainsCACerts [2] BOOLEAN DEFAULT
//   FALSE, onlySomeReasons [3] ReasonFlags OPTIONAL, indirectCRL [4] BOOLEAN DEFAULT FALSE,
//   onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
function readIdp(r: DerReader, der: Uint8Array): IssuingDistributionPoint {
  const s = r.sequence('issuingDistributionPoint');
  const name: { fullName?: readonly GeneralName[]; nameRelativeToCRLIssuer?: readonly NameAttribute[] } = {};
  const point = s.optional(0xa0, 'distributionPoint');
  if (point) readPointName(s.enter(point), name);
  const flag = (tag: number, what: string): boolean => {
    const el = s.optional(tag, what);
    return el ? decodeBoolean(s.buf, el) : false;
  };
  const onlyContainsUserCerts = flag(0x81, 'onlyContainsUserCerts');
  const onlyContainsCACerts = flag(0x82, 'onlyContainsCACerts');
  const reasons = s.optional(0x83, 'onlySomeReasons');
  const indirectCRL = flag(0x84, 'indirectCRL');
  const onlyContainsAttributeCerts = flag(0x85, 'onlyContainsAttributeCerts');
  s.finish('issuingDistributionPoint');
  return Object.freeze({
    ...name,
    onlyContainsUserCerts,
    onlyContainsCACerts,
    ...(reasons ? { onlySomeReasons: readReasonFlags(s.buf, reasons) } : {}),
    indirectCRL,
    onlyContainsAttributeCerts,
    der,
  });
}

// RFC 5280 §5.1: revokedCertificates SEQUENCE OF SEQUENCE { userCertificate, revocationDate,
//   crlEntryExtensions Extensions OPTIONAL }
function readRevoked(s: DerReader): RevokedCertificate[] {
  // NOTE: RFC 5280 §5.1.2.6 says an empty list is omitted, but CAs do emit an empty SEQUENCE
  // and it is unambiguous, so it is read as no entries.
  const list: RevokedCertificate[] = [];
  let certificateIssuer: readonly GeneralName[] | undefined;
  while (s.hasMore) {
    const e = s.sequence('revoked certificate');
    const serialEl = e.expect(Tag.INTEGER, 'userCertificate');
    checkInteger(e.buf, serialEl);
    const revocationDate = decodeTime(e.buf, e.next('revocationDate'), 'revocationDate');
    const extensions = e.hasMore ? readExtensions(e.sequence('crlEntryExtensions')) : [];
    e.finish('revoked certificate');
    const entry: { -readonly [K in keyof RevokedCertificate]: RevokedCertificate[K] } = {
      serialNumber: hex(e.buf, serialEl.start, serialEl.end),
      revocationDate,
      extensions,
    };
    const reason = extensions.find((x) => x.oid === CRL_OID.reasonCode);
    if (reason) entry.reason = readReason(valueReader(e.buf, reason.value));
    // RFC 5280 §5.3.3: CertificateIssuer ::= GeneralNames; later entries inherit it
    const issuer = extensions.find((x) => x.oid === CRL_OID.certificateIssuer);
    if (issuer) certificateIssuer = readGeneralNames(valueReader(e.buf, issuer.value), 'certificateIssuer');
    if (certificateIssuer) entry.certificateIssuer = certificateIssuer;
    list.push(Object.freeze(entry));
  }
  return list;
}

// RFC 5280 §5.3.1: CRLReason ::= ENUMERATED
function readReason(r: DerReader): CrlReason {
  const el = r.expect(0x0a, 'reasonCode');
  r.finish('reasonCode');
  const reason = REASONS[decodeSmallUint(r.buf, el, 'reasonCode')];
  if (reason === undefined) fail(el.offset, 'unknown crl reason code');
  return reason;
}

// RFC 5280 §5.2 / §5.3: SEQUENCE SIZE (1..MAX) OF Extension, each OID at most once
function readExtensions(s: DerReader): readonly Extension[] {
  if (!s.hasMore) fail(s.pos, 'empty extensions');
  const list: Extension[] = [];
  while (s.hasMore) {
    const at = s.pos;
    const ext = requireDecoded(readExtension(s));
    if (list.some((x) => x.oid === ext.oid)) fail(at, `duplicate extension ${ext.oid}`);
    list.push(ext);
  }
  return Object.freeze(list);
}
