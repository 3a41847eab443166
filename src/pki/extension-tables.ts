/**
 * The extension tables of the policies, as data: for each role (end entity, intermediate, trust
 * anchor) a row per extension with its presence, criticality and validator, and the rule it
 * encodes (`cite`). A critical extension without a row is one the policy does not process.
 *
 * - `CLIENT_EXTENSIONS`: what Chrome (BoringSSL's verifier) and OpenSSL 3 both enforce when a
 *   TLS client verifies a chain: very little beyond RFC 5280 §6. Chrome processes only a short
 *   list of extensions when they are marked critical, so the others are refused as critical.
 * - `CABF_EXTENSIONS`: the CA/Browser Forum Baseline Requirements' profile of subscriber,
 *   subordinate CA and root certificates; the anchors of a root program's store (Node's bundled
 *   Mozilla roots, the system store) are relaxed, because roots clients trust predate parts of
 *   the profile and their program accepted them.
 * - `RFC5280_PROFILE_EXTENSIONS`: RFC 5280 §4, every MUST on conforming certificates: the
 *   `rfc5280` policy's profile, reported as warnings.
 * - `RFC5280_EXTENSIONS`: what RFC 5280 §6 path validation itself processes, whatever the
 *   criticality; the rest of §4 is the profile's.
 */

import type { Certificate } from '../x509/model.js';
import {
  akiHasKeyIdentifier,
  type ExtensionPolicy,
  type ExtensionRule,
  type ExtensionTable,
  isSelfSigned,
  nameConstraintsNotEmpty,
  noAnyEku,
  noKeyCertSignUnlessCa,
  rootAkiKeyIdentifierOnly,
  rootAkiMatchesSki,
  sanCriticalIffSubjectEmpty,
  sanCriticalIfSubjectEmpty,
} from './extension-policy.js';

const exemptSelfSigned = (cert: Certificate): boolean => isSelfSigned(cert);

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
  // the policy extensions' contents are processed in certificate-policies.ts; these rows hold
  // only RFC 5280's criticality rules (limbo rfc5280::pc::ica-noncritical-pc)
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

