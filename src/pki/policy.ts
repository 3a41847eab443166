/**
 * The two validation policies as plain data (pyca's `Policy`), so a policy can be read, diffed and tested as a table:
 *
 * - `webpki` (the default): what browsers and rustls-webpki accept, plus the CA/Browser Forum
 *   Baseline Requirements' profile for subscriber and subordinate CA certificates. Trust anchors
 *   get a relaxed table, because the roots real clients trust (Node's bundled Mozilla store)
 *   predate parts of the BR profile.
 * - `rfc5280`: RFC 5280 as written: every MUST on conforming certificates is enforced, for every
 *   certificate in the path, including the trust anchor; a CA certificate may be the leaf and an
 *   end entity needs no extKeyUsage; SHA-1 and 1024-bit RSA are still accepted (RFC 5280 does
 *   not forbid them; MD5 and MD2 stay refused as broken, RFC 6151).
 */

import type { Certificate } from '../x509/model.js';
import {
  akiHasKeyIdentifier,
  type ExtensionPolicy,
  type ExtensionTable,
  isSelfSigned,
  nameConstraintsNotEmpty,
  noAnyEku,
  noKeyCertSignUnlessCa,
  rootAkiMatchesSki,
  sanCriticalIffSubjectEmpty,
  sanCriticalIfSubjectEmpty,
} from './extension-policy.js';
import type { PolicyName } from './types.js';

/** Everything that differs between policies. */
export interface Policy {
  readonly name: PolicyName;
  /**
   * Most intermediates in a path (self-issued ones not counted, RFC 5280 §6.1.4 (l)). 8 is
   * pyca/cryptography's default: Web PKI chains have at most 2 or 3 intermediates, OpenSSL's
   * 100 is far more than needed, and rustls-webpki's 6 leaves little room for cross-signs.
   */
  readonly maxIntermediates: number;
  /** Signature algorithm names (see `algorithms.ts`) the policy accepts. */
  readonly signatureAlgorithms: ReadonlySet<string>;
  /** Smallest RSA modulus, and whether its size must be a multiple of 8 (CA/B BR §6.1.5). */
  readonly minRsaBits: number;
  readonly rsaBitsMultipleOf8: boolean;
  /** Named curves allowed for EC keys. */
  readonly curves: ReadonlySet<string>;
  /** A CA certificate (basicConstraints cA) may be the leaf. */
  readonly allowCaAsLeaf: boolean;
  /** anyExtendedKeyUsage in the leaf satisfies any purpose (otherwise it is refused by the EE table). */
  readonly anyEkuSatisfiesPurpose: boolean;
  /** A trust anchor's extKeyUsage, if present, must allow the purpose (EKU chaining). */
  readonly checkAnchorEku: boolean;
  /** How a dNSName constraint with a leading dot (`.example.com`) is read. */
  readonly leadingDotDnsConstraint: 'malformed' | 'subdomains';
  /** Every subject CN must repeat a SAN value character for character (CA/B BR §7.1.4.3). */
  readonly commonNameInSan: boolean;
  /** A wildcard directly under an ICANN public suffix (`*.co.uk`) never matches (CA/B BR §3.2.2.6). */
  readonly publicSuffixWildcards: boolean;
  /** Serial numbers positive, non-zero, at most 20 octets (RFC 5280 §4.1.2.2) for anchors too. */
  readonly checkAnchorSerial: boolean;
  /** Every certificate must be v3 (CA/B BR §7.1.1). */
  readonly requireV3: boolean;
  readonly extensions: ExtensionPolicy;
}

const exemptSelfSigned = (cert: Certificate): boolean => isSelfSigned(cert);

const MODERN_ALGORITHMS = [
  'sha256WithRSAEncryption',
  'sha384WithRSAEncryption',
  'sha512WithRSAEncryption',
  'rsassa-pss-sha256',
  'rsassa-pss-sha384',
  'rsassa-pss-sha512',
  'ecdsa-with-SHA256',
  'ecdsa-with-SHA384',
  'ecdsa-with-SHA512',
  'Ed25519',
];

const NIST_CURVES = ['P-256', 'P-384', 'P-521'];

const PREFERRED_NAME_SYNTAX = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i;

