/**
 * CloudFront alias coverage (rulebook §2.1, §2.2; CF-09, CF-10, CF-27): does a certificate's
 * SAN list cover an alternate domain name, the way CloudFront checks it before accepting the alias?
 *
 * - a concrete alias is covered by an identical SAN or by a wildcard SAN one level up
 *   (`*.example.com` covers `www.example.com`, not `example.com`, not `a.b.example.com`);
 * - a wildcard alias is covered only by the identical wildcard SAN; specific names never do;
 * - comparison is ASCII case-insensitive (lower case is a separate rule: {@link isLowerCase});
 * - the subject CN is not consulted. A certificate with no SANs covers nothing; what CloudFront
 *   does with a CN-only imported certificate is UNCONFIRMED, so the miss says whether the CN would
 *   have covered the alias and the rule can word it as a warning.
 *
 * The gate checks some 10,000 distributions × 10 aliases against thousands of certificates, so
 * {@link buildSanIndex} turns a SAN list into two hash maps once, and each `covers` call costs
 * O(labels of the alias) whatever the number of SANs: total work is linear in SANs + aliases.
 */

import { parsePresentedName } from './dns-name.js';
import { type NameError, nameError } from './errors.js';
import { parseIpAddress } from './ip-address.js';
import {
  checkALabels,
  checkLabels,
  checkNameLength,
  hasUpperCaseAscii,
  isAscii,
  isPlainName,
  plainWildcardBase,
  toLowerCaseAscii,
} from './labels.js';

/**
 * Whether a SAN index covers an alias. When covered, `by` is the SAN that does, as the
 * certificate spells it; otherwise `miss` says why not.
 */
export type AliasCoverage =
  | { readonly covered: true; readonly by: string }
  | { readonly covered: false; readonly by?: undefined; readonly miss: CoverageMiss };

/**
 * Why an alias is not covered, most specific first: the alias is malformed (`error`), the
 * certificate has no dNSName SANs (CN-only, UNCONFIRMED in the rulebook), a wildcard alias lacks
 * the identical wildcard SAN (CF-10), a wildcard SAN sits at the apex or too far up (`labels`
 * counts what the alias has in the wildcard's place), or no SAN is close at all.
 */
export type CoverageMiss =
  | { readonly kind: 'InvalidAlias'; readonly error: NameError }
  | { readonly kind: 'NoSubjectAltName'; readonly commonNameWouldCover: boolean }
  | { readonly kind: 'WildcardAliasNeedsIdenticalSan' }
  | { readonly kind: 'WildcardDoesNotCoverApex'; readonly wildcard: string }
  | { readonly kind: 'WildcardCoversOneLabel'; readonly wildcard: string; readonly labels: number }
  | { readonly kind: 'NotListed' };

/**
 * A certificate's dNSName SANs prepared for repeated alias checks. `size` counts the SANs indexed;
 * `ignored` lists the SANs skipped as malformed (a client would never match them either).
 */
export interface SanIndex {
  readonly size: number;
  readonly ignored: readonly NameError[];
  /** Checks whether the certificate covers `alias`, in time linear in the alias's length. */
  covers(alias: string): AliasCoverage;
}

/** Options for {@link buildSanIndex}. */
export interface SanIndexOptions {
  /** Subject CN values, used only to say whether a SAN-less certificate's CN would have covered. */
  readonly commonNames?: readonly string[];
}

/**
 * Checks a CloudFront alias's syntax, ignoring case (see {@link isLowerCase}): ASCII A-labels,
 * no trailing dot, `*` only as a leading `*.`, RFC 1035 length limits, valid labels. Returns
 * what is wrong, or `undefined` for a valid alias.
 */
export function checkAliasSyntax(alias: string): NameError | undefined {
  const plain = plainBase(alias);
  return plain === undefined ? checkEachStep(alias) : checkALabels(plain, alias);
}

/** {@link checkAliasSyntax} for an alias that is not plain: each check in turn, the first problem. */
function checkEachStep(alias: string): NameError | undefined {
  if (alias.length === 0) return nameError('Empty', alias, 'the alias is empty');
  // D-CNAME: CloudFront takes IDNs as punycode (CF-27 fix column).
  if (!isAscii(alias)) {
    return nameError(
      'NonAscii',
      alias,
      'an alias is ascii; write an internationalized name as a-labels (xn--…)',
    );
  }
  const name = toLowerCaseAscii(alias);
  // CloudFront's coverage check fails on `example.com.` (widdix/aws-cf-templates#443).
  if (name.endsWith('.')) return nameError('TrailingDot', alias, 'an alias must not end with a dot');
  const isWildcard = name.startsWith('*.');
  const base = isWildcard ? name.slice(2) : name;
  // D-WILD (rulebook §2.2): `*.` prefix only; no `*domain.example.com`, no `sub.*.example.com`.
  if (base.includes('*')) {
    const isPartial = !isWildcard && (name.split('.')[0] ?? '').includes('*');
    return isPartial
      ? nameError(
          'PartialWildcard',
          alias,
          "a wildcard alias starts with '*.'; partial-label wildcards are not allowed",
        )
      : nameError(
          'WildcardNotLeftmost',
          alias,
          "a wildcard alias starts with '*.'; '*' is not allowed elsewhere",
        );
  }
  // CF-27: total ≤ 253, labels ≤ 63 (BOTO-CF aliasString max 253; RFC 1035 §2.3.4).
  const problem = checkNameLength(name, alias) ?? checkLabels(base, alias);
  // An IPv4 literal fails as an all-digit top label; say what it really is.
  if (problem?.kind === 'NumericTopLevelLabel' && parseIpAddress(base).ok) {
    return nameError('IpAddressLiteral', alias, 'an alias is a domain name, not an ip address');
  }
  return problem ?? checkALabels(base, alias);
}