/** The CA/Browser Forum profile (the `cabf` policy; the `client` policy's issuance profile). */
export const CABF_EXTENSIONS: ExtensionPolicy = {
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
  // CA/B BR §7.1.2.1: the root CA profile, for the anchors a caller supplies (`--roots`,
  // NODE_EXTRA_CA_CERTS, a library call): a root of one's own is held to the profile asked for
  // (limbo webpki::aki::root-with-aki-*, rfc5280::ski::root-missing-ski and friends).
  trustAnchor: {
    ...INTERMEDIATE_COMMON,
    // NOTE: optional, as BR §7.1.2.1.2 has it for a root; a CA certificate trusted directly
    // without one is a usable anchor (limbo cve::cve-2024-0567 expects success)
    authorityKeyIdentifier: {
      presence: 'optional',
      criticality: 'non-critical',
      cite: 'CA/B BR §7.1.2.1.3',
      validate: rootAkiKeyIdentifierOnly,
    },
    // CA/B BR §7.1.2.1.2: a root carries no extKeyUsage
    extKeyUsage: { presence: 'forbidden', criticality: 'any', cite: 'CA/B BR §7.1.2.1.2' },
    // NOTE: any criticality, as BR §7.1.2.10.8 allows for CAs (limbo
    // webpki::nc::permitted-dns-match-noncritical expects success)
    nameConstraints: {
      presence: 'optional',
      criticality: 'any',
      cite: 'CA/B BR §7.1.2.10.8',
      validate: nameConstraintsNotEmpty,
    },
  },
  // The anchors of a root program's store: what the program accepted, grandfathered.
  programAnchor: {
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

/**
 * RFC 5280's certificate profile (§4), every MUST on conforming certificates: the `rfc5280`
 * policy's issuance profile, whose breaks are warnings.
 */
export const RFC5280_PROFILE_EXTENSIONS: ExtensionPolicy = {
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

// Chrome consumes these extensions when critical (BoringSSL IsHandledCriticalExtension); marked
// critical, any other extension makes it reject the certificate, so the client policy does too.
const CHROME_NOT_CRITICAL = 'Chrome rejects it marked critical: not processed';
/** A row without a validator, which fits any extension's table entry. */
type PlainRule = Omit<ExtensionRule, 'validate' | 'exempt'>;
const anyCriticality = (cite: string): PlainRule => ({ presence: 'optional', criticality: 'any', cite });
const notCritical = (cite: string): PlainRule => ({
  presence: 'optional',
  criticality: 'non-critical',
  cite: `${cite}; ${CHROME_NOT_CRITICAL}`,
});

// Rows every role shares under the client policy: optional, critical only where Chrome handles it.
const CLIENT_COMMON: ExtensionTable = {
  basicConstraints: anyCriticality('RFC 5280 §4.2.1.9'),
  keyUsage: anyCriticality('RFC 5280 §4.2.1.3'),
  extKeyUsage: anyCriticality('RFC 5280 §4.2.1.12'),
  subjectAltName: anyCriticality('RFC 5280 §4.2.1.6'),
  certificatePolicies: anyCriticality('RFC 5280 §4.2.1.4'),
  policyMappings: anyCriticality('RFC 5280 §4.2.1.5'),
  policyConstraints: anyCriticality('RFC 5280 §4.2.1.11'),
  inhibitAnyPolicy: anyCriticality('RFC 5280 §4.2.1.14'),
  // Chrome rejects empty name constraints (RFC 5280 §4.2.1.10 MUST), wherever they appear
  nameConstraints: { ...anyCriticality('RFC 5280 §4.2.1.10'), validate: nameConstraintsNotEmpty },
  subjectKeyIdentifier: notCritical('RFC 5280 §4.2.1.2'),
  authorityKeyIdentifier: notCritical('RFC 5280 §4.2.1.1'),
  issuerAltName: notCritical('RFC 5280 §4.2.1.7'),
  authorityInfoAccess: notCritical('RFC 5280 §4.2.2.1'),
  cRLDistributionPoints: notCritical('RFC 5280 §4.2.1.13'),
  signedCertificateTimestampList: notCritical('RFC 6962 §3.3'),
};

/** What TLS clients enforce (the `client` policy); CA-ness and purposes are checked in `validate.ts`. */
export const CLIENT_EXTENSIONS: ExtensionPolicy = {
  endEntity: CLIENT_COMMON,
  intermediate: CLIENT_COMMON,
  trustAnchor: CLIENT_COMMON,
};

// Every extension certgate decodes, processable whether or not it is critical: RFC 5280 §6
// validation checks an extension's content where the path depends on it (basicConstraints,
// keyUsage, name constraints, policies), not how the CA marked it (that is §4, the profile).
const RFC5280_VALIDATION: ExtensionTable = {
  basicConstraints: anyCriticality('RFC 5280 §6.1.4 (k)'),
  keyUsage: anyCriticality('RFC 5280 §6.1.4 (n)'),
  extKeyUsage: anyCriticality('RFC 5280 §4.2.1.12'),
  subjectAltName: anyCriticality('RFC 5280 §6.1.3 (b)'),
  issuerAltName: anyCriticality('RFC 5280 §4.2.1.7'),
  nameConstraints: anyCriticality('RFC 5280 §6.1.4 (g)'),
  certificatePolicies: anyCriticality('RFC 5280 §6.1.3 (d)'),
  policyMappings: anyCriticality('RFC 5280 §6.1.4 (a)'),
  policyConstraints: anyCriticality('RFC 5280 §6.1.4 (i)'),
  inhibitAnyPolicy: anyCriticality('RFC 5280 §6.1.4 (j)'),
  subjectKeyIdentifier: anyCriticality('RFC 5280 §4.2.1.2'),
  authorityKeyIdentifier: anyCriticality('RFC 5280 §4.2.1.1'),
  authorityInfoAccess: anyCriticality('RFC 5280 §4.2.2.1'),
  cRLDistributionPoints: anyCriticality('RFC 5280 §4.2.1.13'),
  signedCertificateTimestampList: anyCriticality('RFC 6962 §3.3'),
};

/** RFC 5280 §6 path validation (the `rfc5280` policy): content checked, criticality as the CA chose. */
export const RFC5280_EXTENSIONS: ExtensionPolicy = {
  endEntity: RFC5280_VALIDATION,
  intermediate: RFC5280_VALIDATION,
  trustAnchor: RFC5280_VALIDATION,
};
