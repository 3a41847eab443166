/**
 * DNS names on both sides of a TLS name check (RFC 6125 §1.8 terms): the *reference* name a
 * client asks for (`--host`, a CloudFront alias) and the *presented* name a certificate carries in
 * a dNSName SAN. The two are parsed differently on purpose:
 *
 * | question                       | reference name                   | presented name (dNSName)          |
 * | ------------------------------ | -------------------------------- | --------------------------------- |
 * | non-ASCII (U-labels)           | converted to A-labels (UTS 46)   | malformed: IA5String holds A-labels |
 * | trailing dot (`example.com.`)  | one allowed, removed             | malformed, never matches          |
 * | wildcard                       | never                            | only `*.` + at least two labels   |
 * | case                           | folded to lower case (ASCII)     | folded to lower case (ASCII)      |
 *
 * Both are frozen objects rather than branded strings so that a parsed name keeps what the
 * report layer needs (the original input, the wildcard base) without re-parsing.
 */

import { domainToASCII } from 'node:url';
import type { Outcome } from '../types.js';
import { type NameError, nameError } from './errors.js';
import { parseIpAddress } from './ip-address.js';
import {
  checkALabels,
  checkLabels,
  checkNameLength,
  isAscii,
  isPlainName,
  plainWildcardBase,
  toLowerCaseAscii,
} from './labels.js';

/** Dotted decimal or hex parts only: what inet_aton would read as an address (`127.1`, `0x7f.1`). */
const INET_ATON_LIKE = /^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+))*$/;

/**
 * A syntactically valid hostname a client asks for: lower-case ASCII with IDNs as A-labels,
 * no trailing dot, no wildcard. `input` is the text it was parsed from.
 */
export interface ReferenceName {
  readonly kind: 'dns';
  readonly name: string;
  readonly input: string;
}

/**
 * A syntactically valid dNSName from a certificate, lower-cased. For a wildcard (`*.example.com`)
 * `isWildcard` is true and `base` is the part after `*.` (`example.com`); otherwise `base` equals
 * `name`. `value` is the SAN exactly as the certificate spells it.
 */
export interface PresentedName {
  readonly kind: 'dns-presented';
  readonly name: string;
  readonly isWildcard: boolean;
  readonly base: string;
  readonly value: string;
}

/**
 * Parses the hostname a client asks for into a {@link ReferenceName}: folds ASCII case, removes
 * one trailing dot, converts U-labels to A-labels with `domainToASCII`, and checks label syntax.
 * Rejects wildcards and IP literals (those belong to `--ip`).
 */
export function parseReferenceName(input: string): Outcome<ReferenceName, NameError> {
  if (input.length === 0) return fail(nameError('Empty', input, 'the name is empty'));
  // RFC 6125 §6.4.3 and RFC 9525 §6.3: wildcards live in presented identifiers only.
  if (input.includes('*')) {
    return fail(
      nameError('WildcardInReference', input, 'a reference name names one host and cannot hold a wildcard'),
    );
  }
  const ascii = toAsciiName(input);
  if (typeof ascii !== 'string') return fail(ascii);
  // A client sends `example.com.` and `example.com` as the same host; RFC 6066 §3 SNI omits the dot.
  const name = ascii.endsWith('.') ? ascii.slice(0, -1) : ascii;
  // An IP reference is compared with iPAddress SANs only (RFC 5280 §4.2.1.6; RFC 9525 IP-IDs).
  const ip = parseIpAddress(name);
  if (ip.ok || ip.error.kind === 'Ipv6ZoneId') {
    return fail(nameError('IpAddressLiteral', input, 'this is an ip address, not a hostname; use --ip'));
  }
  if (name.includes(':')) {
    const reason = "the name contains ':'; give a port separately and an ipv6 address with --ip";
    return fail(nameError('InvalidCharacter', input, reason));
  }
  const problem = checkLabels(name, input) ?? checkALabels(name, input);
  if (problem?.kind === 'NumericTopLevelLabel' && INET_ATON_LIKE.test(name)) {
    return fail(
      nameError('IpAddressLiteral', input, 'this looks like an ip address, not a hostname; use --ip'),
    );
  }
  if (problem) return fail(problem);
  return { ok: true, value: Object.freeze({ kind: 'dns' as const, name, input }) };
}

/** Converts a possibly internationalized name to lower-case ASCII (A-labels), or says why not. */
function toAsciiName(input: string): string | NameError {
  if (isAscii(input)) return toLowerCaseAscii(input);
  // domainToASCII percent-decodes its input (WHATWG URL host parsing); a name never holds '%'.
  if (input.includes('%')) return nameError('InvalidCharacter', input, "the name contains '%'");
  // RFC 5891 §5 / UTS 46: map and convert U-labels; Node returns '' for what IDNA rejects.
  const ascii = domainToASCII(input);
  if (ascii === '') {
    return nameError(
      'InvalidIdn',
      input,
      'this is not a valid internationalized domain name (idna rejects it)',
    );
  }
  return toLowerCaseAscii(ascii);
}

