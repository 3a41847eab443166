/**
 * The extension registry: OID → decoder, one decoder per file. An OID not listed here decodes as
 * `kind: 'unknown'` with its raw value; the verifier decides what an unknown critical one means.
 * A listed one whose value does not decode is `kind: 'malformed'`: a bad extension value is a
 * problem of the certificate, which the verifier reports, not a reason to refuse to read it.
 */

import { type DerReader, Tag } from '../der.js';
import { fail, X509DecodeError } from '../errors.js';
import type { Extension } from '../model.js';
import { OID, oidName } from '../oids.js';
import { decodeAuthorityInfoAccess } from './authority-info-access.js';
import { decodeAuthorityKeyIdentifier } from './authority-key-identifier.js';
import { decodeBasicConstraints } from './basic-constraints.js';
import { decodeCertificatePolicies } from './certificate-policies.js';
import { decodeCrlDistributionPoints } from './crl-distribution-points.js';
import { decodeExtKeyUsage } from './ext-key-usage.js';
import { decodeInhibitAnyPolicy } from './inhibit-any-policy.js';
import { decodeIssuerAltName } from './issuer-alt-name.js';
import { decodeKeyUsage } from './key-usage.js';
import { decodeNameConstraints } from './name-constraints.js';
import { decodePolicyConstraints } from './policy-constraints.js';
import { decodePolicyMappings } from './policy-mappings.js';
import { decodeSctList } from './sct-list.js';
import { decodeSubjectAltName } from './subject-alt-name.js';
import { decodeSubjectKeyIdentifier } from './subject-key-identifier.js';
import type { ExtensionDecoder } from './types.js';

export type { ExtensionBody, ExtensionDecoder } from './types.js';

/** Every extension certgate decodes, by extnID. */
const EXTENSION_DECODERS: ReadonlyMap<string, ExtensionDecoder> = new Map<string, ExtensionDecoder>([
  [OID.subjectAltName, decodeSubjectAltName],
  [OID.issuerAltName, decodeIssuerAltName],
  [OID.basicConstraints, decodeBasicConstraints],
  [OID.keyUsage, decodeKeyUsage],
  [OID.extKeyUsage, decodeExtKeyUsage],
  [OID.nameConstraints, decodeNameConstraints],
  [OID.authorityKeyIdentifier, decodeAuthorityKeyIdentifier],
  [OID.subjectKeyIdentifier, decodeSubjectKeyIdentifier],
  [OID.certificatePolicies, decodeCertificatePolicies],
  [OID.policyMappings, decodePolicyMappings],
  [OID.policyConstraints, decodePolicyConstraints],
  [OID.inhibitAnyPolicy, decodeInhibitAnyPolicy],
  [OID.authorityInfoAccess, decodeAuthorityInfoAccess],
  [OID.cRLDistributionPoints, decodeCrlDistributionPoints],
  [OID.signedCertificateTimestampList, decodeSctList],
]);

// RFC 5280 §4.1: Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE,
//   extnValue OCTET STRING }
/** Reads one Extension and decodes its value when the OID is known. */
export function readExtension(r: DerReader): Extension {
  const s = r.sequence('Extension');
  const oid = s.readOid('extnID');
  // NOTE: an explicit critical FALSE is not DER (X.690 §11.5, DEFAULT value encoded), but real
  // CAs have issued it and other decoders accept it; it is decoded as non-critical.
  const critical = s.peek() === Tag.BOOLEAN ? s.readBoolean('critical') : false;
  const valueEl = s.expect(Tag.OCTET_STRING, 'extnValue');
  s.finish('Extension');
  const value = r.buf.subarray(valueEl.start, valueEl.end);
  const decode = EXTENSION_DECODERS.get(oid);
  if (decode === undefined) return Object.freeze({ oid, critical, value, kind: 'unknown' });
  const name = oidName(oid) ?? oid;
  const malformed = (reason: string, offset: number | undefined): Extension =>
    Object.freeze({
      oid,
      critical,
      value,
      kind: 'malformed',
      name,
      reason,
      ...(offset === undefined ? {} : { offset }),
    });
  if (valueEl.start === valueEl.end) return malformed('empty extnValue', valueEl.offset);
  try {
    const inner = s.enter(valueEl);
    const body = decode(inner);
    inner.finish('extnValue');
    return Object.freeze({ oid, critical, value, ...body }) as Extension;
  } catch (e) {
    if (e instanceof X509DecodeError) return malformed(e.reason, e.offset);
    throw e;
  }
}

/**
 * Refuses an extension whose value did not decode, where one bad extension spoils the whole
 * object (a CRL cannot be used with a garbled extension).
 */
export function requireDecoded(ext: Extension): Extension {
  if (ext.kind === 'malformed') fail(ext.offset ?? 0, `${ext.name} extension: ${ext.reason}`);
  return ext;
}
