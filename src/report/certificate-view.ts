/**
 * A decoded certificate as people read it: the JSON `details` of `certgate inspect` and the text
 * block above its findings. Presentation only; the model stays in `src/x509/`.
 */

import { daysBetween } from '../findings/time.js';
import type { CertRole } from '../rules/cert/index.js';
import type { Certificate, Extension, GeneralName, PublicKeyInfo } from '../x509/model.js';
import { oidName } from '../x509/oids.js';
import type { Colors } from './colors.js';

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

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexColons = (b: Uint8Array): string => (hex(b).match(/../g) ?? []).join(':').toUpperCase();
const named = (oid: string): string => oidName(oid) ?? oid;

/** A GeneralName as OpenSSL prints it (`DNS:example.com`, `IP Address:192.0.2.1`). */
export function formatGeneralName(n: GeneralName): string {
  switch (n.type) {
    case 'dNSName':
      return `DNS:${n.value}`;
    case 'iPAddress':
      return `IP:${n.value}`;
    case 'rfc822Name':
      return `email:${n.value}`;
    case 'uniformResourceIdentifier':
      return `URI:${n.value}`;
    case 'directoryName':
      return `DirName:${n.value.text}`;
    case 'registeredID':
      return `RID:${n.value}`;
    default:
      return `${n.type}${n.typeId ? `:${n.typeId}` : ''}:<${n.raw.length} bytes>`;
  }
}

/** A one-line description of the key: `RSA 2048 bits (e=65537)`, `EC P-256`, `Ed25519`. */
export function formatPublicKey(key: PublicKeyInfo): string {
  switch (key.type) {
    case 'rsa':
    case 'rsa-pss':
      return `${key.type === 'rsa' ? 'RSA' : 'RSA-PSS'} ${key.modulusBits} bits (e=${key.exponent})`;
    case 'ec':
      return `EC ${key.curve} (${key.keyBits} bits)`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return `unknown key type ${key.algorithm.name}`;
  }
}

const names = (list: readonly GeneralName[]): string => list.map(formatGeneralName).join(', ');

/** A one-line summary of an extension's content. */
export function summarizeExtension(ext: Extension): string {
  switch (ext.kind) {
    case 'subjectAltName':
    case 'issuerAltName':
      return names(ext.names);
    case 'basicConstraints':
      return `CA:${ext.ca ? 'TRUE' : 'FALSE'}${ext.pathLenConstraint !== undefined ? `, pathlen:${ext.pathLenConstraint}` : ''}`;
    case 'keyUsage':
      return ext.usages.join(', ') || '(no bits set)';
    case 'extKeyUsage':
      return ext.purposes.map(named).join(', ');
    case 'nameConstraints': {
      const part = (label: string, s?: readonly { base: GeneralName }[]) =>
        s?.length ? `${label}: ${s.map((t) => formatGeneralName(t.base)).join(', ')}` : '';
      return [part('permitted', ext.permittedSubtrees), part('excluded', ext.excludedSubtrees)]
        .filter(Boolean)
        .join('; ');
    }
    case 'authorityKeyIdentifier':
      return ext.keyIdentifier ? `keyid:${hexColons(ext.keyIdentifier)}` : '(no key identifier)';
    case 'subjectKeyIdentifier':
      return hexColons(ext.keyIdentifier);
    case 'certificatePolicies':
      return ext.policies.map((p) => named(p.policyIdentifier)).join(', ');
    case 'policyMappings':
      return ext.mappings.map((m) => `${m.issuerDomainPolicy} -> ${m.subjectDomainPolicy}`).join(', ');
    case 'policyConstraints':
      return [
        ext.requireExplicitPolicy !== undefined ? `requireExplicitPolicy:${ext.requireExplicitPolicy}` : '',
        ext.inhibitPolicyMapping !== undefined ? `inhibitPolicyMapping:${ext.inhibitPolicyMapping}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'inhibitAnyPolicy':
      return `skipCerts:${ext.skipCerts}`;
    case 'authorityInfoAccess':
      return ext.accessDescriptions
        .map((d) => `${named(d.method)} - ${formatGeneralName(d.location)}`)
        .join(', ');
    case 'cRLDistributionPoints':
      return ext.distributionPoints
        .map((p) => (p.fullName ? names(p.fullName) : '(relative name)'))
        .join(', ');
    case 'signedCertificateTimestampList':
      return `${ext.count} SCT${ext.count === 1 ? '' : 's'}`;
    default:
      return `${ext.value.length} bytes`;
  }
}

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
    subjectAltNames: san ? san.names.map(formatGeneralName) : [],
    publicKey: formatPublicKey(cert.publicKey),
    signatureAlgorithm: cert.signatureAlgorithm.name,
    extensions: cert.extensions.map((ext) => ({
      name: ext.kind === 'unknown' ? named(ext.oid) : ext.kind,
      oid: ext.oid,
      critical: ext.critical,
      summary: summarizeExtension(ext),
      decoded: ext,
    })),
    fingerprints: { sha256: cert.sha256Fingerprint, sha1: cert.sha1Fingerprint },
  };
}

const isoSeconds = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

function daysLeftText(daysLeft: number, c: Colors): string {
  if (daysLeft < 0) return c.red(`expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`);
  const text = `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  return daysLeft <= 30 ? c.yellow(text) : c.green(text);
}

/** The text block of a certificate view, indented under its result header. */
export function renderCertificateText(v: CertificateView, c: Colors): string[] {
  const pad = ' '.repeat(4 + 14);
  const row = (label: string, value: string) => `    ${c.dim(label.padEnd(14))}${value}`;
  const moved = v.fileIndex !== v.index ? c.dim(` (certificate ${v.fileIndex + 1} in the file)`) : '';
  const lines = [
    `  ${c.bold(`#${v.index} ${v.role}`)}${moved}`,
    row('subject', v.subject || '(empty)'),
    row('issuer', v.issuer || '(empty)'),
    row('names', v.subjectAltNames.length ? v.subjectAltNames.join(', ') : c.dim('(no subjectAltName)')),
    row('valid', `${isoSeconds(v.notBefore)} to ${isoSeconds(v.notAfter)} (${daysLeftText(v.daysLeft, c)})`),
    row('key', v.publicKey),
    row('signature', v.signatureAlgorithm),
    row('serial', v.serialNumber),
  ];
  v.extensions.forEach((e, i) => {
    const text = `${e.name}${e.critical ? c.yellow(' (critical)') : ''}: ${e.summary}`;
    lines.push(i === 0 ? row('extensions', text) : `${pad}${text}`);
  });
  lines.push(row('sha256', v.fingerprints.sha256), row('sha1', v.fingerprints.sha1));
  return lines;
}
