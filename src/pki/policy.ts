/**
 * The three validation policies as plain data (pyca's `Policy`), so a policy can be read, diffed
 * and tested as a table. Each answers one question:
 *
 * - `client` (the default): will TLS clients accept this chain? A chain passes when Chrome
 *   (BoringSSL's verifier) and OpenSSL 3 (behind curl, Node.js, Python and nginx) both accept it,
 *   and fails when either rejects it. The CA/Browser Forum rules that no client checks when it
 *   connects are its `profile`: broken ones are reported as warnings, not failures.
 * - `cabf`: is this a conforming publicly-trusted certificate? The Baseline Requirements' profile
 *   of subscriber and subordinate CA certificates, enforced.
 * - `rfc5280`: RFC 5280 as written: the path validation algorithm of §6 with certificate
 *   policies and CRLs, and the certificate profile of §4 (every MUST on conforming certificates)
 *   as its warnings; a CA certificate may be the leaf and an end entity needs no extKeyUsage;
 *   SHA-1 and 1024-bit RSA are still accepted (RFC 5280 does not forbid them; MD5 and MD2 stay
 *   refused as broken, RFC 6151).
 */

import type { ExtensionPolicy } from './extension-policy.js';
import {
  CABF_EXTENSIONS,
  CLIENT_EXTENSIONS,
  RFC5280_EXTENSIONS,
  RFC5280_PROFILE_EXTENSIONS,
} from './extension-tables.js';
import type { PolicyName } from './types.js';

/** Everything that differs between policies. */
export interface Policy {
  readonly name: PolicyName;
  /** One line for people: what the policy's verdict means. */
  readonly summary: string;
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
  /** Smallest DSA prime p, or undefined when DSA keys are refused. */
  readonly minDsaBits?: number;
  /** A CA certificate (basicConstraints cA) may be the leaf. */
  readonly allowCaAsLeaf: boolean;
  /** anyExtendedKeyUsage in the leaf satisfies any purpose (otherwise it is refused by the EE table). */
  readonly anyEkuSatisfiesPurpose: boolean;
  /** A trust anchor's extKeyUsage, if present, must allow the purpose (EKU chaining). */
  readonly checkAnchorEku: boolean;
  /**
   * A trust anchor must carry basicConstraints cA. RFC 5280 §6.1 takes the anchor as input and
   * checks none of its extensions; Chrome and OpenSSL trust a root in the store without it (a
   * keyUsage without keyCertSign still disqualifies it: OpenSSL does not pick such an issuer).
   */
  readonly anchorNeedsBasicConstraints: boolean;
  /**
   * A leaf keyUsage, when present, must allow a TLS key exchange: digitalSignature,
   * keyEncipherment or keyAgreement (OpenSSL's `ssl_server`/`ssl_client` purposes).
   */
  readonly tlsKeyUsage: boolean;
  /** How a dNSName constraint with a leading dot (`.example.com`) is read. */
  readonly leadingDotDnsConstraint: 'malformed' | 'subdomains';
  /** Every subject CN must repeat a SAN value character for character (CA/B BR §7.1.4.3). */
  readonly commonNameInSan: boolean;
  /** A wildcard directly under an ICANN public suffix (`*.co.uk`) never matches (CA/B BR §3.2.2.6). */
  readonly publicSuffixWildcards: boolean;
  /** Serial numbers positive, non-zero, at most 20 octets (RFC 5280 §4.1.2.2). */
  readonly checkSerial: boolean;
  /** The serial rules apply to trust anchors too. */
  readonly checkAnchorSerial: boolean;
  /** Every certificate must be v3 (CA/B BR §7.1.1). */
  readonly requireV3: boolean;
  readonly extensions: ExtensionPolicy;
  /**
   * Issuance rules the validation itself does not check: after the path validates, each
   * certificate is held against this policy too, and what it breaks is reported as a warning.
   */
  readonly profile?: Policy;
  /** How warnings name this policy when it is another's profile (`the CA/B Forum Baseline Requirements`). */
  readonly profileName: string;
}

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
];

const NIST_CURVES = ['P-256', 'P-384', 'P-521'];

/** The CA/Browser Forum Baseline Requirements profile, enforced. */
export const CABF_POLICY: Policy = Object.freeze({
  name: 'cabf',
  summary: 'the CA/Browser Forum Baseline Requirements: would a public CA issue this chain?',
  maxIntermediates: 8,
  signatureAlgorithms: new Set([...MODERN_ALGORITHMS, 'Ed25519']),
  // CA/B BR §6.1.5
  minRsaBits: 2048,
  rsaBitsMultipleOf8: true,
  // CA/B BR §6.1.5 names P-256, P-384 and P-521
  curves: new Set(NIST_CURVES),
  allowCaAsLeaf: false,
  anyEkuSatisfiesPurpose: false,
  checkAnchorEku: false,
  anchorNeedsBasicConstraints: true,
  tlsKeyUsage: false,
  // NOTE: RFC 5280 defines no leading dot for dNSName constraints; Go, NSS and OpenSSL read
  // `.example.com` as "subdomains only", and constrained web PKI CAs rely on that. rfc5280
  // treats it as malformed (limbo rfc5280::nc::invalid-dnsname-leading-period).
  leadingDotDnsConstraint: 'subdomains',
  commonNameInSan: true,
  publicSuffixWildcards: true,
  checkSerial: true,
  checkAnchorSerial: false,
  requireV3: true,
  extensions: CABF_EXTENSIONS,
  profileName: 'the CA/B Forum Baseline Requirements',
});

