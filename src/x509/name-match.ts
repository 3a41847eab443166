/**
 * How two distinguished names are compared (RFC 5280 §7.1): attribute by attribute, string
 * values through the LDAP StringPrep profile (RFC 4518) so that names differing only in case,
 * insignificant whitespace or string type (PrintableString vs UTF8String) are the same name, as
 * OpenSSL (x509_name_canon) and Chrome (verify_name_match) compare them when they chain a
 * certificate to its issuer. Non-string values compare by their DER.
 *
 * NOTE: RFC 4518 folds case with Unicode's full table; Chrome and OpenSSL fold ASCII only, so
 * names differing in the case of a non-ASCII letter chain here and not there. No real pair of
 * issuer and subject names is known to differ that way.
 */

import type { NameAttribute } from './model.js';

// RFC 4518 §2.2: code points mapped to nothing (soft hyphen, joiners, variation selectors,
// object replacement, controls other than the whitespace ones below)
const MAPPED_TO_NOTHING =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: code points listed by number to delete one by one, none meant to combine
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF\uFFFC]/g;
// RFC 4518 §2.2: code points mapped to SPACE, runs of which §2.6.1 makes insignificant
const SPACES = /[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * An attribute value as RFC 4518 prepares it for caseIgnoreMatch: unwanted code points removed,
 * case folded, NFKC, and insignificant spaces dropped (leading, trailing, and runs inside
 * counted as one).
 */
export function prepareValue(value: string): string {
  // the common case: printable ASCII with single spaces
  if (PLAIN_ASCII.test(value)) return value.toLowerCase();
  return value.replace(MAPPED_TO_NOTHING, '').toLowerCase().normalize('NFKC').replace(SPACES, ' ').trim();
}

/** One attribute as a comparison key: its type and its prepared value. */
function attributeKey(a: NameAttribute): string {
  return `${a.oid}=${a.stringType === 'other' ? a.value : prepareValue(a.value)}`;
}

/** An RDN as a comparison key: its attributes' keys as a set (a multi-valued RDN is unordered). */
export function rdnKey(rdn: readonly NameAttribute[]): string {
  if (rdn.length === 1) return attributeKey(rdn[0]!);
  return rdn.map(attributeKey).sort().join('\u0001');
}

/**
 * A whole name as a comparison key: equal keys are the same name under RFC 5280 §7.1. RDN keys
 * are joined by U+0000 and attribute keys by U+0001, which no attribute key holds (preparation
 * deletes both, and a non-string value is hex), so one name's RDNs begin another's exactly when
 * its key, followed by U+0000, begins the other key (directoryName constraints rely on this).
 */
export function nameKey(rdns: readonly (readonly NameAttribute[])[]): string {
  return rdns.map(rdnKey).join('\u0000');
}
