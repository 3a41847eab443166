/**
 * `verify()`: the library form of `certgate verify`. Takes certificates in any form, builds the
 * engine's options (trust anchors, intermediates, reference identity), runs RFC 5280 path
 * validation and the RFC 6125 name check (`src/pki/`), and returns the verdict with findings
 * and the flow as steps for the report layer.
 */

import { createFinding, type Finding, type Verdict } from '../findings/finding.js';
import { parseIpAddress, parseReferenceName, type Reference } from '../names/index.js';
import type { PathError } from '../pki/errors.js';
import { DEFAULT_POLICY, type PolicySettings, verifyChain } from '../pki/index.js';
import type { ChainVerifyOutcome, CrlCheck, PolicyName, Purpose } from '../pki/types.js';
import type { Certificate } from '../x509/model.js';
import { VerifyUsageError } from './errors.js';
import { findingForError, findingForProfileWarning } from './findings.js';
import { type CertificateInputs, inspectReorder, toCertificates, toTrustCertificates } from './input.js';
import { deriveSteps, type VerifyStep } from './steps.js';
import {
  type AnchorOrigin,
  describeTrustStore,
  type ExtraCaCerts,
  readExtraCaCerts,
  resolveTrustAnchors,
  type TrustAnchors,
} from './trust-anchors.js';

export type { CertificateInput, CertificateInputs } from './input.js';

/** Options of {@link verify}. Certificates may be PEM text (any number of blocks), DER or PKCS#7 bytes, or decoded. */
export interface VerifyOptions {
  /** The chain, leaf first; certificates after the leaf are untrusted intermediates. */
  readonly chain: CertificateInputs;
  /** Trust anchors replacing Node's bundled Mozilla roots. */
  readonly roots?: CertificateInputs;
  /**
   * `roots` are a root program's store (the system store, as `--roots system` reads it): under
   * `cabf` its roots are judged as their program accepted them, like the bundled Mozilla roots;
   * roots of one's own are held to the CA/B root profile (BR §7.1.2.1). Default false.
   */
  readonly rootsFromProgram?: boolean;
  /** Trust anchors added to the Mozilla roots (or to `roots`). */
  readonly addRoots?: CertificateInputs;
  /** More untrusted intermediates, in any order. */
  readonly untrusted?: CertificateInputs;
  /** The DNS name to check the leaf against (RFC 6125); not together with `ip`. */
  readonly host?: string;
  /** The IP address to check the leaf against; not together with `host`. */
  readonly ip?: string;
  /** Validation time; default now. */
  readonly at?: Date;
  /** `server` (default) or `client`: the extended key usage the leaf must allow. */
  readonly purpose?: Purpose;
  /** `client` (default: what Chrome and OpenSSL both accept), `cabf` (the CA/B Forum profile) or `rfc5280`. */
  readonly policy?: PolicyName;
  /**
   * Certificate policy processing (RFC 5280 §6.1.1): the policies accepted (default anyPolicy),
   * and whether an explicit policy is required, mapping or anyPolicy inhibited.
   */
  readonly policySettings?: PolicySettings;
  /**
   * The file of extra roots Node adds to its default store (NODE_EXTRA_CA_CERTS): used, as Node
   * uses it, only when `roots` is not given. Default `process.env.NODE_EXTRA_CA_CERTS`; `null`
   * for none. A file that cannot be used is a warning finding, and is ignored.
   */
  readonly extraCaCerts?: string | null;
  /** DER CRLs to check revocation against; none means revocation is not checked. */
  readonly crls?: readonly Uint8Array[];
  /**
   * With `crls`: every certificate below the anchor must be covered by a usable CRL (`all`, the
   * default, like OpenSSL's `-crl_check_all`), or only the leaf (`leaf`, like `-crl_check`).
   */
  readonly crlCheck?: CrlCheck;
  /** The name of the chain's input in finding locations (a file path); default `chain`. */
  readonly source?: string;
}

/** Where a certificate of the path came from. */
export type CertificateOrigin = 'chain' | 'untrusted' | AnchorOrigin;

