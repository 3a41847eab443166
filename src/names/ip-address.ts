/**
 * IP address literals: strict parsing of what a user types after `--ip`, canonical text for
 * reports, and byte-wise comparison against iPAddress SANs (RFC 5280 §4.2.1.6).
 *
 * Strictness: an address that different parsers read differently is rejected with a reason
 * instead of guessed at. `010.0.0.1` is 10.0.0.1 to a decimal parser and 8.0.0.1 to inet_aton;
 * `127.1` and `0x7f.0.0.1` are inet_aton shorthand that no certificate contains.
 */

import type { Outcome } from '../types.js';
import { type NameError, nameError } from './errors.js';

/**
 * A parsed IP address. `bytes` holds 4 (IPv4) or 16 (IPv6) octets in network order, exactly as
 * an iPAddress SAN encodes it; `text` is the canonical form (dotted quad, RFC 5952 for IPv6).
 * The object is frozen; treat `bytes` as read-only too (typed arrays cannot be frozen).
 */
export interface IpAddress {
  readonly kind: 'ip';
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
  readonly text: string;
}

const DECIMAL = /^[0-9]+$/;
const HEX_PART = /^0[xX][0-9a-fA-F]*$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;

/**
 * Parses an IPv4 dotted quad or any RFC 4291 §2.2 IPv6 text form (optionally in brackets) into
 * an {@link IpAddress}. Rejects zone ids, leading zeros in IPv4 parts and inet_aton shorthand,
 * each with a reason.
 */
export function parseIpAddress(text: string): Outcome<IpAddress, NameError> {
  if (text.length === 0) return fail(nameError('InvalidIpAddress', text, 'the address is empty'));
  let bytes: Uint8Array | NameError;
  if (text.startsWith('[') || text.endsWith(']')) {
    // RFC 3986 §3.2.2: brackets delimit an IPv6 literal in a URI authority.
    if (!text.startsWith('[') || !text.endsWith(']')) {
      return fail(nameError('InvalidIpAddress', text, 'the brackets around the address are unbalanced'));
    }
    bytes = parseIpv6(text.slice(1, -1), text);
  } else {
    bytes = text.includes(':') ? parseIpv6(text, text) : parseIpv4(text, text);
  }
  if (!(bytes instanceof Uint8Array)) return fail(bytes);
  return { ok: true, value: makeIpAddress(bytes) };
}

/**
 * Wraps raw iPAddress SAN octets in an {@link IpAddress}. Fails unless there are exactly 4 or 16
 * octets (8 and 32 are name-constraint ranges, RFC 5280 §4.2.1.10, not addresses).
 */
export function ipAddressFromBytes(bytes: Uint8Array): Outcome<IpAddress, NameError> {
  if (bytes.length !== 4 && bytes.length !== 16) {
    const text = formatIpAddress(bytes);
    return fail(nameError('InvalidIpAddress', text, `an ip address has 4 or 16 octets, not ${bytes.length}`));
  }
  return { ok: true, value: makeIpAddress(Uint8Array.from(bytes)) };
}

/**
 * Formats address octets as canonical text: a dotted quad for 4 octets, RFC 5952 for 16. Any
 * other length (a malformed SAN) is shown as `<invalid ip address: HEX>` so it can still be listed.
 */
export function formatIpAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) return formatIpv6(bytes);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `<invalid ip address: ${hex}>`;
}

/**
 * Compares two addresses as octet strings. An IPv4 address never equals its IPv4-mapped IPv6
 * form (`192.0.2.1` vs `::ffff:192.0.2.1`): RFC 5280 §4.2.1.6 encodes the two as 4 and 16
 * octets, a certificate lists them as distinct identities, and TLS clients compare the octets.
 */
export function ipEquals(a: IpAddress | Uint8Array, b: IpAddress | Uint8Array): boolean {
  const x = a instanceof Uint8Array ? a : a.bytes;
  const y = b instanceof Uint8Array ? b : b.bytes;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function makeIpAddress(bytes: Uint8Array): IpAddress {
  return Object.freeze({
    kind: 'ip' as const,
    version: bytes.length === 4 ? (4 as const) : (6 as const),
    bytes,
    text: formatIpAddress(bytes),
  });
}

function fail(error: NameError): Outcome<IpAddress, NameError> {
  return { ok: false, error };
}

function parseIpv4(text: string, input: string): Uint8Array | NameError {
  const parts = text.split('.');
  for (const part of parts) {
    if (HEX_PART.test(part)) {
      return nameError('Ipv4Shorthand', input, `'${part}' is hexadecimal inet_aton shorthand; write decimal`);
    }
    if (!DECIMAL.test(part)) {
      const what = part === '' ? 'an empty part' : `'${part}', which is not a decimal number`;
      return nameError('InvalidIpAddress', input, `the address has ${what}`);
    }
  }
  if (parts.length < 4) {
    return nameError('Ipv4Shorthand', input, 'the address is inet_aton shorthand; write all four parts');
  }
  if (parts.length > 4) return nameError('InvalidIpAddress', input, 'an ipv4 address has four parts');
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (part.length > 1 && part.startsWith('0')) {
      return nameError(
        'Ipv4LeadingZero',
        input,
        `'${part}' has a leading zero, which some parsers read as octal`,
      );
    }
    const value = Number(part);
    if (value > 255) return nameError('InvalidIpAddress', input, `'${part}' is more than 255`);
    bytes[i] = value;
  }
  return bytes;
}

