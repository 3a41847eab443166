/**
 * A decoded certificate as people read it: the JSON `details` of `certgate inspect`, which its
 * text block (`text.ts`) is drawn from. Presentation only; the model stays in `src/x509/`.
 */

import { daysBetween } from '../findings/time.js';
import type { CertRole } from '../x509/chain-order.js';
import { formatGeneralName, formatPublicKey, summarizeExtension } from '../x509/describe.js';
import type { Certificate, Extension } from '../x509/model.js';
import { oidName } from '../x509/oids.js';

/** The JSON shape of one certificate in `inspect` output. */
export interface CertificateView {
  readonly index: number;
  readonly fileIndex: number;
  readonly role: CertRole;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly version: number;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly daysLeft: number;
  readonly subjectAltNames: readonly string[];
  readonly publicKey: string;
  readonly signatureAlgorithm: string;
  readonly extensions: readonly {
    readonly name: string;
    readonly oid: string;
    readonly critical: boolean;
    readonly summary: string;
    readonly decoded: Extension;
  }[];
  readonly fingerprints: { readonly sha256: string; readonly sha1: string };
}

const named = (oid: string): string => oidName(oid) ?? oid;

/** The JSON view of a certificate at validation time `at`. */
export function viewCertificate(
  cert: Certificate,
  place: { index: number; fileIndex: number; role: CertRole },
  at: Date,
): CertificateView {
  const san = cert.extension('subjectAltName');
  return {
    ...place,
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    serialNumber: cert.serialNumber,
    version: cert.version,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    daysLeft: daysBetween(at, cert.notAfter),
    subjectAltNames: san ? san.names.map((n) => formatGeneralName(n, { showRawSize: true })) : [],
    publicKey: formatPublicKey(cert.publicKey),
    signatureAlgorithm: cert.signatureAlgorithm.name,
    extensions: cert.extensions.map((ext) => ({
      name: ext.kind === 'unknown' ? named(ext.oid) : ext.kind === 'malformed' ? ext.name : ext.kind,
      oid: ext.oid,
      critical: ext.critical,
      summary: summarizeExtension(ext),
      decoded: ext,
    })),
    fingerprints: { sha256: cert.sha256Fingerprint, sha1: cert.sha1Fingerprint },
  };
}
