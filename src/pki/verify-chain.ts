/**
 * The engine's entry point: RFC 5280 §6.1 path validation under a policy, then the RFC 6125 /
 * RFC 9525 name check of the leaf. A bad chain is data (`ok: false` with the most specific
 * error); only a programmer error (options of the wrong shape) throws.
 */

import { formatIpAddress, type MatchHint, matchHostname } from '../names/index.js';
import type { CertificateRevocationList } from '../x509/crl.js';
import { decodeCrl } from '../x509/crl.js';
import { X509DecodeError } from '../x509/errors.js';
import type { Certificate } from '../x509/model.js';
import { Budget } from './budget.js';
import type { PathError } from './errors.js';
import { buildPath } from './path-builder.js';
import { type Policy, policyFor } from './policy.js';
import { isPublicSuffix } from './public-suffix.js';
import { TrustStore } from './trust-store.js';
import type { ChainVerifyOptions, ChainVerifyOutcome } from './types.js';
import { type CheckContext, checkCommonNames, floorToSecond, profileProblems } from './validate.js';

/**
 * Validates a certification path for `options.leaf` up to one of `options.anchors`, using
 * `options.intermediates` in any order, at `options.at`, under the `client` (default), `cabf`
 * or `rfc5280` policy; checks revocation against `options.crls` when given; then matches
 * `options.reference` against the leaf's subjectAltName. Under `client`, what the CA/B profile
 * refuses comes back as `warnings`.
 *
 * @returns `{ ok: true, path }` (leaf → anchor) or `{ ok: false, error, path }` where `error` is
 *   the most specific failure across every candidate path and `path` the candidate it concerns
 * @throws TypeError when `options.at` is not a valid Date (a programmer error)
 * @example
 * ```ts
 * const outcome = verifyChain({ leaf, intermediates, anchors, at: new Date(), reference });
 * if (!outcome.ok) console.log(outcome.error.kind); // 'CertExpired', 'UnknownIssuer', ...
 * ```
 */
export function verifyChain(options: ChainVerifyOptions): ChainVerifyOutcome {
  if (!(options.at instanceof Date) || Number.isNaN(options.at.getTime())) {
    throw new TypeError('verifyChain: options.at must be a valid Date');
  }
  const policy = policyFor(options.policy);
  const at = floorToSecond(options.at);
  const crls = decodeCrls(options.crls ?? []);
  if (!Array.isArray(crls)) return { ok: false, error: crls.error(options.leaf), path: [options.leaf] };
  const checks = {
    policy,
    at,
    purpose: options.purpose ?? 'server',
    requiredKeyUsages: options.requiredKeyUsages ?? [],
    ...(options.programAnchors ? { programAnchors: options.programAnchors } : {}),
  };
  const build = () =>
    buildPath(options.leaf, {
      ...checks,
      store: new TrustStore(options.anchors, options.intermediates),
      budget: new Budget(),
      // maxDepth counts the leaf and the anchor as well
      maxIntermediates:
        options.maxDepth === undefined ? policy.maxIntermediates : Math.max(0, options.maxDepth - 2),
      crls,
      crlCheck: options.crlCheck ?? 'all',
      policySettings: options.policySettings ?? {},
    });
  const built = cachedBuild(options, at, build);
  if (!built.ok) return built;
  const name =
    options.reference === undefined ? undefined : checkName(options.leaf, options.reference, policy);
  if (name !== undefined && typeof name !== 'string') return { ok: false, error: name, path: built.path };
  // NOTE: limbo's own fixtures keep CN=example.com beside other SANs in cases that expect
  // success (webpki::san::leftmost-wildcard-san and two more, see the exceptions), which
  // this BR §7.1.4.3 check rejects; limbo's webpki::cn::* cases expect it.
  const place = { certIndex: 0, certificate: options.leaf.subject.text };
  const cn = policy.commonNameInSan ? checkCommonNames(options.leaf, place) : undefined;
  if (cn) return { ok: false, error: cn, path: built.path };
  const warnings = policy.profile ? profileWarnings(built.path, { ...checks, policy: policy.profile }) : [];
  return name === undefined
    ? { ok: true, path: built.path, warnings }
    : { ok: true, path: built.path, matchedName: name, warnings };
}

/**
 * Path building does not look at the reference identity, so one decoded chain checked against
 * many names (`certgate probe` of 300 hosts behind one wildcard certificate) builds its path
 * once: the outcome is kept per leaf object, keyed by the identity of every other certificate
 * and set it was built from and by the settings, and the name check still runs per call. Only
 * calls without CRLs and policy settings are kept (those are objects a caller may rebuild).
 * Decoded certificates are immutable, so the same objects and settings give the same outcome;
 * a budget failure is deterministic too (every check counts, cache hits included).
 */
const buildCache = new WeakMap<Certificate, Map<string, ReturnType<typeof buildPath>>>();

/** Outcomes kept per leaf before its map is cleared (one per validation time, mostly). */
const BUILD_CACHE_LIMIT = 16;

/** A small number per object, for cache keys by identity. */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