// Rows both policies share for intermediates (RFC 5280 §4.2.1.x, CA/B BR §7.1.2.10).
const INTERMEDIATE_COMMON: ExtensionTable = {
  basicConstraints: { presence: 'required', criticality: 'critical', cite: 'RFC 5280 §4.2.1.9' },
  keyUsage: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.3' },
  extKeyUsage: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.12' },
  subjectKeyIdentifier: { presence: 'required', criticality: 'non-critical', cite: 'RFC 5280 §4.2.1.2' },
  authorityKeyIdentifier: {
    presence: 'required',
    criticality: 'non-critical',
    cite: 'RFC 5280 §4.2.1.1',
    exempt: exemptSelfSigned,
    validate: akiHasKeyIdentifier,
  },
  subjectAltName: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.6' },
  issuerAltName: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.7' },
  certificatePolicies: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.4' },
  policyMappings: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.5' },
  // NOTE: certificate policy processing (RFC 5280 §6.1.3 (d)-(f), §6.1.5 (g)) is not done: these
  // three extensions are accepted (critical where RFC 5280 requires it) but requireExplicitPolicy
  // is not enforced. limbo tests only their criticality (rfc5280::pc::ica-noncritical-pc).
  policyConstraints: { presence: 'optional', criticality: 'critical', cite: 'RFC 5280 §4.2.1.11' },
  inhibitAnyPolicy: { presence: 'optional', criticality: 'critical', cite: 'RFC 5280 §4.2.1.14' },
  authorityInfoAccess: { presence: 'optional', criticality: 'non-critical', cite: 'RFC 5280 §4.2.2.1' },
  cRLDistributionPoints: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.13' },
  signedCertificateTimestampList: {
    presence: 'optional',
    criticality: 'non-critical',
    cite: 'RFC 6962 §3.3',
  },
};

// Rows both policies share for end entities.
const END_ENTITY_COMMON: ExtensionTable = {
  ...INTERMEDIATE_COMMON,
  basicConstraints: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.9' },
  keyUsage: {
    presence: 'optional',
    criticality: 'any',
    cite: 'RFC 5280 §4.2.1.3',
    validate: noKeyCertSignUnlessCa,
  },
  subjectKeyIdentifier: { presence: 'optional', criticality: 'non-critical', cite: 'RFC 5280 §4.2.1.2' },
  // RFC 5280 §4.2.1.10: "MUST be used only in a CA certificate"
  nameConstraints: { presence: 'forbidden', criticality: 'any', cite: 'RFC 5280 §4.2.1.10' },
  policyConstraints: undefined,
  inhibitAnyPolicy: undefined,
  policyMappings: undefined,
};

const WEBPKI_EXTENSIONS: ExtensionPolicy = {
  endEntity: {
    ...END_ENTITY_COMMON,
    // CA/B BR §7.1.2.7.6 and §7.1.2.7.10: present, not critical, no anyExtendedKeyUsage
    extKeyUsage: {
      presence: 'required',
      criticality: 'non-critical',
      cite: 'CA/B BR §7.1.2.7.10',
      validate: noAnyEku,
    },
    // CA/B BR §7.1.2.7.12 (and §7.1.4.2: subscriber names live in the SAN)
    subjectAltName: {
      presence: 'required',
      criticality: 'any',
      cite: 'CA/B BR §7.1.2.7.12',
      validate: sanCriticalIffSubjectEmpty,
    },
  },
  intermediate: {
    ...INTERMEDIATE_COMMON,
    // CA/B BR §7.1.2.10.8: "SHOULD be critical, MAY be non-critical" for legacy clients
    nameConstraints: {
      presence: 'optional',
      criticality: 'any',
      cite: 'CA/B BR §7.1.2.10.8',
      validate: nameConstraintsNotEmpty,
    },
  },
  trustAnchor: {
    ...INTERMEDIATE_COMMON,
    // NOTE: the Mozilla roots include one with a non-critical basicConstraints (Chunghwa ePKI
    // Root) and one without subjectKeyIdentifier (TWCA Global Root CA); the BR root profile
    // (§7.1.2.1) came later, so those rows are relaxed for anchors.
    basicConstraints: { presence: 'required', criticality: 'any', cite: 'RFC 5280 §4.2.1.9' },
    subjectKeyIdentifier: { presence: 'optional', criticality: 'non-critical', cite: 'RFC 5280 §4.2.1.2' },
    // NOTE: CA/B BR §7.1.2.1.3 also forbids authorityCertIssuer/SerialNumber in a root's AKI;
    // QuoVadis Root CA 2/3 and Certigna (Mozilla roots) carry them, so only the keyIdentifier
    // is checked (limbo webpki::aki::root-with-aki-authoritycertissuer and friends).
    authorityKeyIdentifier: {
      presence: 'optional',
      criticality: 'non-critical',
      cite: 'CA/B BR §7.1.2.1.3',
      validate: rootAkiMatchesSki,
    },
    // CA/B BR §7.1.2.1.2: a root carries no extKeyUsage
    extKeyUsage: { presence: 'forbidden', criticality: 'any', cite: 'CA/B BR §7.1.2.1.2' },
    nameConstraints: { presence: 'optional', criticality: 'any', cite: 'RFC 5280 §4.2.1.10' },
  },
};

