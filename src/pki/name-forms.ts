/**
 * One matcher per GeneralName form for name constraints (RFC 5280 §4.2.1.10). A matcher is made
 * from a subordinate's name and answers, for one constraint base: `true` (the name is inside the
 * subtree; for an excluded subtree, overlaps it), `false`, or a reason the constraint is
 * malformed (which fails closed). A name that is itself malformed yields a reason instead of a
 * matcher: it cannot be shown to lie inside any subtree.
 */

import { parsePresentedName, parseReferenceName } from '../names/index.js';
import type { DistinguishedName, GeneralName } from '../x509/model.js';
import type { Policy } from './policy.js';

/** Compares one constraint base with the name the matcher was made for. */
export type Matcher = (base: GeneralName, use: 'permitted' | 'excluded') => boolean | string;

/** A DNS subtree: `apex` and every name below it; `includeApex` false for `.example.com`. */
interface DnsSubtree {
  readonly apex: string;
  readonly includeApex: boolean;
}

/** Bytes of compared text that count as one more unit of name-constraint work. */
const BYTES_PER_UNIT = 64;

/**
 * The work of comparing a name with one constraint base (or of preparing a subordinate's name),
 * in budget units: one, plus one per attribute of a directoryName (each is compared) and one per
 * BYTES_PER_UNIT bytes of the name (strings are parsed and compared whole).
 */
export function comparisonCost(name: GeneralName): number {
  switch (name.type) {
    case 'directoryName': {
      let attributes = 0;
      for (const rdn of name.value.rdns) attributes += rdn.length;
      return 1 + attributes + Math.floor(name.value.der.length / BYTES_PER_UNIT);
    }
    case 'dNSName':
    case 'rfc822Name':
    case 'uniformResourceIdentifier':
    case 'registeredID':
      return 1 + Math.floor(name.value.length / BYTES_PER_UNIT);
    case 'iPAddress':
      return 1;
    default:
      return 1 + Math.floor(name.raw.length / BYTES_PER_UNIT);
  }
}

/** Returns the matcher for a name, or why the name cannot be judged. */
export function matcherFor(name: GeneralName, policy: Policy): Matcher | string {
  switch (name.type) {
    case 'dNSName':
      return dnsMatcher(name.value, policy);
    case 'iPAddress':
      return ipMatcher(name.bytes);
    case 'rfc822Name':
      return emailMatcher(name.value);
    case 'uniformResourceIdentifier':
      return uriMatcher(name.value);
    case 'directoryName':
      return dnMatcher(name.value);
    default:
      // RFC 5280 §4.2.1.10: a constrained name form certgate does not process → reject
      return `certgate cannot process ${name.type} constraints`;
  }
}

// --- dNSName: "any DNS name that can be constructed by simply adding zero or more labels to the
// left-hand side of the name satisfies the name constraint"

function dnsMatcher(value: string, policy: Policy): Matcher | string {
  const parsed = parsePresentedName(value);
  if (!parsed.ok) return `the name is malformed: ${parsed.error.reason}`;
  const { isWildcard, base, name } = parsed.value;
  return (constraint, use) => {
    if (constraint.type !== 'dNSName') return false;
    const subtree = parseDnsConstraint(constraint.value, policy);
    if (typeof subtree === 'string') return subtree;
    if (!isWildcard) return inDnsSubtree(name, subtree);
    // rustls-webpki: a wildcard SAN is the set of names it matches (one label over `base`).
    // Every one is inside the subtree exactly when `base` is at or under the apex; for an
    // excluded subtree any overlap counts, which adds an apex exactly one label below `base`
    // (`*.example.com` vs `bar.example.com`, CVE-2025-61727).
    if (base === subtree.apex || inDnsSubtree(base, { apex: subtree.apex, includeApex: false })) return true;
    return use === 'excluded' && subtree.includeApex && isOneLabelBelow(subtree.apex, base);
  };
}

function parseDnsConstraint(value: string, policy: Policy): DnsSubtree | string {
  // An empty constraint is the whole namespace (Go, NSS)
  if (value === '') return { apex: '', includeApex: true };
  let text = value;
  let includeApex = true;
  if (text.startsWith('.')) {
    if (policy.leadingDotDnsConstraint === 'malformed') return 'a dNSName constraint has no leading dot';
    text = text.slice(1);
    includeApex = false;
  }
  if (text.includes('*')) return 'a dNSName constraint cannot hold a wildcard';
  const parsed = parseReferenceName(text);
  if (!parsed.ok || parsed.value.name !== text.toLowerCase()) return 'the constraint is not a valid dns name';
  return { apex: parsed.value.name, includeApex };
}

function inDnsSubtree(name: string, subtree: DnsSubtree): boolean {
  if (subtree.apex === '') return true;
  if (name === subtree.apex) return subtree.includeApex;
  return name.endsWith(`.${subtree.apex}`);
}

function isOneLabelBelow(name: string, parent: string): boolean {
  if (!name.endsWith(`.${parent}`)) return false;
  return !name.slice(0, name.length - parent.length - 1).includes('.');
}

// --- iPAddress: a constraint is an address and a mask, 8 octets for IPv4, 32 for IPv6

function ipMatcher(address: Uint8Array): Matcher {
  return (constraint) => {
    if (constraint.type !== 'iPAddress') return false;
    const bytes = constraint.bytes;
    const size = bytes.length / 2;
    if (!isContiguousMask(bytes.subarray(size))) return 'the mask is not a cidr prefix';
    // an IPv4 address is never inside an IPv6 range and vice versa
    if (size !== address.length) return false;
    for (let i = 0; i < size; i++) {
      const mask = bytes[size + i]!;
      if ((address[i]! & mask) !== (bytes[i]! & mask)) return false;
    }
    return true;
  };
}

