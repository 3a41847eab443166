/**
 * A PathError as a finding: the code from `ERROR_CODES`, the location of the certificate it
 * concerns, and its context flattened into plain args for the report layer (which words it).
 */

import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import { certLabel, commonNameOf } from '../findings/labels.js';
import { ERROR_CODES, profileCodeOf } from '../findings/path-codes.js';
import { daysBetween, isoSeconds } from '../findings/time.js';
import type { FindingArgs } from '../findings/types.js';
import { ANY_POLICY } from '../pki/certificate-policies.js';
import type { PathError } from '../pki/errors.js';
import { policyFor } from '../pki/policy.js';
import type { PolicyName } from '../pki/types.js';
import type { Certificate } from '../x509/model.js';
import { oidName } from '../x509/oids.js';

/** What, besides the error, the args need. */
interface FindingContext {
  /** The candidate path the error concerns, leaf first. */
  readonly path: readonly Certificate[];
  readonly source: string;
  readonly at: Date;
  /** How the trust store is described (`Mozilla roots`, `the given roots`). */
  readonly trustStore: string;
  /** The kind of reference identity checked, if any. */
  readonly referenceType?: 'dns' | 'ip';
  /** The reference identity checked, if any (`www.example.com`, `192.0.2.1`). */
  readonly reference?: string;
  /** The policy the path was validated under. */
  readonly policy: PolicyName;
  /** The certificate policies the user accepts (user-initial-policy-set), when not anyPolicy. */
  readonly acceptedPolicies?: readonly string[];
}

type Args = Record<string, FindingArgs[string]>;

const named = (oid: string): string => oidName(oid) ?? oid;

/** The short label of the certificate at `index`, falling back to the error's subject text. */
function labelAt(ctx: FindingContext, index: number, fallback: string): string {
  const cert = ctx.path[index];
  return cert ? certLabel(cert) : `"${fallback}"`;
}

/** Node.js prints IP SANs as `IP Address:x` in its altnames list. */
function nodeAltnames(presented: readonly string[]): string {
  return presented.map((p) => p.replace(/^IP:/, 'IP Address:')).join(', ');
}

const leafCommonName = (leaf: Certificate | undefined): string | undefined => leaf && commonNameOf(leaf);

/** The args of a NAME_MISMATCH: reference, SANs, and the near miss flattened. */
function nameMismatchArgs(error: Extract<PathError, { kind: 'NameMismatch' }>, ctx: FindingContext): Args {
  const leaf = ctx.path[0];
  const hint = error.hint;
  const dnsNames = error.presented.filter((p) => p.startsWith('DNS:')).map((p) => p.slice(4));
  const ips = error.presented.filter((p) => p.startsWith('IP:')).map((p) => p.slice(3));
  const args: Args = {
    reference: error.reference,
    referenceType: ctx.referenceType ?? (/^[0-9.]+$|:/.test(error.reference) ? 'ip' : 'dns'),
    presented: error.presented,
    dnsNames,
    ips,
    altnames: nodeAltnames(error.presented),
    commonName: leafCommonName(leaf),
    ...(leaf ? { subject: certLabel(leaf) } : {}),
  };
  if (!hint) return args;
  args.hint = hint.kind;
  switch (hint.kind) {
    case 'NoSubjectAltName':
      return { ...args, commonNames: hint.commonNames, commonNameWouldMatch: hint.commonNameWouldMatch };
    case 'IpAddressInDnsName':
    case 'IpVersionMismatch':
      return { ...args, near: hint.presented };
    case 'MalformedSan':
      return { ...args, near: hint.presented, malformedReason: hint.error.reason };
    case 'WildcardDoesNotCoverApex':
      return { ...args, wildcard: hint.wildcard };
    case 'WildcardCoversOneLabel':
      return { ...args, wildcard: hint.wildcard, labels: hint.labels };
    default:
      return args;
  }
}

/**
 * A leaf without subjectAltName fails the web PKI profile before any name check; the args keep
 * what explains it as a name problem too (its CN, the reference), since that is what clients
 * that ignore the CN report.
 */
function missingSanArgs(error: Extract<PathError, { kind: 'InvalidExtension' }>, ctx: FindingContext): Args {
  if (error.certIndex !== 0 || error.extension !== 'subjectAltName' || !/missing/.test(error.reason))
    return {};
  return { missingSan: true, commonName: leafCommonName(ctx.path[0]), reference: ctx.reference };
}

type PlacedError = Exclude<PathError, { kind: 'NameMismatch' | 'BudgetExceeded' }>;