const RFC5280_EXTENSIONS: ExtensionPolicy = {
  endEntity: {
    ...END_ENTITY_COMMON,
    subjectAltName: {
      presence: 'optional',
      criticality: 'any',
      cite: 'RFC 5280 §4.2.1.6',
      validate: (san, cert) => sanCriticalIfSubjectEmpty(san, cert) ?? checkDnsSyntax(san.names),
    },
  },
  intermediate: {
    ...INTERMEDIATE_COMMON,
    nameConstraints: {
      presence: 'optional',
      criticality: 'critical',
      cite: 'RFC 5280 §4.2.1.10',
      validate: nameConstraintsNotEmpty,
    },
  },
  trustAnchor: {
    ...INTERMEDIATE_COMMON,
    nameConstraints: {
      presence: 'optional',
      criticality: 'critical',
      cite: 'RFC 5280 §4.2.1.10',
      validate: nameConstraintsNotEmpty,
    },
  },
};

// RFC 5280 §4.2.1.6: dNSName in the RFC 1034 §3.5 "preferred name syntax" (as modified by RFC
// 1123 §2.1); a leading `*.` label is RFC 6125 §6.4.3's wildcard, not a syntax error.
function checkDnsSyntax(names: readonly { type: string; value?: unknown }[]): string | undefined {
  for (const n of names) {
    if (n.type === 'dNSName' && typeof n.value === 'string' && !PREFERRED_NAME_SYNTAX.test(n.value)) {
      return `dNSName '${n.value}' is not in the preferred name syntax (RFC 5280 §4.2.1.6)`;
    }
  }
  return undefined;
}

/** The web PKI policy (default). */
export const WEBPKI_POLICY: Policy = Object.freeze({
  name: 'webpki',
  maxIntermediates: 8,
  signatureAlgorithms: new Set(MODERN_ALGORITHMS),
  // CA/B BR §6.1.5
  minRsaBits: 2048,
  rsaBitsMultipleOf8: true,
  // CA/B BR §6.1.5 names P-256, P-384 and P-521
  curves: new Set(NIST_CURVES),
  allowCaAsLeaf: false,
  anyEkuSatisfiesPurpose: false,
  checkAnchorEku: false,
  // NOTE: RFC 5280 defines no leading dot for dNSName constraints; Go, NSS and OpenSSL read
  // `.example.com` as "subdomains only", and constrained web PKI CAs rely on that. rfc5280
  // treats it as malformed (limbo rfc5280::nc::invalid-dnsname-leading-period).
  leadingDotDnsConstraint: 'subdomains',
  commonNameInSan: true,
  publicSuffixWildcards: true,
  checkAnchorSerial: false,
  requireV3: true,
  extensions: WEBPKI_EXTENSIONS,
});

/** Plain RFC 5280, strictly. */
export const RFC5280_POLICY: Policy = Object.freeze({
  name: 'rfc5280',
  maxIntermediates: 8,
  signatureAlgorithms: new Set([...MODERN_ALGORITHMS, 'sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'Ed448']),
  minRsaBits: 1024,
  rsaBitsMultipleOf8: false,
  curves: new Set(NIST_CURVES),
  allowCaAsLeaf: true,
  // RFC 5280 §4.2.1.12 lets applications accept anyExtendedKeyUsage for any purpose; OpenSSL does
  anyEkuSatisfiesPurpose: true,
  checkAnchorEku: true,
  leadingDotDnsConstraint: 'malformed',
  commonNameInSan: false,
  publicSuffixWildcards: false,
  checkAnchorSerial: true,
  requireV3: false,
  extensions: RFC5280_EXTENSIONS,
});

/** Returns the policy of a name. */
export function policyFor(name: PolicyName = 'webpki'): Policy {
  return name === 'rfc5280' ? RFC5280_POLICY : WEBPKI_POLICY;
}
