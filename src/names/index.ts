/**
 * The names layer: parsing DNS names and IP addresses, web-PKI hostname matching
 * (RFC 6125 §6.4 / RFC 9525 §6.3) and CloudFront alias coverage (rulebook §2).
 * Every parser returns an `Outcome` and never throws on bad input.
 *
 * @packageDocumentation
 */

/** Alias syntax, lower-case check, and the O(labels) SAN index for CloudFront coverage. */
export {
  type AliasCoverage,
  buildSanIndex,
  type CoverageMiss,
  checkAliasSyntax,
  isLowerCase,
  type SanIndex,
  type SanIndexOptions,
} from './alias-coverage.js';
/** Reference names (what a client asks for) and presented names (dNSName SANs). */
export {
  type PresentedName,
  parsePresentedName,
  parseReferenceName,
  presentedNameMatches,
  type ReferenceName,
} from './dns-name.js';
/** The error every names parser returns, with a stable `kind` and a lower-case `reason`. */
export type { NameError, NameErrorKind } from './errors.js';
/** Hostname verification against a certificate's SANs, with near-miss hints. */
export { type HostnameMatch, type MatchHint, matchHostname, parseReference } from './hostname.js';
/** What a certificate presents and what a client connects to. */
export type { CertificateIdentities, Reference } from './identities.js';
/** IP address parsing, canonical formatting and byte-wise comparison. */
export {
  formatIpAddress,
  type IpAddress,
  ipAddressFromBytes,
  ipEquals,
  parseIpAddress,
} from './ip-address.js';
/** ASCII-only case folding (RFC 6125 §6.4.1) and the RFC 1035 length limits. */
export { MAX_LABEL_OCTETS, MAX_NAME_OCTETS, toLowerCaseAscii } from './labels.js';
