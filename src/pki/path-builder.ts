/**
 * Path building (RFC 4158 style, as rustls-webpki, Go and pyca do it): a depth-first search from
 * the leaf towards a trust anchor. At each step the candidates for the next issuer come from the
 * trust store (anchors first, AKI/SKI matches first); each edge is checked (signature, the
 * issuer's own checks, pathLenConstraint, name constraints) before the search goes deeper, so a
 * bad branch is cut early and another candidate is tried.
 *
 * Across failed candidates the most specific error wins (`ERROR_RANK`, so the user sees the failure that explains most) and is
 * returned with the candidate path it concerns. Budget errors are fatal and end the search.
 */

import { isSelfIssued } from '../x509/chain-order.js';
import type { CertificateRevocationList } from '../x509/crl.js';
import type { Certificate } from '../x509/model.js';
import type { Budget } from './budget.js';
import { isFatal } from './budget.js';
import { checkPolicies, type PolicySettings } from './certificate-policies.js';
import { inheritsParameters, workingParameters } from './dsa-parameters.js';
import { ERROR_RANK, type ErrorPlace, type PathError } from './errors.js';
import { checkNameConstraints } from './name-constraints.js';
import { checkRevocation, keyIdOf, type RevocationContext } from './revocation.js';
import { checkSignature } from './signature.js';
import type { Candidate, TrustStore } from './trust-store.js';
import type { CrlCheck } from './types.js';
import { type CheckContext, checkCertificate } from './validate.js';

/** Everything one search needs. */
interface BuildContext extends CheckContext {
  readonly store: TrustStore;
  readonly budget: Budget;
  /** Most intermediates allowed (self-issued ones not counted). */
  readonly maxIntermediates: number;
  readonly crls: readonly CertificateRevocationList[];
  readonly crlCheck: CrlCheck;
  readonly policySettings: PolicySettings;
  /** How many CRL-signer paths this search is nested in (§6.3.3 (f) recursion). */
  readonly signerDepth?: number;
}

/**
 * How deep CRL-signer paths may nest: the signer of a CRL whose own revocation is checked
 * against a CRL signed by yet another key. Real PKIs (and PKITS) need two levels.
 */
const MAX_SIGNER_DEPTH = 3;

/** A built path (leaf → anchor), or the most specific error and the candidate path it concerns. */
type BuildResult =
  | { readonly ok: true; readonly path: readonly Certificate[] }
  | { readonly ok: false; readonly error: PathError; readonly path: readonly Certificate[] };

type Failure = Extract<BuildResult, { ok: false }>;

function place(path: readonly Certificate[], index: number): ErrorPlace {
  return { certIndex: index, certificate: path[index]!.subject.text };
}

/** Builds and validates a path from `leaf` to one of the store's trust anchors. */
export function buildPath(leaf: Certificate, ctx: BuildContext): BuildResult {
  const path = [leaf];
  const leafError = checkCertificate(leaf, 'leaf', place(path, 0), ctx);
  if (leafError) return { ok: false, error: leafError, path };
  // Go: a leaf that is itself a trust anchor is trusted as it is
  if (ctx.store.isAnchor(leaf)) return finish(path, ctx);
  return extend(path, ctx);
}

function extend(path: readonly Certificate[], ctx: BuildContext): BuildResult {
  const child = path[path.length - 1]!;
  let best: Failure | undefined;
  for (const candidate of ctx.store.candidates(child)) {
    const spent = ctx.budget.spendBuildStep();
    if (spent) return { ok: false, error: spent, path };
    if (isInPath(candidate.cert, path)) continue;
    const result = tryCandidate(path, candidate, ctx);
    if (result.ok || isFatal(result.error)) return result;
    best = moreSpecific(best, result);
  }
  return best ?? noIssuer(path);
}

function tryCandidate(path: readonly Certificate[], candidate: Candidate, ctx: BuildContext): BuildResult {
  const next = [...path, candidate.cert];
  const edgeError = checkEdge(next, candidate.isAnchor, ctx);
  if (edgeError) return { ok: false, error: edgeError, path: next };
  if (candidate.isAnchor) return finish(next, ctx);
  // RFC 5280 §6.1.4 (l) counts certificates that are not self-issued; the policy sets the limit
  if (countIntermediates(next) > ctx.maxIntermediates) {
    const error: PathError = {
      ...place(next, next.length - 1),
      kind: 'PathTooLong',
      maxDepth: ctx.maxIntermediates + 2,
    };
    return { ok: false, error, path: next };
  }
  return extend(next, ctx);
}

/** Checks the newest edge of `path`: the last certificate as issuer of the one before it. */
function checkEdge(
  path: readonly Certificate[],
  isAnchor: boolean,
  ctx: BuildContext,
): PathError | undefined {
  const issuerIndex = path.length - 1;
  const issuer = path[issuerIndex]!;
  const child = path[issuerIndex - 1]!;
  // RFC 5280 §6.1.3 (a)(1): the child's signature verifies with the issuer's key (a DSA key that
  // inherits its parameters waits for the path's top: `checkInheritedSignatures`)
  if (!inheritsParameters(issuer)) {
    const spent = ctx.budget.spendSignature();
    if (spent) return spent;
    const signature = checkSignature(child, issuer, ctx.policy);
    if (signature) return { ...place(path, issuerIndex - 1), ...signature };
  }
  return (
    checkCertificate(issuer, isAnchor ? 'anchor' : 'intermediate', place(path, issuerIndex), ctx) ??
    checkPathLen(path) ??
    checkConstraintsOf(path, ctx)
  );
}

