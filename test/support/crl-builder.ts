/**
 * A CRL builder for tests (RFC 5280 §5): signs a CertificateList with an issuer the certificate
 * factory made, with any revoked serials and the extensions a test needs.
 *
 * @example
 * ```ts
 * const crl = createCrl({ issuer: intermediate, revoked: [{ serial: leafSerial }] });
 * ```
 */

import { sign } from 'node:crypto';
import type { IssuedCertificate } from './cert-factory.js';
import { bits, bool, explicit, int, nul, octets, oid, seq, time, tlv } from './der-writer.js';

/** What to put in a CRL. Defaults: thisUpdate 2024-01-01, nextUpdate 2034-01-01, cRLNumber 1. */
export interface CrlOptions {
  issuer: IssuedCertificate;
  /** Serials as numbers/bigints, or raw INTEGER content octets; reasonCode as a number. */
  revoked?: readonly {
    serial: number | bigint | Uint8Array;
    date?: Date;
    reason?: number;
    /** Raw entry extensions after reasonCode (certificateIssuer for an indirect CRL). */
    extensions?: readonly { oid: string; critical?: boolean; value: Uint8Array }[];
  }[];
  thisUpdate?: Date;
  /** `null` leaves nextUpdate out. */
  nextUpdate?: Date | null;
  /** `null` leaves cRLNumber out; `critical` marks it critical. */
  crlNumber?: number | null;
  crlNumberCritical?: boolean;
  /** Add an authorityKeyIdentifier with the issuer's key id (default true when it has one). */
  authorityKeyId?: boolean;
  /** Extra raw extensions: `{ oid, critical, value }`. */
  extensions?: readonly { oid: string; critical?: boolean; value: Uint8Array }[];
}

function extension(o: { oid: string; critical?: boolean; value: Uint8Array }): Uint8Array {
  return seq(oid(o.oid), ...(o.critical ? [bool(true)] : []), octets(o.value));
}

/** Builds and signs a DER CRL. */
export function createCrl(o: CrlOptions): Uint8Array {
  const exts: Uint8Array[] = [];
  if (o.authorityKeyId !== false && o.issuer.keyId) {
    exts.push(extension({ oid: '2.5.29.35', value: seq(tlv(0x80, o.issuer.keyId)) }));
  }
  if (o.crlNumber !== null) {
    exts.push(
      extension({ oid: '2.5.29.20', critical: o.crlNumberCritical ?? false, value: int(o.crlNumber ?? 1) }),
    );
  }
  for (const e of o.extensions ?? []) exts.push(extension(e));
  const entries = (o.revoked ?? []).map((r) => {
    const entryExtensions = [
      ...(r.reason === undefined
        ? []
        : [extension({ oid: '2.5.29.21', value: tlv(0x0a, Uint8Array.of(r.reason)) })]),
      ...(r.extensions ?? []).map(extension),
    ];
    return seq(
      int(r.serial),
      time(r.date ?? new Date('2024-06-01T00:00:00Z')),
      ...(entryExtensions.length > 0 ? [seq(...entryExtensions)] : []),
    );
  });
  const { algorithm, digest } = algorithmFor(o.issuer);
  const tbs = seq(
    int(1),
    algorithm,
    o.issuer.subjectName,
    time(o.thisUpdate ?? new Date('2024-01-01T00:00:00Z')),
    ...(o.nextUpdate === null ? [] : [time(o.nextUpdate ?? new Date('2034-01-01T00:00:00Z'))]),
    ...(entries.length > 0 ? [seq(...entries)] : []),
    ...(exts.length > 0 ? [explicit(0, seq(...exts))] : []),
  );
  const signature = new Uint8Array(sign(digest, tbs, o.issuer.keyPair.privateKey));
  return seq(tbs, algorithm, bits(signature));
}

function algorithmFor(issuer: IssuedCertificate): { algorithm: Uint8Array; digest: string | null } {
  switch (issuer.keyPair.type) {
    case 'rsa2048':
      return { algorithm: seq(oid('1.2.840.113549.1.1.11'), nul()), digest: 'sha256' };
    case 'p384':
      return { algorithm: seq(oid('1.2.840.10045.4.3.3')), digest: 'sha384' };
    case 'ed25519':
      return { algorithm: seq(oid('1.3.101.112')), digest: null };
    default:
      return { algorithm: seq(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
  }
}

/** The serial a factory certificate got, as raw content octets (for `revoked`). */
export function serialOf(der: Uint8Array): Uint8Array {
  // Certificate → tbsCertificate → [0] version → serialNumber: walk the first few TLVs
  const headerLength = (at: number): number => (der[at + 1]! & 0x80 ? 2 + (der[at + 1]! & 0x7f) : 2);
  let p = headerLength(0);
  p += headerLength(p);
  if (der[p] === 0xa0) p += headerLength(p) + der[p + 1]!;
  const len = der[p + 1]!;
  return der.subarray(p + 2, p + 2 + len);
}