/**
 * Parses a dNSName SAN value into a {@link PresentedName}. Requires ASCII (A-labels), no trailing
 * dot, and a wildcard only as the whole leftmost label followed by at least two labels. Partial
 * wildcards (`f*.example.com`) and wildcards in other labels parse as errors: clients never
 * honour them, so such a SAN never matches.
 */
export function parsePresentedName(value: string): Outcome<PresentedName, NameError> {
  const plain = plainPresentedName(value);
  if (plain) return { ok: true, value: plain };
  if (value.length === 0) return fail(nameError('Empty', value, 'the name is empty'));
  // RFC 5280 §4.2.1.6: dNSName is an IA5String; IDNs are stored as A-labels (RFC 5280 §7.2).
  if (!isAscii(value)) {
    return fail(nameError('NonAscii', value, 'a dNSName holds ascii a-labels, not unicode u-labels'));
  }
  const name = toLowerCaseAscii(value);
  // RFC 5280 §4.2.1.6 preferred name syntax has no final dot; rustls-webpki and NSS refuse it.
  if (name.endsWith('.')) {
    return fail(nameError('TrailingDot', value, 'a dNSName must not end with a dot'));
  }
  const wildcard = checkWildcard(name, value);
  if (wildcard) return fail(wildcard);
  const isWildcard = name.startsWith('*.');
  const base = isWildcard ? name.slice(2) : name;
  const problem = checkNameLength(name, value) ?? checkLabels(base, value);
  if (problem) return fail(problem);
  return {
    ok: true,
    value: Object.freeze({ kind: 'dns-presented' as const, name, isWildcard, base, value }),
  };
}

/**
 * A SAN that passes every check of {@link parsePresentedName}, found in one pass over it (nearly
 * every SAN: a gate run reads some 50,000): a plain name, or `*.` and a plain name of at least two
 * labels. Undefined for any other, which takes the step-by-step path that says what is wrong.
 */
function plainPresentedName(value: string): PresentedName | undefined {
  if (isPlainName(value)) {
    return Object.freeze({ kind: 'dns-presented', name: value, isWildcard: false, base: value, value });
  }
  const base = plainWildcardBase(value);
  if (base === undefined || !base.includes('.')) return undefined;
  return Object.freeze({ kind: 'dns-presented', name: value, isWildcard: true, base, value });
}

/** Checks where a `*` may stand in a presented name; returns undefined for none or `*.` + 2 labels. */
function checkWildcard(name: string, input: string): NameError | undefined {
  if (!name.includes('*')) return undefined;
  const labels = name.split('.');
  const first = labels[0] ?? '';
  // RFC 6125 §6.4.3 allows `f*` and `*oo`; RFC 9525 §6.3, the CA/B BR (§1.6.1 "Wildcard Domain
  // Name": `*.` then an FQDN) and browsers do not. A wildcard inside an A-label (`xn--*`) is
  // never honoured (RFC 6125 §6.4.3).
  if (first !== '*' && first.includes('*')) {
    const why = first.startsWith('xn--')
      ? `'${first}' puts a wildcard inside an a-label, which clients never honour`
      : `'${first}' is a partial-label wildcard, which clients do not honour; use '*' as the whole label`;
    return nameError('PartialWildcard', input, why);
  }
  if (labels.slice(1).some((label) => label.includes('*'))) {
    return nameError('WildcardNotLeftmost', input, 'a wildcard may only be the whole leftmost label');
  }
  // NOTE: CA/B BR §3.2.2.6 forbids a wildcard directly under a registry-controlled suffix
  // (`*.co.uk`), which needs the Public Suffix List. Without it we do what NSS and
  // rustls-webpki do: require two labels after the wildcard, so `*.com` fails and `*.co.uk` passes.
  if (labels.length < 3) {
    return nameError('WildcardTooBroad', input, 'a wildcard must be followed by at least two labels');
  }
  return undefined;
}

/**
 * Reports whether one well-formed presented dNSName matches a reference name: equal after case
 * folding, or a leftmost `*` label standing for exactly one non-empty label.
 */
export function presentedNameMatches(presented: PresentedName, reference: ReferenceName): boolean {
  if (!presented.isWildcard) return presented.name === reference.name;
  // RFC 6125 §6.4.3 and RFC 9525 §6.3: the wildcard matches one whole label, never the apex
  // (`*.example.com` ≠ `example.com`) and never several labels (`a.b.example.com`).
  const dot = reference.name.indexOf('.');
  return dot > 0 && reference.name.slice(dot + 1) === presented.base;
}

function fail<T>(error: NameError): Outcome<T, NameError> {
  return { ok: false, error };
}