// RFC 5280 §4.2.1.9 and §6.1.4 (l)-(m): pathLenConstraint bounds the non-self-issued
// intermediates below the CA; the leaf is not an intermediate and never counts
function checkPathLen(path: readonly Certificate[]): PathError | undefined {
  const issuerIndex = path.length - 1;
  const limit = path[issuerIndex]!.extension('basicConstraints')?.pathLenConstraint;
  if (limit === undefined) return undefined;
  let below = 0;
  for (let i = 1; i < issuerIndex; i++) if (isCounted(path, i)) below++;
  if (below <= limit) return undefined;
  return { ...place(path, issuerIndex), kind: 'PathLenExceeded', pathLenConstraint: limit };
}

/** Intermediates of a partial path (leaf first): indexes 1.., self-issued ones not counted. */
function countIntermediates(path: readonly Certificate[]): number {
  let n = 0;
  for (let i = 1; i < path.length; i++) if (isCounted(path, i)) n++;
  return n;
}

function isCounted(path: readonly Certificate[], index: number): boolean {
  return index > 0 && !isSelfIssued(path[index]!);
}

// RFC 5280 §6.1.3 (b)-(c): a CA's name constraints apply to every certificate below it, except
// self-issued intermediates (the leaf is always checked)
function checkConstraintsOf(path: readonly Certificate[], ctx: BuildContext): PathError | undefined {
  const issuerIndex = path.length - 1;
  const constraints = path[issuerIndex]!.extension('nameConstraints');
  if (constraints === undefined) return undefined;
  for (let i = 0; i < issuerIndex; i++) {
    const cert = path[i]!;
    if (i > 0 && isSelfIssued(cert)) continue;
    const where = { certIndex: i, constrainedBy: issuerIndex };
    const error = checkNameConstraints(cert, constraints, where, ctx.policy, ctx.budget);
    if (error) return error;
  }
  return undefined;
}

// A path that reached an anchor: what is left is its certificate policies (RFC 5280 §6.1.3
// (d)-(f), which need the whole path from the anchor down) and revocation (§6.1.3 (a)(3))
function finish(path: readonly Certificate[], ctx: BuildContext): BuildResult {
  const error =
    checkInheritedSignatures(path, ctx) ??
    checkPolicies(path, ctx.policySettings, ctx.budget) ??
    (ctx.crls.length > 0 ? checkRevocation(path, revocationContext(ctx)) : undefined);
  return error ? { ok: false, error, path } : { ok: true, path };
}

// The signatures made by DSA keys that inherit their parameters, now that the path's top is known
function checkInheritedSignatures(path: readonly Certificate[], ctx: BuildContext): PathError | undefined {
  for (let k = path.length - 1; k >= 1; k--) {
    const cert = path[k]!;
    if (!inheritsParameters(cert)) continue;
    const spent = ctx.budget.spendSignature();
    if (spent) return spent;
    const parameters = workingParameters(path, k);
    const problem = parameters
      ? checkSignature(path[k - 1]!, cert, ctx.policy, parameters)
      : ({ kind: 'BadSignature' } as const);
    if (problem) return { ...place(path, k - 1), ...problem };
  }
  return undefined;
}

/** Revocation's view of the search: the CRLs, and path building for CRL signers off the path. */
function revocationContext(ctx: BuildContext): RevocationContext {
  const depth = ctx.signerDepth ?? 0;
  return {
    crls: ctx.crls,
    scope: ctx.crlCheck,
    at: ctx.at,
    policy: ctx.policy,
    budget: ctx.budget,
    signerCandidates: (crl) => ctx.store.named(crl.issuer, keyIdOf(crl)).map((c) => c.cert),
    validateSigner: (signer, anchor) => {
      if (depth >= MAX_SIGNER_DEPTH) {
        return {
          certIndex: 0,
          certificate: signer.subject.text,
          kind: 'RevocationUnknown',
          reason: `CRL signers nest more than ${MAX_SIGNER_DEPTH} deep`,
        };
      }
      // the signer's path is validated as RFC 5280 §6.1 with the default policy inputs, and
      // checked for revocation in full
      const built = buildPath(signer, {
        ...ctx,
        store: ctx.store.withOnlyAnchor(anchor),
        endEntity: 'crl-signer',
        requiredKeyUsages: [],
        policySettings: {},
        crlCheck: 'all',
        signerDepth: depth + 1,
      });
      return built.ok ? undefined : built.error;
    },
  };
}

// Loop guard (Go's alreadyInChain): the same certificate, or the same subject with the same key
function isInPath(cert: Certificate, path: readonly Certificate[]): boolean {
  const spki = Buffer.from(cert.publicKey.spki);
  const subject = cert.subject.key;
  return path.some(
    (c) => c === cert || (c.subject.key === subject && spki.equals(Buffer.from(c.publicKey.spki))),
  );
}

function moreSpecific(best: Failure | undefined, next: Failure): Failure {
  if (best === undefined) return next;
  return ERROR_RANK[next.error.kind] > ERROR_RANK[best.error.kind] ? next : best;
}

// Nothing usable issued the last certificate: a self-issued end is an untrusted root
function noIssuer(path: readonly Certificate[]): Failure {
  const index = path.length - 1;
  const cert = path[index]!;
  const error: PathError = isSelfIssued(cert)
    ? { ...place(path, index), kind: 'UntrustedRoot' }
    : { ...place(path, index), kind: 'UnknownIssuer', issuer: cert.issuer.text };
  return { ok: false, error, path };
}
