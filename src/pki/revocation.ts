/**
 * Revocation against the CRLs the caller gives (RFC 5280 §6.3): for each certificate in scope
 * (every one below the anchor, or the leaf only), the CRLs that speak for it (crl-scope.ts) are
 * used until together they cover every reason, or one says it is revoked. A CRL is used when it
 * is current, its critical extensions are understood, and its signer validates to the same
 * trust anchor as the path (§6.3.3 (f)): the certificate's issuer, another key of the same CA,
 * or for an indirect CRL another CA. Delta CRLs update the complete CRL they name (§5.2.4).
 *
 * A certificate no usable CRL fully covers has an unknown status, and fails: `InvalidCrl` when a
 * CRL meant for it could not be used (it says why), `RevocationUnknown` otherwise. Nothing is
 * ever downloaded.
 */

import type { CertificateRevocationList, RevokedCertificate } from '../x509/crl.js';
import { CRL_OID } from '../x509/crl.js';
import type { Certificate } from '../x509/model.js';
import { OID } from '../x509/oids.js';
import type { Budget } from './budget.js';
import { ALL_REASONS, entryFor, type Point, pointsOf, reasonNames, scopeOf } from './crl-scope.js';
import { inheritsParameters, workingParameters } from './dsa-parameters.js';
import type { ErrorPlace, PathError } from './errors.js';
import type { Policy } from './policy.js';
import { checkSignature } from './signature.js';
import type { CrlCheck } from './types.js';

/** CRL extensions certgate understands (RFC 5280 §5.2). */
const KNOWN_CRL_EXTENSIONS = new Set<string>([
  OID.authorityKeyIdentifier,
  OID.issuerAltName,
  OID.authorityInfoAccess,
  OID.freshestCRL,
  CRL_OID.cRLNumber,
  CRL_OID.deltaCRLIndicator,
  CRL_OID.issuingDistributionPoint,
]);

/** CRL entry extensions certgate understands (RFC 5280 §5.3). */
const KNOWN_ENTRY_EXTENSIONS = new Set<string>([
  CRL_OID.reasonCode,
  CRL_OID.invalidityDate,
  CRL_OID.certificateIssuer,
]);

/** What revocation checking needs from the path validation around it. */
export interface RevocationContext {
  readonly crls: readonly CertificateRevocationList[];
  readonly scope: CrlCheck;
  readonly at: Date;
  readonly policy: Policy;
  readonly budget: Budget;
  /** The certificates named `crl.issuer` that could have signed it (anchors first). */
  readonly signerCandidates: (crl: CertificateRevocationList) => readonly Certificate[];
  /**
   * Validates a path from a CRL signer that is not in the certificate's path up to `anchor`,
   * revocation included (§6.3.3 (f)); undefined when it validates.
   */
  readonly validateSigner: (signer: Certificate, anchor: Certificate) => PathError | undefined;
}

/**
 * Checks the certificates in scope of a built path (leaf first, anchor last). Returns `Revoked`,
 * `InvalidCrl` or `RevocationUnknown` for the first certificate that fails, or undefined.
 */
export function checkRevocation(path: readonly Certificate[], ctx: RevocationContext): PathError | undefined {
  if (ctx.crls.length === 0) return undefined;
  const end = ctx.scope === 'leaf' ? Math.min(1, path.length - 1) : path.length - 1;
  for (let i = 0; i < end; i++) {
    const error = statusOf(path, i, ctx);
    if (error) return error;
  }
  return undefined;
}

/** Why the CRLs that named the certificate's issuer did not settle its status. */
interface Notes {
  /** A CRL meant for the certificate that cannot be used: the reason, and the CRL issuer. */
  unusable?: { readonly issuer: string; readonly reason: string };
  /** A CRL from the right issuer whose scope leaves the certificate out. */
  outOfScope?: string;
  /** Only delta CRLs, with no complete CRL they update. */
  onlyDeltas?: boolean;
}

/** RFC 5280 §6.3.3 for the certificate at `index`: the loop over points and CRLs. */
function statusOf(
  path: readonly Certificate[],
  index: number,
  ctx: RevocationContext,
): PathError | undefined {
  const cert = path[index]!;
  const place: ErrorPlace = { certIndex: index, certificate: cert.subject.text };
  const notes: Notes = {};
  let covered = 0;
  for (const point of pointsOf(cert)) {
    for (const crl of ctx.crls) {
      if (covered === ALL_REASONS) break;
      const use = useCrl(crl, cert, point, covered, path, index, ctx, notes);
      if (use === undefined) continue;
      if ('error' in use) return use.error;
      // (i)-(k): the delta CRL's entry wins; removeFromCRL there lifts a hold in the complete one
      const entry = (use.delta && entryFor(use.delta, cert)) ?? entryFor(crl, cert);
      if (entry && entry.reason !== 'removeFromCRL') return revoked(place, entry);
      covered |= use.covers;
    }
  }
  if (covered === ALL_REASONS) return undefined;
  if (notes.unusable) return { ...place, kind: 'InvalidCrl', ...notes.unusable };
  return { ...place, kind: 'RevocationUnknown', reason: unknownReason(cert, covered, notes) };
}