function cachedBuild(
  options: ChainVerifyOptions,
  at: Date,
  build: () => ReturnType<typeof buildPath>,
): ReturnType<typeof buildPath> {
  if ((options.crls?.length ?? 0) > 0 || options.policySettings !== undefined) return build();
  const key = [
    at.getTime(),
    options.policy ?? '',
    options.purpose ?? '',
    options.maxDepth ?? '',
    options.crlCheck ?? '',
    (options.requiredKeyUsages ?? []).join(','),
    identity(options.anchors),
    options.programAnchors ? identity(options.programAnchors) : '',
    options.intermediates.map(identity).join(','),
  ].join('|');
  let byKey = buildCache.get(options.leaf);
  const known = byKey?.get(key);
  if (known) return known;
  const built = build();
  if (!byKey) {
    byKey = new Map();
    buildCache.set(options.leaf, byKey);
  } else if (byKey.size >= BUILD_CACHE_LIMIT) byKey.clear();
  byKey.set(key, built);
  return built;
}

/**
 * The issuance profile's verdict on a path that validated: every rule each certificate breaks in
 * its role. An anchor from a root program's store is held against the profile's relaxed
 * `programAnchor` table: the roots clients trust today predate parts of the profile.
 */
function profileWarnings(path: readonly Certificate[], ctx: CheckContext): PathError[] {
  const warnings: PathError[] = [];
  const last = path.length - 1;
  path.forEach((cert, i) => {
    const role = i === 0 ? 'leaf' : i === last ? 'anchor' : 'intermediate';
    warnings.push(...cachedProfileProblems(cert, role, i, ctx));
  });
  return warnings;
}

/**
 * A certificate's profile problems depend only on it, its place and the settings, so they are
 * kept per decoded certificate: the intermediates and roots a caller decodes once are checked
 * once, however many leaves they issue.
 */
const profileCache = new WeakMap<Certificate, Map<string, PathError[]>>();

function cachedProfileProblems(
  cert: Certificate,
  role: 'leaf' | 'intermediate' | 'anchor',
  certIndex: number,
  ctx: CheckContext,
): PathError[] {
  const program = role === 'anchor' && ctx.programAnchors?.has(cert) ? '|program' : '';
  const key = `${ctx.policy.name}|${role}${program}|${certIndex}|${ctx.purpose}|${ctx.requiredKeyUsages.join(',')}`;
  let byKey = profileCache.get(cert);
  const known = byKey?.get(key);
  if (known) return known;
  const problems = profileProblems(cert, role, { certIndex, certificate: cert.subject.text }, ctx);
  if (!byKey) {
    byKey = new Map();
    profileCache.set(cert, byKey);
  }
  byKey.set(key, problems);
  return problems;
}

type CrlFailure = { readonly error: (leaf: Certificate) => PathError };

function decodeCrls(ders: readonly Uint8Array[]): CertificateRevocationList[] | CrlFailure {
  const out: CertificateRevocationList[] = [];
  for (const [i, der] of ders.entries()) {
    try {
      out.push(decodeCrl(der));
    } catch (e) {
      if (!(e instanceof X509DecodeError)) throw e;
      const reason = `crl ${i + 1} cannot be decoded: ${e.message}`;
      return {
        error: (leaf) => ({
          kind: 'InvalidCrl',
          certIndex: 0,
          certificate: leaf.subject.text,
          issuer: '',
          reason,
        }),
      };
    }
  }
  return out;
}

/**
 * RFC 9525 §6.3 via `names/`: the reference against the leaf's dNSName and iPAddress SANs. Under
 * the web PKI policy a wildcard directly over an ICANN public suffix never matches.
 */
function checkName(
  leaf: Certificate,
  reference: NonNullable<ChainVerifyOptions['reference']>,
  policy: Policy,
): string | PathError {
  const sans = leaf.extension('subjectAltName')?.names ?? [];
  const dnsNames: string[] = [];
  const ipAddresses: Uint8Array[] = [];
  const presented: string[] = [];
  let dropped: string | undefined;
  for (const n of sans) {
    if (n.type === 'dNSName') {
      presented.push(`DNS:${n.value}`);
      if (policy.publicSuffixWildcards && isWildcardOverPublicSuffix(n.value)) dropped ??= n.value;
      else dnsNames.push(n.value);
    } else if (n.type === 'iPAddress') {
      presented.push(`IP:${formatIpAddress(n.bytes)}`);
      ipAddresses.push(n.bytes);
    }
  }
  const commonNames = leaf.subject.rdns.flatMap((rdn) =>
    rdn.filter((a) => a.oid === '2.5.4.3').map((a) => a.value),
  );
  const match = matchHostname({ dnsNames, ipAddresses, commonNames }, reference);
  if (match.matched) return match.by;
  // Explain the miss with every SAN, so a dropped public-suffix wildcard can be named
  const full =
    dropped === undefined
      ? match
      : matchHostname({ dnsNames: [...dnsNames, dropped], ipAddresses, commonNames }, reference);
  const hint = full.matched ? publicSuffixHint(full.by) : full.hint;
  return {
    kind: 'NameMismatch',
    reference: match.reference,
    presented,
    ...(hint ? { hint } : {}),
  };
}

function isWildcardOverPublicSuffix(value: string): boolean {
  const lower = value.toLowerCase();
  return lower.startsWith('*.') && isPublicSuffix(lower.slice(2));
}

function publicSuffixHint(wildcard: string): MatchHint {
  const reason = `'${wildcard.slice(2)}' is a public suffix, so a wildcard directly under it never matches`;
  const error = Object.freeze({ kind: 'WildcardTooBroad' as const, reason, input: wildcard });
  return Object.freeze({ kind: 'MalformedSan' as const, presented: wildcard, error });
}