/** What {@link verify} found. */
export interface VerifyResult {
  /** `pass` when a path to a trust anchor validates and the name (if given) is covered. */
  readonly verdict: Verdict;
  /** The validated path, leaf to anchor; on failure the candidate path the error concerns, as far as it got. */
  readonly path?: readonly Certificate[];
  /** For each certificate of `path`, where it came from. */
  readonly origins?: readonly CertificateOrigin[];
  /**
   * The failure as a finding (PATH_*, CERT_EXPIRED/CERT_NOT_YET_VALID, NAME_MISMATCH), or on success
   * the issuance profile's warnings (PATH_PROFILE_*); plus input warnings.
   */
  readonly findings: readonly Finding[];
  /** The engine's most specific error, on failure. */
  readonly error?: PathError;
  /** The verification flow, step by step (see `steps.ts`). */
  readonly steps: readonly VerifyStep[];
  /** The reference identity checked, if any. */
  readonly reference?: { readonly kind: 'dns' | 'ip'; readonly value: string };
  /** The SAN that matched the reference, on success. */
  readonly matchedName?: string;
  /** Whether Node's default store (`mozilla`) or the given `roots` (`custom`) were the trust store. */
  readonly trustStore: 'mozilla' | 'custom';
  /** The NODE_EXTRA_CA_CERTS file added to the default store, when one was. */
  readonly extraCaCerts?: string;
  readonly at: Date;
  readonly policy: PolicyName;
  readonly purpose: Purpose;
}

/** Parses `host` or `ip`; throws VerifyUsageError for bad values or both at once. */
function parseReferenceOption(host?: string, ip?: string): Reference | undefined {
  if (host !== undefined && ip !== undefined) {
    throw new VerifyUsageError('ip', ip, 'give a host name or an ip address, not both');
  }
  if (host !== undefined) {
    const name = parseReferenceName(host);
    if (!name.ok) throw new VerifyUsageError('host', host, name.error.reason);
    return name.value;
  }
  if (ip !== undefined) {
    const address = parseIpAddress(ip);
    if (!address.ok) throw new VerifyUsageError('ip', ip, address.error.reason);
    return address.value;
  }
  return undefined;
}

/**
 * Verifies a certificate chain the way a TLS client does: builds a path from the leaf to a trust
 * anchor (Node's bundled Mozilla roots unless `roots` is given), validates it under RFC 5280
 * and the policy at `at`, then checks `host` or `ip` against the leaf's subjectAltName.
 *
 * Failures are data: `verdict: 'fail'`, one finding for the engine's most specific error, and
 * `steps` saying which step of the flow failed. Exceptions are for input that cannot be used:
 *
 * @throws VerifyUsageError for an invalid `host`/`ip`, both at once, or a chain without certificates
 * @throws X509DecodeError for certificate input that is not PEM, DER or PKCS#7
 *
 * @example
 * ```ts
 * const result = verify({ chain: readFileSync('fullchain.pem', 'utf8'), host: 'www.example.com' });
 * if (result.verdict === 'fail') console.log(result.findings[0]?.code); // e.g. 'NAME_MISMATCH'
 * ```
 */
