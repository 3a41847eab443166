/**
 * Certificates in words, as OpenSSL prints them: general names (`DNS:example.com`), keys
 * (`RSA 2048 bits (e=65537)`) and a one-line summary of each extension. Every command that shows
 * a certificate (inspect, verify, the path-validation messages) uses these, so they agree.
 */

import type { Extension, GeneralName, PublicKeyInfo } from './model.js';
import { oidName } from './oids.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const hexColons = (b: Uint8Array): string => (hex(b).match(/../g) ?? []).join(':').toUpperCase();
const named = (oid: string): string => oidName(oid) ?? oid;

/**
 * A GeneralName as OpenSSL prints it (`DNS:example.com`, `IP:192.0.2.1`, `DirName:CN=x`). A name
 * form certgate keeps raw prints as its type (with otherName's type-id); `showRawSize` adds the
 * size of its DER, as `inspect` shows it.
 */
export function formatGeneralName(n: GeneralName, options: { readonly showRawSize?: boolean } = {}): string {
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
      return `${n.type}${n.typeId ? `:${n.typeId}` : ''}${options.showRawSize ? `:<${n.raw.length} bytes>` : ''}`;
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
    case 'dsa':
      return key.pBits === undefined ? "DSA (the issuer's parameters)" : `DSA ${key.pBits} bits`;
    default:
      return `unknown key type ${key.algorithm.name}`;
  }
}

const shown = (n: GeneralName): string => formatGeneralName(n, { showRawSize: true });
const names = (list: readonly GeneralName[]): string => list.map(shown).join(', ');

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
        s?.length ? `${label}: ${s.map((t) => shown(t.base)).join(', ')}` : '';
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
      return ext.accessDescriptions.map((d) => `${named(d.method)} - ${shown(d.location)}`).join(', ');
    case 'cRLDistributionPoints':
      return ext.distributionPoints
        .map((p) => (p.fullName ? names(p.fullName) : '(relative name)'))
        .join(', ');
    case 'signedCertificateTimestampList':
      return `${ext.count} SCT${ext.count === 1 ? '' : 's'}`;
    case 'malformed':
      return `does not decode: ${ext.reason}`;
    default:
      return `${ext.value.length} bytes`;
  }
}
