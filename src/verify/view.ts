/**
 * A verification as people and scripts read it: the JSON `details` of `certgate verify` (the
 * path with subjects and fingerprints, the steps, the client errors of the failure) and the
 * data the text flow is drawn from. Presentation only; the verdict comes from `src/verify/`.
 */

import type { ClientErrors } from '../clients/client-errors.js';
import { clientErrorsForFinding } from '../clients/client-errors-for-finding.js';
import { shortLabel } from '../findings/labels.js';
import { isSelfIssued } from '../x509/chain-order.js';
import { formatPublicKey } from '../x509/describe.js';
import type { Certificate } from '../x509/model.js';
import type { VerifyStep } from './steps.js';
import type { AnchorOrigin } from './trust-anchors.js';
import type { CertificateOrigin, VerifyResult } from './verify.js';

/** One certificate of the path. */
export interface VerifyPathEntry {
  /** 0 = the leaf. */
  readonly index: number;
  readonly role: 'leaf' | 'intermediate' | 'root' | 'trust anchor';
  /** A short name: the subject CN, else the whole subject. */
  readonly label: string;
  readonly subject: string;
  readonly issuer: string;
  readonly origin: CertificateOrigin;
  /** The file the certificate came from, when known. */
  readonly source?: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly publicKey: string;
  readonly signatureAlgorithm: string;
  readonly fingerprints: { readonly sha256: string };
}

/** The JSON `details` of a verify result. */
export interface VerifyDetails {
  readonly reference?: { readonly kind: 'dns' | 'ip'; readonly value: string };
  readonly matchedName?: string;
  readonly at: string;
  readonly policy: string;
  readonly purpose: string;
  readonly trust: {
    readonly store: 'mozilla' | 'custom';
    /** The NODE_EXTRA_CA_CERTS file added to the default store, when one was. */
    readonly extraCaCerts?: string;
    /** The files given with --roots and --add-roots (empty for library calls). */
    readonly roots: readonly string[];
    readonly addRoots: readonly string[];
  };
  /** The validated path (leaf to anchor), or on failure the candidate path as far as it got. */
  readonly path: readonly VerifyPathEntry[];
  readonly steps: readonly VerifyStep[];
  readonly failedStep?: VerifyStep;
  /** What OpenSSL, Node.js, curl, browsers, Java and Go say for the failure. */
  readonly clientErrors?: ClientErrors;
}

/** What the view needs beyond the result: where the inputs came from. */
export interface VerifyViewOptions {
  readonly roots?: readonly string[];
  readonly addRoots?: readonly string[];
  /** The file a certificate came from, by SHA-256 fingerprint. */
  readonly sourceOf?: (sha256: string) => string | undefined;
}

const ANCHORS = new Set<CertificateOrigin>([
  'mozilla',
  'node-extra',
  'roots',
  'add-roots',
] satisfies AnchorOrigin[]);

function roleOf(index: number, cert: Certificate, origin: CertificateOrigin): VerifyPathEntry['role'] {
  if (ANCHORS.has(origin)) return 'trust anchor';
  if (index === 0) return 'leaf';
  return isSelfIssued(cert) ? 'root' : 'intermediate';
}

function viewEntry(
  cert: Certificate,
  index: number,
  origin: CertificateOrigin,
  o: VerifyViewOptions,
): VerifyPathEntry {
  const source = o.sourceOf?.(cert.sha256Fingerprint);
  return {
    index,
    role: roleOf(index, cert, origin),
    label: shortLabel(cert),
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    origin,
    ...(source ? { source } : {}),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    publicKey: formatPublicKey(cert.publicKey),
    signatureAlgorithm: cert.signatureAlgorithm.name,
    fingerprints: { sha256: cert.sha256Fingerprint },
  };
}

/** The JSON details of a verification. */
export function viewVerifyResult(result: VerifyResult, options: VerifyViewOptions = {}): VerifyDetails {
  const path = (result.path ?? []).map((cert, i) =>
    viewEntry(cert, i, result.origins?.[i] ?? 'chain', options),
  );
  const failedStep = result.steps.find((s) => s.status === 'failed');
  const failing = failedStep && result.findings.find((f) => f.code === failedStep.code);
  const clientErrors = failing && clientErrorsForFinding(failing);
  return {
    ...(result.reference ? { reference: result.reference } : {}),
    ...(result.matchedName ? { matchedName: result.matchedName } : {}),
    at: result.at.toISOString(),
    policy: result.policy,
    purpose: result.purpose,
    trust: {
      store: result.trustStore,
      ...(result.extraCaCerts ? { extraCaCerts: result.extraCaCerts } : {}),
      roots: options.roots ?? [],
      addRoots: options.addRoots ?? [],
    },
    path,
    steps: result.steps,
    ...(failedStep ? { failedStep } : {}),
    ...(clientErrors ? { clientErrors } : {}),
  };
}
