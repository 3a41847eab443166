/**
 * Near-miss detection for failed hostname matches: when a certificate does not cover a name,
 * find the SAN that *almost* did and say why it did not, as data for the report layer
 * (Go's `HostnameError` names a CN-only certificate; rustls-webpki's `InvalidNameContext`
 * carries expected and presented names).
 */

import { domainToASCII } from 'node:url';
import { parsePresentedName, presentedNameMatches, type ReferenceName } from './dns-name.js';
import type { NameError } from './errors.js';
import type { CertificateIdentities, Reference } from './identities.js';
import { formatIpAddress, type IpAddress, ipEquals, parseIpAddress } from './ip-address.js';
import { isAscii, toLowerCaseAscii } from './labels.js';

/**
 * Why a match failed, when one reason stands out. Kinds, most specific first:
 * - `NoSubjectAltName`: no dNSName or iPAddress SAN at all; the CN is not used by modern
 *   clients (`commonNameWouldMatch` says whether a client that still falls back to the CN,
 *   as RFC 6125 §6.4.4 allowed, would have accepted it).
 * - `IpAddressInDnsName`: an IP reference written as a dNSName SAN (`DNS:192.0.2.1`).
 * - `IpVersionMismatch`: IPv4 vs its IPv4-mapped IPv6 form (`::ffff:192.0.2.1`).
 * - `MalformedSan`: a SAN that would match if it were well-formed (partial wildcard `f*.x.com`,
 *   trailing dot, `*.com`, a U-label); `error` says what clients object to.
 * - `WildcardDoesNotCoverApex`: `*.example.com` against `example.com`.
 * - `WildcardCoversOneLabel`: `*.example.com` against `a.b.example.com` (`labels` = 2).
 * - `NoIpAddressSan` / `NoDnsNameSan`: the certificate has no SAN of the reference's type.
 */
export type MatchHint =
  | {
      readonly kind: 'NoSubjectAltName';
      readonly commonNames: readonly string[];
      readonly commonNameWouldMatch: boolean;
    }
  | { readonly kind: 'IpAddressInDnsName'; readonly presented: string }
  | { readonly kind: 'IpVersionMismatch'; readonly presented: string }
  | { readonly kind: 'MalformedSan'; readonly presented: string; readonly error: NameError }
  | { readonly kind: 'WildcardDoesNotCoverApex'; readonly wildcard: string; readonly reference: string }
  | {
      readonly kind: 'WildcardCoversOneLabel';
      readonly wildcard: string;
      readonly reference: string;
      readonly labels: number;
    }
  | { readonly kind: 'NoIpAddressSan' }
  | { readonly kind: 'NoDnsNameSan' };

/** Finds the most specific {@link MatchHint} for a reference the identities did not match. */
export function findHint(identities: CertificateIdentities, reference: Reference): MatchHint | undefined {
  if (identities.dnsNames.length === 0 && identities.ipAddresses.length === 0) {
    const commonNames = Object.freeze([...(identities.commonNames ?? [])]);
    const commonNameWouldMatch = commonNames.some((cn) => commonNameMatches(cn, reference));
    return Object.freeze({ kind: 'NoSubjectAltName', commonNames, commonNameWouldMatch });
  }
  const hint =
    reference.kind === 'ip' ? findIpHint(identities, reference) : findDnsHint(identities, reference);
  return hint && Object.freeze(hint);
}

// RFC 6125 §6.4.4 (CN fallback), which RFC 9525 withdraws; used only to word the hint.
function commonNameMatches(commonName: string, reference: Reference): boolean {
  if (reference.kind === 'ip') {
    const ip = parseIpAddress(commonName);
    return ip.ok && ipEquals(ip.value, reference);
  }
  const presented = parsePresentedName(commonName);
  return presented.ok && presentedNameMatches(presented.value, reference);
}

function findIpHint(identities: CertificateIdentities, reference: IpAddress): MatchHint | undefined {
  for (const value of identities.dnsNames) {
    const ip = parseIpAddress(value);
    if (ip.ok && ipEquals(ip.value, reference)) return { kind: 'IpAddressInDnsName', presented: value };
  }
  for (const bytes of identities.ipAddresses) {
    if (isMappedPair(bytes, reference.bytes) || isMappedPair(reference.bytes, bytes)) {
      return { kind: 'IpVersionMismatch', presented: formatIpAddress(bytes) };
    }
  }
  return identities.ipAddresses.length === 0 ? { kind: 'NoIpAddressSan' } : undefined;
}

function findDnsHint(identities: CertificateIdentities, reference: ReferenceName): MatchHint | undefined {
  let wildcardHint: MatchHint | undefined;
  for (const value of identities.dnsNames) {
    const presented = parsePresentedName(value);
    if (!presented.ok) {
      if (matchesLeniently(value, reference.name)) {
        return { kind: 'MalformedSan', presented: value, error: presented.error };
      }
      continue;
    }
    const { isWildcard, base } = presented.value;
    if (!isWildcard || wildcardHint?.kind === 'WildcardDoesNotCoverApex') continue;
    if (reference.name === base) {
      wildcardHint = { kind: 'WildcardDoesNotCoverApex', wildcard: value, reference: reference.name };
    } else if (reference.name.endsWith(`.${base}`)) {
      // Keep the nearest wildcard: the one that leaves the fewest labels for its `*`.
      const labels = reference.name.slice(0, -base.length - 1).split('.').length;
      if (wildcardHint?.kind === 'WildcardCoversOneLabel' && wildcardHint.labels <= labels) continue;
      wildcardHint = { kind: 'WildcardCoversOneLabel', wildcard: value, reference: reference.name, labels };
    }
  }
  if (wildcardHint) return wildcardHint;
  return identities.dnsNames.length === 0 ? { kind: 'NoDnsNameSan' } : undefined;
}

/** True when `v4` is 4 octets and `v6` is its IPv4-mapped form `::ffff:v4` (RFC 4291 §2.5.5.2). */
function isMappedPair(v4: Uint8Array, v6: Uint8Array): boolean {
  if (v4.length !== 4 || v6.length !== 16) return false;
  const prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
  return prefix.every((b, i) => v6[i] === b) && v4.every((b, i) => v6[12 + i] === b);
}

/**
 * RFC 6125 §6.4.3's lenient reading, used only to spot near misses: a trailing dot ignored,
 * U-labels converted, and `*` anywhere in a label standing for any run of label characters.
 */
function matchesLeniently(value: string, reference: string): boolean {
  let pattern = toLowerCaseAscii(value);
  if (!isAscii(pattern)) pattern = domainToASCII(pattern);
  if (pattern.endsWith('.')) pattern = pattern.slice(0, -1);
  const patternLabels = pattern.split('.');
  const referenceLabels = reference.split('.');
  if (pattern === '' || patternLabels.length !== referenceLabels.length) return false;
  return patternLabels.every((label, i) => globLabel(label).test(referenceLabels[i] ?? ''));
}

function globLabel(label: string): RegExp {
  const parts = label.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[a-z0-9_-]*')}$`);
}