export function verify(options: VerifyOptions): VerifyResult {
  const reference = parseReferenceOption(options.host, options.ip);
  const source = options.source ?? 'chain';
  const given = toCertificates(options.chain);
  if (given.length === 0) throw new VerifyUsageError('chain', '', 'no certificate given');
  const { chain, findings } = inspectReorder(given, source);
  const roots = options.roots === undefined ? undefined : toTrustCertificates(options.roots);
  const extra = roots === undefined ? extraCaCertsOf(options.extraCaCerts) : undefined;
  if (extra && 'error' in extra) {
    const args = { file: extra.path, reason: extra.error };
    findings.push(createFinding('INPUT_EXTRA_CA_CERTS_UNREADABLE', { source: extra.path }, args));
  }
  const trust = resolveTrustAnchors(
    roots,
    toTrustCertificates(options.addRoots),
    extra && 'certificates' in extra ? extra : undefined,
    options.rootsFromProgram ?? false,
  );
  const settings = {
    at: options.at ?? new Date(),
    policy: options.policy ?? DEFAULT_POLICY,
    purpose: options.purpose ?? 'server',
  } as const;
  const outcome = verifyChain({
    leaf: chain[0]!,
    intermediates: [...chain.slice(1), ...toCertificates(options.untrusted)],
    anchors: trust.anchors,
    programAnchors: trust.programAnchors,
    ...settings,
    ...(reference ? { reference } : {}),
    ...(options.crls ? { crls: options.crls } : {}),
    ...(options.crlCheck ? { crlCheck: options.crlCheck } : {}),
    ...(options.policySettings ? { policySettings: options.policySettings } : {}),
  });
  const referenceType: 'dns' | 'ip' = reference?.kind === 'ip' ? 'ip' : 'dns';
  const named = reference ? { referenceType, reference: referenceText(reference) } : {};
  const context = {
    path: outcome.path,
    source,
    at: settings.at,
    trustStore: describeTrustStore(trust),
    policy: settings.policy,
    ...(options.policySettings?.initialPolicySet
      ? { acceptedPolicies: options.policySettings.initialPolicySet }
      : {}),
    ...named,
  };
  if (!outcome.ok) findings.push(findingForError(outcome.error, context));
  else for (const warning of outcome.warnings) findings.push(findingForProfileWarning(warning, context));
  return {
    verdict: outcome.ok ? 'pass' : 'fail',
    ...describePath(outcome, chain, trust),
    findings,
    ...(outcome.ok ? {} : { error: outcome.error }),
    steps: deriveSteps({
      pathLength: outcome.path.length,
      anchored: isAnchored(outcome.path, trust),
      ...(outcome.ok ? {} : { error: outcome.error }),
      revocation: (options.crls?.length ?? 0) === 0 ? 'none' : (options.crlCheck ?? 'all'),
      nameChecked: reference !== undefined,
    }),
    ...(reference ? { reference: { kind: referenceType, value: referenceText(reference) } } : {}),
    ...(outcome.ok && outcome.matchedName ? { matchedName: outcome.matchedName } : {}),
    trustStore: trust.store,
    ...(trust.extraCaCerts ? { extraCaCerts: trust.extraCaCerts } : {}),
    ...settings,
  };
}

/** The NODE_EXTRA_CA_CERTS file of `option` (default: the environment's), read once per path. */
function extraCaCertsOf(option: string | null | undefined): ExtraCaCerts | undefined {
  const path = option === undefined ? process.env.NODE_EXTRA_CA_CERTS : option;
  // Node treats an empty value as unset
  return path ? readExtraCaCerts(path) : undefined;
}

const referenceText = (r: Reference): string => (r.kind === 'ip' ? r.text : r.name);

/** Whether the path ends in a trust anchor. */
function isAnchored(path: readonly Certificate[], trust: TrustAnchors): boolean {
  const last = path[path.length - 1];
  return last !== undefined && trust.origins.has(last.sha256Fingerprint);
}

/**
 * The path and where each of its certificates came from (anchors first, then the chain file).
 * Only the last certificate can be an anchor (the engine stops at the first one), so only it is
 * looked up by fingerprint; the others are told apart by identity, which the engine preserves,
 * sparing a SHA-256 of every leaf on the hot path.
 */
function describePath(
  outcome: ChainVerifyOutcome,
  chain: readonly Certificate[],
  trust: TrustAnchors,
): Pick<VerifyResult, 'path' | 'origins'> {
  if (outcome.path.length === 0) return {};
  const fromChain = new Set<Certificate>(chain);
  const last = outcome.path.length - 1;
  const origins = outcome.path.map((c, i): CertificateOrigin => {
    const anchor = i === last ? trust.origins.get(c.sha256Fingerprint) : undefined;
    return anchor ?? (fromChain.has(c) ? 'chain' : 'untrusted');
  });
  return { path: outcome.path, origins };
}
