/** certificatePolicies (RFC 5280 §4.2.1.4). */

import { type DerReader, Tag } from '../der.js';
import { fail } from '../errors.js';
import type { PolicyInformation } from '../model.js';
import { OID } from '../oids.js';
import { decodeIa5String } from '../strings.js';
import type { ExtensionDecoder } from './types.js';

type Qualifier = PolicyInformation['qualifiers'][number];

// RFC 5280 §4.2.1.4: PolicyQualifierInfo ::= SEQUENCE { policyQualifierId, qualifier ANY },
// and for id-qt-cps the qualifier is CPSuri ::= IA5String
function readQualifier(r: DerReader): Qualifier {
  const el = r.expect(Tag.SEQUENCE, 'PolicyQualifierInfo');
  const s = r.enter(el);
  const oid = s.readOid('policyQualifierId');
  const q = s.next('qualifier');
  s.finish('PolicyQualifierInfo');
  const raw = r.buf.subarray(el.offset, el.end);
  if (oid !== OID.cps) return Object.freeze({ oid, raw });
  if (q.tag !== Tag.IA5String) fail(q.offset, 'CPS qualifier must be an IA5String');
  return Object.freeze({ oid, cps: decodeIa5String(r.buf, q), raw });
}

// RFC 5280 §4.2.1.4: PolicyInformation ::= SEQUENCE { policyIdentifier CertPolicyId,
//   policyQualifiers SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo OPTIONAL }
function readPolicy(r: DerReader): PolicyInformation {
  const s = r.sequence('PolicyInformation');
  const policyIdentifier = s.readOid('policyIdentifier');
  const qualifiers: Qualifier[] = [];
  if (s.hasMore) {
    const at = s.pos;
    const q = s.sequence('policyQualifiers');
    if (!q.hasMore) fail(at, 'empty policyQualifiers');
    while (q.hasMore) qualifiers.push(readQualifier(q));
  }
  s.finish('PolicyInformation');
  return Object.freeze({ policyIdentifier, qualifiers: Object.freeze(qualifiers) });
}

// RFC 5280 §4.2.1.4: certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
/** Decodes a certificatePolicies extnValue. Duplicate policy OIDs are left for the verifier. */
export const decodeCertificatePolicies: ExtensionDecoder<'certificatePolicies'> = (r) => {
  const at = r.pos;
  const s = r.sequence('certificatePolicies');
  if (!s.hasMore) fail(at, 'empty certificatePolicies');
  const policies: PolicyInformation[] = [];
  while (s.hasMore) policies.push(readPolicy(s));
  return { kind: 'certificatePolicies', policies: Object.freeze(policies) };
};
