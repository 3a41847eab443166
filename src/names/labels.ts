/**
 * Label-level syntax shared by reference names, presented names and CloudFront aliases, so the
 * three can never disagree about what a hostname is.
 *
 * Underscores: RFC 5280 §4.2.1.6 asks for the RFC 1034 "preferred name syntax" (letters, digits,
 * hyphen) and the CA/Browser Forum Baseline Requirements have forbidden `_` in dNSName SANs since
 * 2019-04-30 (ballot SC12). TLS clients nevertheless accept `_` when matching (Go crypto/x509,
 * NSS and rustls-webpki: https://bugzilla.mozilla.org/show_bug.cgi?id=1136616; Chromium's host
 * canonicaliser keeps it). certgate answers "would a client accept this?", so it accepts `_` in
 * every label; a rule that wants to flag BR-violating SANs can test `name.includes('_')`.
 */

import { domainToASCII } from 'node:url';
import { type NameError, nameError } from './errors.js';

/** The longest name in octets, without the trailing dot (RFC 1035 §2.3.4: 255 on the wire). */
export const MAX_NAME_OCTETS = 253;

/** The longest label in octets (RFC 1035 §2.3.4). */
export const MAX_LABEL_OCTETS = 63;

const LABEL_CHAR = /^[a-z0-9_-]+$/;
const ALL_DIGITS = /^[0-9]+$/;
const FIRST_BAD_CHAR = /[^a-z0-9_-]/;

/**
 * Whether every check of {@link checkLabels} passes, in one pass over the characters: labels of
 * 1–63 lower-case letters, digits, `_` or `-` with no hyphen at an edge, and a last label that is
 * not all digits. Such a name is also ASCII, lower case, without a trailing dot or a `*`, and at
 * most 253 long. The gate checks some 150,000 aliases and SANs a run; nearly all are like this,
 * and only the others take the step-by-step path that says what is wrong.
 */
export function isPlainName(name: string): boolean {
  const n = name.length;
  if (n === 0 || n > MAX_NAME_OCTETS) return false;
  let start = 0;
  let allDigits = true;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? DOT : name.charCodeAt(i);
    if (c === DOT) {
      const length = i - start;
      if (length === 0 || length > MAX_LABEL_OCTETS) return false;
      if (name.charCodeAt(start) === HYPHEN || name.charCodeAt(i - 1) === HYPHEN) return false;
      if (i === n && allDigits) return false;
      start = i + 1;
      allDigits = true;
    } else if (c >= 0x30 && c <= 0x39) {
      // a digit: the label may still be all digits
    } else if ((c >= 0x61 && c <= 0x7a) || c === UNDERSCORE || c === HYPHEN) {
      allDigits = false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The base of a `*.` + plain name (see {@link isPlainName}) within the length limit, whatever
 * the number of its labels; undefined for any other name.
 */
export function plainWildcardBase(name: string): string | undefined {
  if (name.length > MAX_NAME_OCTETS || name.charCodeAt(0) !== ASTERISK || name.charCodeAt(1) !== DOT)
    return undefined;
  const base = name.slice(2);
  return isPlainName(base) ? base : undefined;
}

const DOT = 0x2e;
const ASTERISK = 0x2a;
const HYPHEN = 0x2d;
const UNDERSCORE = 0x5f;

// Module constants, not literals in the functions: a regex literal makes a new RegExp object each
// time it is evaluated, and these run several times for each of some 100,000 names a gate run reads.
const UPPER_CASE = /[A-Z]/;
const UPPER_CASE_RUNS = /[A-Z]+/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lower-cases ASCII letters only, leaving every other code point alone (RFC 6125 §6.4.1). */
export function toLowerCaseAscii(text: string): string {
  // Fast path: most names are already lower case, and this avoids an allocation.
  if (!UPPER_CASE.test(text)) return text;
  return text.replace(UPPER_CASE_RUNS, (run) => run.toLowerCase());
}

/** Reports whether `text` has an upper-case ASCII letter. */
export function hasUpperCaseAscii(text: string): boolean {
  return UPPER_CASE.test(text);
}

/** Reports whether every character of `text` is 7-bit ASCII. */
export function isAscii(text: string): boolean {
  return ASCII_ONLY.test(text);
}

/**
 * Checks the label syntax of a lower-case ASCII name that has no trailing dot and no wildcard:
 * length limits, no empty labels, letters/digits/hyphen/underscore, no hyphen at a label's edge,
 * and a top-level label that is not all digits. Returns the first problem, or `undefined`.
 */
export function checkLabels(name: string, input: string): NameError | undefined {
  if (isPlainName(name)) return undefined;
  if (name.length === 0) return nameError('Empty', input, 'the name is empty');
  const tooLong = checkNameLength(name, input);
  if (tooLong) return tooLong;
  const labels = name.split('.');
  for (const label of labels) {
    const problem = checkLabel(label, input);
    if (problem) return problem;
  }
  // A name whose last label is all digits is read as an IPv4 address by URL parsers and
  // inet_aton (`127.1`), so clients never treat it as a hostname (rustls-webpki, Go do the same).
  const last = labels[labels.length - 1] ?? '';
  if (ALL_DIGITS.test(last)) {
    return nameError(
      'NumericTopLevelLabel',
      input,
      `the last label '${last}' is all digits, so clients read the name as an ip address`,
    );
  }
  return undefined;
}

/** Checks the total length of a name without its trailing dot, wildcard label included. */
export function checkNameLength(name: string, input: string): NameError | undefined {
  // RFC 1035 §2.3.4: 255 octets on the wire is 253 characters in text without the final dot.
  if (name.length <= MAX_NAME_OCTETS) return undefined;
  return nameError('TooLong', input, `the name is ${name.length} octets long; the limit is 253`);
}

function checkLabel(label: string, input: string): NameError | undefined {
  if (label.length === 0) return nameError('EmptyLabel', input, 'the name has an empty label');
  // RFC 1035 §2.3.4
  if (label.length > MAX_LABEL_OCTETS) {
    return nameError(
      'LabelTooLong',
      input,
      `the label '${label.slice(0, 16)}…' is ${label.length} octets long; the limit is 63`,
    );
  }
  // RFC 1034 §3.5 preferred name syntax, plus `_` (see the module comment).
  if (!LABEL_CHAR.test(label)) {
    const bad = FIRST_BAD_CHAR.exec(label)?.[0] ?? '';
    return nameError('InvalidCharacter', input, `the label '${label}' contains '${bad}'`);
  }
  // RFC 1034 §3.5 / RFC 5891 §4.2.3.1: a label neither starts nor ends with a hyphen.
  if (label.startsWith('-') || label.endsWith('-')) {
    return nameError('HyphenAtLabelEdge', input, `the label '${label}' starts or ends with a hyphen`);
  }
  return undefined;
}

/**
 * Checks that every `xn--` label of a lower-case name is a well-formed A-label, i.e. that it
 * decodes as Punycode to a valid U-label (RFC 5890 §2.3.2.1). Returns the first problem.
 */
export function checkALabels(name: string, input: string): NameError | undefined {
  if (!name.includes('xn--')) return undefined;
  for (const label of name.split('.')) {
    // WHATWG's domainToASCII returns '' for an A-label that fails to decode or validate.
    if (label.startsWith('xn--') && domainToASCII(label) !== label) {
      return nameError('InvalidALabel', input, `the label '${label}' is not a valid a-label (punycode)`);
    }
  }
  return undefined;
}