function revoked(place: ErrorPlace, entry: RevokedCertificate): PathError {
  return {
    ...place,
    kind: 'Revoked',
    revokedAt: entry.revocationDate,
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
}

function unknownReason(cert: Certificate, covered: number, notes: Notes): string {
  if (covered !== 0)
    return `the CRLs given cover only some revocation reasons (${reasonNames(covered).join(', ')})`;
  if (notes.outOfScope) return `the CRL from "${cert.issuer.text}" does not cover it: ${notes.outOfScope}`;
  if (notes.onlyDeltas)
    return `only a delta CRL from "${cert.issuer.text}" was given, without the complete CRL it updates`;
  return `no CRL from "${cert.issuer.text}" was given`;
}

type Use =
  | { readonly covers: number; readonly delta?: CertificateRevocationList }
  | { readonly error: PathError };

/**
 * One complete CRL for one point (§6.3.3 (a)-(h)): its scope, what it adds to the reasons
 * covered, its own fields, its signer, and the newest delta CRL that updates it. Undefined when
 * it is not used (the reason goes into `notes`); an error only when the budget runs out.
 */
function useCrl(
  crl: CertificateRevocationList,
  cert: Certificate,
  point: Point,
  covered: number,
  path: readonly Certificate[],
  index: number,
  ctx: RevocationContext,
  notes: Notes,
): Use | undefined {
  const scope = scopeOf(crl, cert, point);
  if ('unrelated' in scope) return undefined;
  if (crl.deltaBase !== undefined) {
    notes.onlyDeltas = true;
    return undefined;
  }
  if ('outOfScope' in scope) {
    notes.outOfScope ??= scope.outOfScope;
    return undefined;
  }
  // (e): a CRL that adds no reason is not needed
  if ((scope.covers & ~covered) === 0) return undefined;
  const unusable = (reason: string): undefined => {
    notes.unusable ??= { issuer: crl.issuer.text, reason };
    return undefined;
  };
  const fields = crlFieldProblem(crl, ctx.at);
  if (fields) return unusable(fields);
  const signer = findSigner(crl, path, index, ctx);
  if ('error' in signer) return signer;
  if ('problem' in signer) return unusable(signer.problem);
  const delta = newestDelta(crl, signer.cert, ctx);
  if (delta && 'error' in delta) return delta;
  return { covers: scope.covers, ...(delta ? { delta: delta.crl } : {}) };
}

type Signer = { readonly cert: Certificate } | { readonly problem: string } | { readonly error: PathError };

/**
 * §6.3.3 (f)-(g): the certificate whose key signed the CRL, with cRLSign if it has keyUsage,
 * and a valid path to the anchor of the certificate's own path. The certificate's issuer comes
 * first: its path is the rest of this one, already validated.
 */
function findSigner(
  crl: CertificateRevocationList,
  path: readonly Certificate[],
  index: number,
  ctx: RevocationContext,
): Signer {
  const issuer = path[index + 1]!;
  const anchor = path[path.length - 1]!;
  const candidates = [issuer, ...ctx.signerCandidates(crl).filter((c) => c !== issuer)];
  let problem: string | undefined;
  for (const candidate of candidates) {
    if (candidate.subject.key !== crl.issuer.key) continue;
    const ku = candidate.extension('keyUsage');
    if (ku && !ku.usages.includes('cRLSign')) {
      problem ??= "the issuer's keyUsage lacks cRLSign (RFC 5280 §6.3.3 (f))";
      continue;
    }
    const spent = ctx.budget.spendSignature();
    if (spent) return { error: spent };
    // a DSA key in the path that inherits its parameters gets them from the path (an off-path
    // signer's are not known before its own path is built, so its signature does not verify)
    const at = path.indexOf(candidate);
    const inherited = at >= 0 && inheritsParameters(candidate) ? workingParameters(path, at) : undefined;
    const signature = checkSignature(crl, candidate, ctx.policy, inherited);
    if (signature) {
      problem ??=
        signature.kind === 'BadSignature'
          ? "the crl signature does not verify with the issuer's key (RFC 5280 §6.3.3 (g))"
          : `the crl is signed with ${signature.algorithm}, which the policy does not allow`;
      continue;
    }
    // the issuer and the anchor are validated by this path; so is the certificate itself, when a
    // CRL signer's certificate is covered by a CRL it signed (PKITS 4.14.30)
    if (candidate === issuer || candidate === anchor || candidate === path[index]) return { cert: candidate };
    const invalid = ctx.validateSigner(candidate, anchor);
    if (invalid === undefined) return { cert: candidate };
    if (invalid.kind === 'BudgetExceeded') return { error: invalid };
    // the signer's own path failed: a revoked CRL signer is the most telling of these
    problem = `the certificate that signed the crl (${candidate.subject.text}) does not validate to the same trust anchor: ${describeSignerError(invalid)} (RFC 5280 §6.3.3 (f))`;
  }
  return { problem: problem ?? 'no certificate of the crl issuer was given to verify its signature' };
}

function describeSignerError(error: PathError): string {
  switch (error.kind) {
    case 'Revoked':
      return `${error.certIndex === 0 ? 'it is' : `${error.certificate} is`} revoked`;
    case 'RevocationUnknown':
    case 'InvalidCrl':
      return `its revocation status is unknown (${error.reason})`;
    default:
      return error.kind;
  }
}

/**
 * §6.3.3 (c), (h) and §5.2.4: the newest current delta CRL for `complete`, from the same
 * issuer and key, with the same scope, whose BaseCRLNumber the complete CRL reaches, signed by
 * the same signer.
 */
function newestDelta(
  complete: CertificateRevocationList,
  signer: Certificate,
  ctx: RevocationContext,
): { readonly crl: CertificateRevocationList } | { readonly error: PathError } | undefined {
  if (complete.crlNumber === undefined) return undefined;
  let best: CertificateRevocationList | undefined;
  for (const delta of ctx.crls) {
    if (delta.deltaBase === undefined || delta.issuer.key !== complete.issuer.key) continue;
    if (!sameBytes(delta.issuingDistributionPoint?.der, complete.issuingDistributionPoint?.der)) continue;
    if (!sameBytes(keyIdOf(delta), keyIdOf(complete))) continue;
    if (delta.deltaBase > complete.crlNumber) continue;
    if (delta.crlNumber === undefined || delta.crlNumber <= complete.crlNumber) continue;
    if (best?.crlNumber !== undefined && delta.crlNumber <= best.crlNumber) continue;
    if (crlFieldProblem(delta, ctx.at)) continue;
    const spent = ctx.budget.spendSignature();
    if (spent) return { error: spent };
    if (checkSignature(delta, signer, ctx.policy)) continue;
    best = delta;
  }
  return best ? { crl: best } : undefined;
}

/** The key identifier in a CRL's authorityKeyIdentifier, when it has one. */
export function keyIdOf(crl: CertificateRevocationList): Uint8Array | undefined {
  const aki = crl.extensions.find((e) => e.kind === 'authorityKeyIdentifier');
  return aki?.kind === 'authorityKeyIdentifier' ? aki.keyIdentifier : undefined;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

/** Why a CRL's own fields make it unusable at `at`, or undefined. */
function crlFieldProblem(crl: CertificateRevocationList, at: Date): string | undefined {
  // RFC 5280 §5.1.2.4 / §5.1.2.5 and §6.3.3 (a)
  if (at.getTime() < crl.thisUpdate.getTime()) return "the crl's thisUpdate is after the validation time";
  if (crl.nextUpdate && at.getTime() > crl.nextUpdate.getTime()) {
    return 'the crl is out of date: its nextUpdate is before the validation time';
  }
  // RFC 5280 §5.2.3: conforming CRL issuers MUST include cRLNumber and mark it non-critical
  const number = crl.extensions.find((e) => e.oid === CRL_OID.cRLNumber);
  if (number === undefined) return 'the crl has no cRLNumber (RFC 5280 §5.2.3)';
  if (number.critical) return "the crl's cRLNumber is critical (RFC 5280 §5.2.3)";
  // RFC 5280 §5.2.4: deltaCRLIndicator MUST be critical
  const delta = crl.extensions.find((e) => e.oid === CRL_OID.deltaCRLIndicator);
  if (delta && !delta.critical) return "the crl's deltaCRLIndicator is not critical (RFC 5280 §5.2.4)";
  for (const ext of crl.extensions) {
    if (ext.critical && !KNOWN_CRL_EXTENSIONS.has(ext.oid)) {
      return `the crl has an unsupported critical extension ${ext.oid}`;
    }
  }
  for (const entry of crl.revoked) {
    for (const ext of entry.extensions) {
      if (ext.critical && !KNOWN_ENTRY_EXTENSIONS.has(ext.oid)) {
        return `a crl entry has an unsupported critical extension ${ext.oid}`;
      }
    }
  }
  return undefined;
}