/** Args of the errors about building, signing and keys. */
function pathArgs(error: PlacedError, ctx: FindingContext): Args | undefined {
  const issuerLabel = labelAt(ctx, error.certIndex + 1, 'its issuer');
  switch (error.kind) {
    case 'UnknownIssuer':
      return { issuer: error.issuer, trustStore: ctx.trustStore, pathLength: ctx.path.length };
    case 'UntrustedRoot':
      return { trustStore: ctx.trustStore, pathLength: ctx.path.length };
    case 'PathTooLong':
      return { maxDepth: error.maxDepth };
    case 'BadSignature':
    case 'SignatureAlgorithmMismatch':
      return { issuerLabel, algorithm: ctx.path[error.certIndex]?.signatureAlgorithm.name };
    case 'UnsupportedSignatureAlgorithm':
    case 'WeakSignatureAlgorithm':
      return { issuerLabel, algorithm: error.algorithm };
    case 'WeakKey':
      return {
        key: error.key,
        isCa: error.certIndex > 0,
        policy: ctx.policy,
        minRsaBits: policyFor(ctx.policy).minRsaBits,
      };
    case 'PathLenExceeded':
      return { pathLenConstraint: error.pathLenConstraint };
    case 'NoValidPolicy':
      return {
        requiredBy:
          error.requiredBy === 'settings'
            ? '--require-explicit-policy'
            : `the policyConstraints of ${labelAt(ctx, error.requiredBy, 'a CA')}`,
        accepted:
          ctx.acceptedPolicies && !ctx.acceptedPolicies.includes(ANY_POLICY)
            ? ctx.acceptedPolicies.map(named).join(', ')
            : 'any policy',
        ...(error.emptiedAt === undefined
          ? {}
          : { emptiedBy: labelAt(ctx, error.emptiedAt, 'a certificate') }),
      };
    case 'InvalidPolicyMapping':
      return {
        issuerDomainPolicy: named(error.issuerDomainPolicy),
        subjectDomainPolicy: named(error.subjectDomainPolicy),
      };
    case 'NameConstraintViolation':
      return {
        name: error.name,
        constraint: error.constraint,
        constrainedBy: labelAt(ctx, error.constrainedBy, 'a CA'),
      };
    default:
      return undefined;
  }
}

/** Args of the errors about one certificate's own content and status. */
function certificateArgs(error: PlacedError, ctx: FindingContext): Args {
  switch (error.kind) {
    case 'CertExpired':
      return {
        notAfter: isoSeconds(error.notAfter),
        daysAgo: daysBetween(error.notAfter, error.time),
        time: isoSeconds(error.time),
      };
    case 'CertNotYetValid':
      return {
        notBefore: isoSeconds(error.notBefore),
        daysUntil: daysBetween(error.time, error.notBefore),
        time: isoSeconds(error.time),
      };
    case 'Revoked':
      return { revokedAt: error.revokedAt ? isoSeconds(error.revokedAt) : undefined, reason: error.reason };
    case 'InvalidCrl':
      return { crlIssuer: error.issuer, reason: error.reason };
    case 'RevocationUnknown':
      return { reason: error.reason };
    case 'RequiredEkuNotFound':
      return { required: named(error.required), present: error.present.map(named) };
    case 'KeyUsageNotAllowed':
      return { required: error.required };
    case 'UnknownCriticalExtension':
      return { oid: error.oid, extension: named(error.oid) };
    case 'InvalidExtension':
      return { extension: error.extension, reason: error.reason, ...missingSanArgs(error, ctx) };
    case 'InvalidCertificate':
      return { reason: error.reason };
    case 'IssuerNotCa':
      return {
        reason: 'it does not say it is a CA: basicConstraints cA=TRUE is missing (RFC 5280 §4.2.1.9)',
      };
    case 'IssuerNotCertSigner':
      return { reason: 'its keyUsage lacks keyCertSign (RFC 5280 §4.2.1.3)' };
    case 'CommonNameNotInSan':
      return { commonName: error.commonName, sans: error.sans };
    default:
      return {};
  }
}

/** The finding for a PathError, located on the certificate it concerns. */
export function findingForError(error: PathError, ctx: FindingContext): Finding {
  return findingFor(ERROR_CODES[error.kind], error, ctx);
}

/**
 * The warning for a rule of the issuance profile that a validated path breaks (`PATH_PROFILE_*`):
 * the same args as the error the stricter policy would raise, under a code that says clients
 * accept it.
 */
export function findingForProfileWarning(error: PathError, ctx: FindingContext): Finding {
  const finding = findingFor(profileCodeOf(error.kind), error, ctx);
  return { ...finding, args: { ...finding.args, policy: ctx.policy } };
}

function findingFor(code: FindingCode, error: PathError, ctx: FindingContext): Finding {
  if (error.kind === 'NameMismatch') {
    return createFinding(code, { source: ctx.source, certIndex: 0 }, nameMismatchArgs(error, ctx));
  }
  if (error.kind === 'BudgetExceeded') {
    return createFinding(code, { source: ctx.source }, { budget: error.budget, limit: error.limit });
  }
  const args: Args = {
    subject: labelAt(ctx, error.certIndex, error.certificate),
    certificate: error.certificate,
    certIndex: error.certIndex,
    ...(pathArgs(error, ctx) ?? certificateArgs(error, ctx)),
  };
  return createFinding(code, { source: ctx.source, certIndex: error.certIndex }, args);
}