function parseIpv6(text: string, input: string): Uint8Array | NameError {
  // RFC 6874 zone ids name an interface on this host; they have no meaning in a certificate.
  if (text.includes('%')) {
    return nameError(
      'Ipv6ZoneId',
      input,
      'zone ids (%…) name a local interface and are not part of an address',
    );
  }
  if (!IPV6_CHARS.test(text)) {
    return nameError('InvalidIpAddress', input, 'an ipv6 address holds only hex digits, colons and dots');
  }
  // RFC 4291 §2.2 (2): "The '::' can only appear once in an address."
  const first = text.indexOf('::');
  if (first !== -1 && text.indexOf('::', first + 1) !== -1) {
    return nameError('InvalidIpAddress', input, "'::' may appear only once");
  }
  const compressed = first !== -1;
  const head = compressed ? splitGroups(text.slice(0, first)) : text.split(':');
  const tail = compressed ? splitGroups(text.slice(first + 2)) : [];
  if (compressed && head.some((g) => g.includes('.'))) {
    return nameError('InvalidIpAddress', input, 'an embedded ipv4 address must come last');
  }
  const words = parseGroups([...head, ...tail], input);
  if (!Array.isArray(words)) return words;
  // The head holds no embedded IPv4 (checked above), so each of its groups is one word.
  const headCount = compressed ? head.length : words.length;
  if (compressed ? words.length > 7 : words.length !== 8) {
    const why = compressed ? "with '::' it has at most 7 groups" : 'without ::, it has 8 groups';
    return nameError('InvalidIpAddress', input, `an ipv6 address ${why}`);
  }
  const all = [...words.slice(0, headCount), ...new Array<number>(8 - words.length).fill(0)];
  all.push(...words.slice(headCount));
  const bytes = new Uint8Array(16);
  all.forEach((word, i) => {
    bytes[2 * i] = word >> 8;
    bytes[2 * i + 1] = word & 0xff;
  });
  return bytes;
}

function splitGroups(text: string): string[] {
  return text === '' ? [] : text.split(':');
}

/** Parses hex groups into 16-bit words; an embedded IPv4 address may only be the last group. */
function parseGroups(groups: readonly string[], input: string): number[] | NameError {
  const words: number[] = [];
  for (const [i, group] of groups.entries()) {
    // RFC 4291 §2.2 (3): the mixed form puts a dotted quad in the low-order 32 bits only.
    if (group.includes('.')) {
      if (i !== groups.length - 1) {
        return nameError('InvalidIpAddress', input, 'an embedded ipv4 address must come last');
      }
      const v4 = parseIpv4(group, input);
      if (!(v4 instanceof Uint8Array)) return v4;
      words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else if (HEX_GROUP.test(group)) {
      // RFC 4291 §2.2 (1): one to four hex digits; leading zeros may be dropped or kept.
      words.push(Number.parseInt(group, 16));
    } else {
      const why = group === '' ? 'an empty group' : `the group '${group}', which is not 1 to 4 hex digits`;
      return nameError('InvalidIpAddress', input, `the address has ${why}`);
    }
  }
  return words;
}

// RFC 5952 §4: lower-case hex, no leading zeros, the longest run (first on a tie) of two or
// more zero groups compressed to '::'; §5: IPv4-mapped addresses in mixed notation.
function formatIpv6(bytes: Uint8Array): string {
  const words = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  const isMapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  // NOTE: §5 names the prefixes defined when it was written; the NAT64 prefix 64:ff9b::/96
  // (RFC 6052) came later and prints in hex (`64:ff9b::c000:221`), as Go's net/netip does.
  if (isMapped) return `::ffff:${Array.from(bytes.subarray(12)).join('.')}`;
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (bestStart === -1) return hex.join(':');
  const left = hex.slice(0, bestStart).join(':');
  const right = hex.slice(bestStart + bestLength).join(':');
  return `${left}::${right}`;
}
