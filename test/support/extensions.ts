/** Extension builders for the test certificate factory: each returns `{ oid, critical, value }`. */

import { bits, bool, concat, explicit, ia5, implicit, int, octets, oid, seq, tlv } from './der-writer.js';
import { encodeGeneralName, encodeGeneralNames } from './names.js';

/** A raw extension: OID, criticality, and the DER that goes inside extnValue. */
export interface RawExtension {
  readonly oid: string;
  readonly critical?: boolean;
  readonly value: Uint8Array;
}

/** Encodes an Extension SEQUENCE (criticality omitted when false, as DER requires). */
export function encodeExtension(ext: RawExtension): Uint8Array {
  return seq(oid(ext.oid), ...(ext.critical ? [bool(true)] : []), octets(ext.value));
}

const KEY_USAGE = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** A named-bit-list BIT STRING with trailing zero bits removed (X.690 §11.2.2). */
export function namedBitString(set: readonly number[]): Uint8Array {
  if (set.length === 0) return bits(new Uint8Array(0));
  const last = Math.max(...set);
  const bytes = new Uint8Array((last >> 3) + 1);
  for (const b of set) bytes[b >> 3]! |= 0x80 >> (b & 7);
  return bits(bytes, 7 - (last & 7));
}

const EKU: Record<string, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
  anyExtendedKeyUsage: '2.5.29.37.0',
};

/** Extension builders, by RFC 5280 name. */
export const ext = {
  subjectAltName: (specs: readonly string[], critical = false): RawExtension => ({
    oid: '2.5.29.17',
    critical,
    value: encodeGeneralNames(specs),
  }),
  basicConstraints: (ca: boolean, pathLen?: number): RawExtension => ({
    oid: '2.5.29.19',
    critical: true,
    value: seq(...(ca ? [bool(true)] : []), ...(pathLen === undefined ? [] : [int(pathLen)])),
  }),
  keyUsage: (usages: readonly string[]): RawExtension => ({
    oid: '2.5.29.15',
    critical: true,
    value: namedBitString(usages.map((u) => KEY_USAGE.indexOf(u as (typeof KEY_USAGE)[number]))),
  }),
  extKeyUsage: (purposes: readonly string[]): RawExtension => ({
    oid: '2.5.29.37',
    value: seq(...purposes.map((p) => oid(EKU[p] ?? p))),
  }),
  nameConstraints: (c: { permitted?: readonly string[]; excluded?: readonly string[] }): RawExtension => {
    const subtrees = (specs: readonly string[]): Uint8Array[] => specs.map((s) => seq(encodeGeneralName(s)));
    const parts: Uint8Array[] = [];
    if (c.permitted) parts.push(implicit(0, subtrees(c.permitted), true));
    if (c.excluded) parts.push(implicit(1, subtrees(c.excluded), true));
    return { oid: '2.5.29.30', critical: true, value: seq(...parts) };
  },
  subjectKeyIdentifier: (id: Uint8Array): RawExtension => ({ oid: '2.5.29.14', value: octets(id) }),
  authorityKeyIdentifier: (id: Uint8Array): RawExtension => ({
    oid: '2.5.29.35',
    value: seq(implicit(0, id)),
  }),
  certificatePolicies: (policies: readonly (string | { oid: string; cps?: string })[]): RawExtension => ({
    oid: '2.5.29.32',
    value: seq(
      ...policies.map((p) => {
        if (typeof p === 'string') return seq(oid(p));
        const q = p.cps === undefined ? [] : [seq(seq(oid('1.3.6.1.5.5.7.2.1'), ia5(p.cps)))];
        return seq(oid(p.oid), ...q);
      }),
    ),
  }),
  policyMappings: (pairs: readonly (readonly [string, string])[]): RawExtension => ({
    oid: '2.5.29.33',
    critical: true,
    value: seq(...pairs.map(([a, b]) => seq(oid(a), oid(b)))),
  }),
  policyConstraints: (c: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number }): RawExtension => {
    const parts: Uint8Array[] = [];
    if (c.requireExplicitPolicy !== undefined)
      parts.push(implicit(0, int(c.requireExplicitPolicy).subarray(2)));
    if (c.inhibitPolicyMapping !== undefined)
      parts.push(implicit(1, int(c.inhibitPolicyMapping).subarray(2)));
    return { oid: '2.5.29.36', critical: true, value: seq(...parts) };
  },
  inhibitAnyPolicy: (skipCerts: number): RawExtension => ({
    oid: '2.5.29.54',
    critical: true,
    value: int(skipCerts),
  }),
  authorityInfoAccess: (aia: { ocsp?: readonly string[]; caIssuers?: readonly string[] }): RawExtension => ({
    oid: '1.3.6.1.5.5.7.1.1',
    value: seq(
      ...(aia.ocsp ?? []).map((u) => seq(oid('1.3.6.1.5.5.7.48.1'), encodeGeneralName(`uri:${u}`))),
      ...(aia.caIssuers ?? []).map((u) => seq(oid('1.3.6.1.5.5.7.48.2'), encodeGeneralName(`uri:${u}`))),
    ),
  }),
  cRLDistributionPoints: (uris: readonly string[]): RawExtension => ({
    oid: '2.5.29.31',
    value: seq(...uris.map((u) => seq(explicit(0, implicit(0, encodeGeneralName(`uri:${u}`), true))))),
  }),
  /** An SCT list with one well-formed v1 SCT per log id (32 bytes each). */
  sctList: (logIds: readonly Uint8Array[]): RawExtension => {
    const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);
    const scts = logIds.map((id) => {
      const sig = new Uint8Array(8).fill(0x5a);
      const body = concat([
        Uint8Array.of(0),
        id,
        new Uint8Array(8),
        u16(0),
        Uint8Array.of(4, 3),
        u16(sig.length),
        sig,
      ]);
      return concat([u16(body.length), body]);
    });
    const list = concat(scts);
    return { oid: '1.3.6.1.4.1.11129.2.4.2', value: tlv(0x04, concat([u16(list.length), list])) };
  },
};