/**
 * The base of an alias that passes every check of {@link checkAliasSyntax} but the A-label one,
 * found in one pass: the alias itself, or what follows its `*.`; undefined for any other alias
 * (upper case, a trailing dot, a misplaced `*`, a bad label), which takes the step-by-step path.
 */
function plainBase(alias: string): string | undefined {
  return isPlainName(alias) ? alias : plainWildcardBase(alias);
}

/** Reports whether an alias has no upper-case ASCII letters (D-CNAME: aliases must be lower case). */
export function isLowerCase(alias: string): boolean {
  return !hasUpperCaseAscii(alias);
}

/**
 * Builds an index of a certificate's dNSName SANs for CloudFront alias coverage: one map of
 * exact names (wildcards included, for wildcard aliases) and one of wildcard bases. Malformed
 * SANs are skipped and listed in `ignored`.
 */
export function buildSanIndex(sans: readonly string[], options: SanIndexOptions = {}): SanIndex {
  // name → the SAN as the certificate spells it; a hit is made when asked for (it dies young),
  // so the index a run keeps for each of its thousands of certificates is two small maps
  const exact = new Map<string, string>();
  const wildcardBases = new Map<string, string>();
  const ignored: NameError[] = [];
  for (const san of sans) {
    const parsed = parsePresentedName(san);
    if (!parsed.ok) {
      ignored.push(parsed.error);
      continue;
    }
    // first SAN wins, as listed
    if (!exact.has(parsed.value.name)) exact.set(parsed.value.name, san);
    if (parsed.value.isWildcard && !wildcardBases.has(parsed.value.base))
      wildcardBases.set(parsed.value.base, san);
  }
  // No SANs at all: the miss says whether the CN would have covered (rulebook §2.1, UNCONFIRMED).
  const cnCovers = sans.length === 0 ? cnCoverageOf(options.commonNames ?? []) : undefined;
  return Object.freeze({
    size: exact.size,
    ignored: Object.freeze(ignored),
    covers: (alias: string) => lookup(alias, exact, wildcardBases, cnCovers),
  });
}

function lookup(
  alias: string,
  exact: ReadonlyMap<string, string>,
  wildcardBases: ReadonlyMap<string, string>,
  cnCovers: ((alias: string) => boolean) | undefined,
): AliasCoverage {
  // a plain alias (nearly all) is known valid and lower case after one pass over it
  const plain = plainBase(alias);
  const error = plain === undefined ? checkEachStep(alias) : checkALabels(plain, alias);
  if (error) return miss({ kind: 'InvalidAlias', error });
  if (cnCovers) return miss({ kind: 'NoSubjectAltName', commonNameWouldCover: cnCovers(alias) });
  const name = plain === undefined ? toLowerCaseAscii(alias) : alias;
  const hit = exact.get(name);
  if (hit !== undefined) return { covered: true, by: hit };
  // D-WILD: only the identical wildcard SAN covers a wildcard alias.
  if (name.startsWith('*.')) return miss({ kind: 'WildcardAliasNeedsIdenticalSan' });
  // D-REQ: a wildcard at the same level; the base is everything after the first label.
  const dot = name.indexOf('.');
  const sameLevel = dot === -1 ? undefined : wildcardBases.get(name.slice(dot + 1));
  if (sameLevel !== undefined) return { covered: true, by: sameLevel };
  return miss(explainMiss(name, wildcardBases));
}

/** Names the nearest wildcard SAN that fails to cover `name`: one at its apex, or further up. */
function explainMiss(name: string, wildcardBases: ReadonlyMap<string, string>): CoverageMiss {
  const apex = wildcardBases.get(name);
  // D-CNAME; ACM-CHAR: `*.example.com` does not cover `example.com`.
  if (apex !== undefined) return { kind: 'WildcardDoesNotCoverApex', wildcard: apex };
  // D-CNAME: `*.example.com` does not cover `a.b.example.com`.
  let labels = 1;
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    const up = wildcardBases.get(name.slice(dot + 1));
    if (up !== undefined && labels > 1) return { kind: 'WildcardCoversOneLabel', wildcard: up, labels };
    labels++;
  }
  return { kind: 'NotListed' };
}

function cnCoverageOf(commonNames: readonly string[]): (alias: string) => boolean {
  if (commonNames.length === 0) return () => false;
  const index = buildSanIndex(commonNames);
  return (alias) => index.covers(alias).covered;
}

function miss(reason: CoverageMiss): AliasCoverage {
  return Object.freeze({ covered: false as const, miss: Object.freeze(reason) });
}