/**
 * What Chrome and OpenSSL 3 both accept, with the CA/B profile as warnings. The values below are
 * the stricter of the two where they differ: Chrome (BoringSSL `SimplePathBuilderDelegate`)
 * verifies ECDSA on P-256, P-384 and P-521 only, and no SHA-1, DSA or Ed25519 certificate
 * signatures; OpenSSL at security level 2 (the system default of Debian, Ubuntu and RHEL, so of
 * curl, Python and nginx there) refuses RSA keys under 2048 bits, and refuses leaf key usages
 * that allow no TLS key exchange.
 */
export const CLIENT_POLICY: Policy = Object.freeze({
  name: 'client',
  summary: 'what TLS clients do: would Chrome and OpenSSL 3 (curl, Node.js, Python) both accept this chain?',
  maxIntermediates: 8,
  signatureAlgorithms: new Set(MODERN_ALGORITHMS),
  minRsaBits: 2048,
  rsaBitsMultipleOf8: false,
  curves: new Set(NIST_CURVES),
  // Chrome warns (kTargetCertShouldNotBeCa) and OpenSSL checks only the key usage of a CA leaf
  allowCaAsLeaf: true,
  anyEkuSatisfiesPurpose: false,
  checkAnchorEku: false,
  anchorNeedsBasicConstraints: false,
  tlsKeyUsage: true,
  leadingDotDnsConstraint: 'subdomains',
  commonNameInSan: false,
  // Chrome: a wildcard never matches directly under a registry-controlled (ICANN) suffix
  publicSuffixWildcards: true,
  checkSerial: false,
  checkAnchorSerial: false,
  requireV3: false,
  extensions: CLIENT_EXTENSIONS,
  profile: CABF_POLICY,
  profileName: 'what Chrome and OpenSSL accept',
});

/**
 * RFC 5280's certificate profile (§4): every MUST on conforming certificates, for every
 * certificate of the path including the anchor. Not a policy of its own: it is the `rfc5280`
 * policy's profile, whose breaks are warnings.
 */
const RFC5280_PROFILE: Policy = Object.freeze({
  name: 'rfc5280',
  summary: "RFC 5280's certificate profile (§4)",
  maxIntermediates: 8,
  signatureAlgorithms: new Set([
    ...MODERN_ALGORITHMS,
    'Ed25519',
    'sha1WithRSAEncryption',
    'ecdsa-with-SHA1',
    'Ed448',
    // RFC 5280 §4.1.1.2 points to RFC 3279 and RFC 5758, which define DSA signatures
    'dsa-with-SHA1',
    'dsa-with-SHA256',
  ]),
  minRsaBits: 1024,
  minDsaBits: 1024,
  rsaBitsMultipleOf8: false,
  curves: new Set(NIST_CURVES),
  allowCaAsLeaf: true,
  anyEkuSatisfiesPurpose: true,
  checkAnchorEku: true,
  anchorNeedsBasicConstraints: true,
  tlsKeyUsage: false,
  leadingDotDnsConstraint: 'malformed',
  commonNameInSan: false,
  publicSuffixWildcards: false,
  checkSerial: true,
  checkAnchorSerial: true,
  requireV3: false,
  extensions: RFC5280_PROFILE_EXTENSIONS,
  profileName: "RFC 5280's certificate profile (§4)",
});

/**
 * RFC 5280 §6 path validation as written, with policy processing and CRL semantics: what the
 * standard's algorithm decides (NIST PKITS tests it). What §4 asks of conforming CAs and §6 does
 * not check (extension criticality, key identifiers, serial numbers) is its profile: warnings.
 */
export const RFC5280_POLICY: Policy = Object.freeze({
  ...RFC5280_PROFILE,
  summary:
    "RFC 5280 as written: the standard's path validation (§6), with its certificate profile (§4) as warnings",
  // §6.1 takes the trust anchor as input: its extensions and serial are not checked
  checkAnchorEku: false,
  anchorNeedsBasicConstraints: false,
  checkSerial: false,
  checkAnchorSerial: false,
  // NOTE: RFC 5280 defines no leading dot for dNSName constraints (limbo
  // rfc5280::nc::invalid-dnsname-leading-period)
  leadingDotDnsConstraint: 'malformed',
  extensions: RFC5280_EXTENSIONS,
  profile: RFC5280_PROFILE,
});

/** Every policy, by name. */
export const POLICIES: Readonly<Record<PolicyName, Policy>> = {
  client: CLIENT_POLICY,
  cabf: CABF_POLICY,
  rfc5280: RFC5280_POLICY,
};

/** The policy `verify`, `probe` and `check` use unless told otherwise. */
export const DEFAULT_POLICY: PolicyName = 'client';

/** Returns the policy of a name. */
export function policyFor(name: PolicyName = DEFAULT_POLICY): Policy {
  return POLICIES[name];
}