function isContiguousMask(mask: Uint8Array): boolean {
  let zeros = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (byte >> bit) & 1;
      if (set && zeros) return false;
      if (!set) zeros = true;
    }
  }
  return true;
}

// --- rfc822Name: a mailbox (`user@host`), a host (`host`) or a domain (`.host`); every
// character is literal (an `*` is not a wildcard)

function parseMailbox(value: string): { local: string; domain: string } | undefined {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return undefined;
  const domain = value.slice(at + 1);
  const parsed = parseReferenceName(domain);
  return parsed.ok ? { local: value.slice(0, at), domain: parsed.value.name } : undefined;
}

function emailMatcher(value: string): Matcher | string {
  const mailbox = parseMailbox(value);
  if (mailbox === undefined) return 'the address is malformed';
  return (constraint) => {
    if (constraint.type !== 'rfc822Name') return false;
    const text = constraint.value;
    if (text.includes('@')) {
      const wanted = parseMailbox(text);
      if (wanted === undefined) return 'the constraint is not a valid mailbox';
      return wanted.local === mailbox.local && wanted.domain === mailbox.domain;
    }
    const subtree = text.startsWith('.') ? text.slice(1) : text;
    const parsed = parseReferenceName(subtree);
    if (!parsed.ok) return 'the constraint is not a valid host or domain';
    return text.startsWith('.')
      ? mailbox.domain.endsWith(`.${parsed.value.name}`)
      : mailbox.domain === parsed.value.name;
  };
}

// --- uniformResourceIdentifier: constraints name the host (`host` exactly, `.host` below it)

const URI_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

function uriHost(value: string): string | undefined {
  const authority = URI_AUTHORITY.exec(value)?.[1];
  if (authority === undefined) return undefined;
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  const parsed = parseReferenceName(host);
  return parsed.ok ? parsed.value.name : undefined;
}

function uriMatcher(value: string): Matcher | string {
  // RFC 5280 §4.2.1.10: the constraint applies to the host part; a URI without a host name
  // (a URN, an IP literal) cannot be shown to lie inside it.
  const host = uriHost(value);
  if (host === undefined) return 'the uri has no host name';
  return (constraint) => {
    if (constraint.type !== 'uniformResourceIdentifier') return false;
    const text = constraint.value;
    const parsed = parseReferenceName(text.startsWith('.') ? text.slice(1) : text);
    if (!parsed.ok) return 'the constraint is not a valid host or domain';
    return text.startsWith('.') ? host.endsWith(`.${parsed.value.name}`) : host === parsed.value.name;
  };
}

// --- directoryName: the constraint's RDNs are a prefix of the name's (RFC 5280 §7.1)

/**
 * The largest Name that directoryName constraints compare: RDNs, attributes in one RDN, DER bytes.
 * Real names have a handful of RDNs of one attribute (a few of two or three) in well under 1 KiB;
 * these leave ample room and keep one comparison small. A larger name or constraint base is not
 * compared: it fails closed, with the reason, as a malformed one does.
 */
export const MAX_CONSTRAINED_NAME_RDNS = 64;
export const MAX_CONSTRAINED_RDN_ATTRIBUTES = 16;
export const MAX_CONSTRAINED_NAME_BYTES = 16_384;

/** Why `dn` is too large to compare, or undefined. */
function tooLarge(dn: DistinguishedName): string | undefined {
  let widest = 0;
  for (const rdn of dn.rdns) widest = Math.max(widest, rdn.length);
  if (widest > MAX_CONSTRAINED_RDN_ATTRIBUTES)
    return `has ${widest} attributes in one RDN, more than the ${MAX_CONSTRAINED_RDN_ATTRIBUTES} certgate compares`;
  if (dn.rdns.length > MAX_CONSTRAINED_NAME_RDNS)
    return `has ${dn.rdns.length} RDNs, more than the ${MAX_CONSTRAINED_NAME_RDNS} certgate compares`;
  if (dn.der.length > MAX_CONSTRAINED_NAME_BYTES)
    return `is ${dn.der.length} bytes long, more than the ${MAX_CONSTRAINED_NAME_BYTES} certgate compares`;
  return undefined;
}

function dnMatcher(name: DistinguishedName): Matcher | string {
  const problem = tooLarge(name);
  if (problem) return `the name ${problem}`;
  return (constraint) => {
    if (constraint.type !== 'directoryName') return false;
    const baseProblem = tooLarge(constraint.value);
    return baseProblem ? `the constraint ${baseProblem}` : dnWithin(name, constraint.value);
  };
}

// RFC 5280 §7.1 / RFC 4518: RDNs compare as sets of prepared attribute values. A name's key is
// its RDNs' keys (each one sorted once, a multi-valued RDN being a set) joined by U+0000, which no
// RDN key holds; so the constraint's RDNs are a prefix of the name's exactly when its key is a
// prefix of the name's key ending at a separator: one linear comparison of cached keys.
function dnWithin(name: DistinguishedName, constraint: DistinguishedName): boolean {
  const count = constraint.rdns.length;
  if (count > name.rdns.length) return false;
  if (count === 0) return true;
  const key = constraint.key;
  if (count === name.rdns.length) return name.key === key;
  return name.key.charCodeAt(key.length) === 0 && name.key.startsWith(key);
}
