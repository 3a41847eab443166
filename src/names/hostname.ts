/**
 * Web-PKI hostname verification: does a certificate's subjectAltName cover the name or address
 * a client connects to? Follows RFC 6125 §6.4 as narrowed by RFC 9525 §6.3 and the CA/B Forum
 * Baseline Requirements, which is what browsers, Go crypto/x509 and rustls-webpki do:
 *
 * - only dNSName and iPAddress SANs count; the subject CN is never consulted (RFC 9525 has no
 *   CN-ID; Chrome 58 and Go 1.15 dropped the CN fallback);
 * - a DNS reference is compared with dNSNames only, an IP reference with iPAddresses only;
 * - `*` is honoured only as the whole leftmost label and stands for exactly one label;
 * - DNS comparison is ASCII case-insensitive, on A-labels;
 * - a malformed presented name never matches.
 *
 * The input is plain SAN values, not the X.509 model, so this module stays independent of it.
 * A failed match explains itself with the SANs it saw and, where one stands out, a near miss.
 */

import type { Outcome } from '../types.js';
import {
  parsePresentedName,
  parseReferenceName,
  presentedNameMatches,
  type ReferenceName,
} from './dns-name.js';
import type { NameError } from './errors.js';
import { findHint, type MatchHint } from './hostname-hints.js';
import type { CertificateIdentities, Reference } from './identities.js';
import { formatIpAddress, type IpAddress, ipEquals, parseIpAddress } from './ip-address.js';

export type { MatchHint } from './hostname-hints.js';

/**
 * The outcome of {@link matchHostname}. On success `by` is the SAN that matched, as the
 * certificate spells it (IP SANs in canonical text). On failure it lists the reference, every
 * dNSName and iPAddress SAN as text, and optionally the nearest miss as data.
 */
export type HostnameMatch =
  | { readonly matched: true; readonly by: string }
  | {
      readonly matched: false;
      readonly reference: string;
      readonly presented: readonly string[];
      readonly hint?: MatchHint;
    };

/**
 * Checks whether a certificate's SANs cover a reference identity the way web-PKI TLS clients
 * do, and explains a failure.
 *
 * @example
 * const ref = parseReferenceName('a.b.example.com');
 * if (ref.ok) matchHostname({ dnsNames: ['*.example.com'], ipAddresses: [] }, ref.value);
 * // → { matched: false, ..., hint: { kind: 'WildcardCoversOneLabel', labels: 2, ... } }
 */
export function matchHostname(identities: CertificateIdentities, reference: Reference): HostnameMatch {
  const by =
    reference.kind === 'ip'
      ? findIpMatch(identities.ipAddresses, reference)
      : findDnsMatch(identities.dnsNames, reference);
  if (by !== undefined) return Object.freeze({ matched: true as const, by });
  const presented = Object.freeze([...identities.dnsNames, ...identities.ipAddresses.map(formatIpAddress)]);
  const referenceText = reference.kind === 'ip' ? reference.text : reference.name;
  const hint = findHint(identities, reference);
  return Object.freeze({
    matched: false as const,
    reference: referenceText,
    presented,
    ...(hint ? { hint } : {}),
  });
}

/**
 * Parses a reference identity that may be either an IP literal or a hostname (for `host:port`
 * targets): IP syntax wins, otherwise it must be a valid reference name.
 */
export function parseReference(text: string): Outcome<Reference, NameError> {
  const ip = parseIpAddress(text);
  if (ip.ok) return ip;
  const name = parseReferenceName(text);
  // For text that looks like an address, the IP parser's reason (`leading zero`, `zone id`) is
  // more useful than "use --ip".
  if (!name.ok && name.error.kind === 'IpAddressLiteral' && ip.error.kind !== 'InvalidIpAddress') return ip;
  return name;
}

function findDnsMatch(dnsNames: readonly string[], reference: ReferenceName): string | undefined {
  for (const value of dnsNames) {
    const presented = parsePresentedName(value);
    if (presented.ok && presentedNameMatches(presented.value, reference)) return value;
  }
  return undefined;
}

function findIpMatch(addresses: readonly Uint8Array[], reference: IpAddress): string | undefined {
  // RFC 5280 §4.2.1.6: 4 octets for IPv4, 16 for IPv6; compared as octet strings.
  for (const bytes of addresses) if (ipEquals(bytes, reference)) return formatIpAddress(bytes);
  return undefined;
}
