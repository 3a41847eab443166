/**
 * The verification flow as data: which steps ran, which one failed, which were never reached.
 * Derived from the engine's outcome alone (the error's kind names the step, its `certIndex` the
 * certificate), replaying the order in which `src/pki/` works (RFC 4158 path building with the
 * RFC 5280 §6.1 checks done on each edge, as rustls-webpki and Go do):
 *
 * 1. each certificate from the leaf up: its own checks (validity, profile, key, CA-ness and
 *    purposes, RFC 5280 §6.1.3 (a)(2), §6.1.4 (k)-(o)); then, once an issuer is found, the
 *    signature on it (§6.1.3 (a)(1)), the issuer's own checks, its pathLenConstraint (§6.1.4 (l))
 *    and its name constraints over the certificates below (§6.1.3 (b), (c));
 * 2. `path`: a trust anchor was reached;
 * 3. revocation of each certificate below the anchor (§6.1.3 (a)(3)), with the CRLs given;
 * 4. `policy`, only when the engine reports a policy failure (§6.1.5 (g));
 * 5. `name`: the server-name check (RFC 6125 / RFC 9525), after the path validates.
 *
 * Every step before the failing one in that order passed, every step after it was not reached.
 * Two steps can be `skipped` instead: revocation without CRLs, and the name check without a
 * host or IP. `steps` lists them for display: `path` first, then each certificate (leaf first)
 * with its checks, then `policy` and `name`.
 */

import type { FindingCode } from '../findings/catalog.js';
import { ERROR_CODES } from '../findings/path-codes.js';
import type { PathError, PathErrorKind } from '../pki/errors.js';

/** A step of the verification flow. */
export type VerifyStepName =
  | 'path'
  | 'validity'
  | 'profile'
  | 'key'
  | 'basic-constraints'
  | 'key-usage'
  | 'extended-key-usage'
  | 'signature'
  | 'path-length'
  | 'name-constraints'
  | 'revocation'
  | 'policy'
  | 'name';

/** What happened to a step. */
export type VerifyStepStatus = 'ok' | 'failed' | 'not-reached' | 'skipped';

/** One step: per-certificate steps carry the certificate's index in the path (0 = leaf). */
export interface VerifyStep {
  readonly step: VerifyStepName;
  readonly status: VerifyStepStatus;
  readonly certIndex?: number;
  /** The finding code of a failed step. */
  readonly code?: FindingCode;
}

/** The step each PathError kind fails. */
export const STEP_OF_KIND: Readonly<Record<PathErrorKind, VerifyStepName>> = {
  UnknownIssuer: 'path',
  UntrustedRoot: 'path',
  PathTooLong: 'path',
  BudgetExceeded: 'path',
  CertExpired: 'validity',
  CertNotYetValid: 'validity',
  InvalidCertificate: 'profile',
  CommonNameNotInSan: 'profile',
  InvalidExtension: 'profile',
  UnknownCriticalExtension: 'profile',
  SignatureAlgorithmMismatch: 'profile',
  WeakKey: 'key',
  IssuerNotCa: 'basic-constraints',
  CaUsedAsEndEntity: 'basic-constraints',
  IssuerNotCertSigner: 'key-usage',
  KeyUsageNotAllowed: 'key-usage',
  RequiredEkuNotFound: 'extended-key-usage',
  BadSignature: 'signature',
  UnsupportedSignatureAlgorithm: 'signature',
  WeakSignatureAlgorithm: 'signature',
  PathLenExceeded: 'path-length',
  NameConstraintViolation: 'name-constraints',
  Revoked: 'revocation',
  InvalidCrl: 'revocation',
  RevocationUnknown: 'revocation',
  NoValidPolicy: 'policy',
  InvalidPolicyMapping: 'policy',
  NameMismatch: 'name',
};

/** What the steps are derived from. */
export interface StepInput {
  /** Length of the (candidate) path, leaf first. */
  readonly pathLength: number;
  /** Whether the path's last certificate is a trust anchor. */
  readonly anchored: boolean;
  readonly error?: PathError;
  /** Which certificates' revocation was checked: none (no CRLs), the leaf, or all below the anchor. */
  readonly revocation: 'none' | 'leaf' | 'all';
  /** A host or IP was given, so the name was checked. */
  readonly nameChecked: boolean;
}

interface Failure {
  readonly step: VerifyStepName;
  readonly certIndex?: number;
  /** For a name-constraint failure, the CA whose constraints were being checked. */
  readonly checkedAt?: number;
  readonly code: FindingCode;
}

const PATH_LEVEL = new Set<VerifyStepName>(['path', 'policy', 'name']);

function failureOf(error: PathError | undefined): Failure | undefined {
  if (!error) return undefined;
  const step = STEP_OF_KIND[error.kind] ?? 'profile';
  const code = ERROR_CODES[error.kind] ?? 'PATH_INVALID_CERTIFICATE';
  if (PATH_LEVEL.has(step) || !('certIndex' in error))
    return { step: PATH_LEVEL.has(step) ? step : 'path', code };
  const checkedAt = error.kind === 'NameConstraintViolation' ? error.constrainedBy : undefined;
  return { step, code, certIndex: error.certIndex, ...(checkedAt === undefined ? {} : { checkedAt }) };
}

type Slot = readonly [step: VerifyStepName, certIndex?: number];

/** A certificate's own checks, in the engine's order (purposes differ for leaf and CA). */
function ownChecks(index: number): VerifyStepName[] {
  const purposes: VerifyStepName[] =
    index === 0 ? ['extended-key-usage', 'key-usage'] : ['key-usage', 'extended-key-usage'];
  return ['validity', 'profile', 'key', 'basic-constraints', ...purposes];
}

/** Every step in the order the engine runs them (see the module comment). */
function runOrder(count: number, anchor: number, failure: Failure | undefined): Slot[] {
  const order: Slot[] = [];
  const checkedAt = (j: number) =>
    failure?.step === 'name-constraints' && failure.certIndex === j ? (failure.checkedAt ?? j + 1) : j + 1;
  for (let i = 0; i < count; i++) {
    if (i > 0) order.push(['signature', i - 1]);
    for (const step of ownChecks(i)) order.push([step, i]);
    if (i > 0) order.push(['path-length', i]);
    for (let j = 0; j < i; j++) if (checkedAt(j) === i) order.push(['name-constraints', j]);
  }
  order.push(['path'], ['policy']);
  for (let j = 0; j < count; j++) if (j !== anchor) order.push(['revocation', j]);
  order.push(['name']);
  return order;
}

/**
 * The steps shown for each certificate, leaf first; the anchor is trusted, not signed or revoked.
 * The policy step shows only when it failed: most paths assert no policy that could fail.
 */
function displayOrder(count: number, anchor: number, failure: Failure | undefined): Slot[] {
  const slots: Slot[] = [['path']];
  for (let i = 0; i < count; i++) {
    for (const step of ownChecks(i)) slots.push([step, i]);
    if (i > 0) slots.push(['path-length', i]);
    if (i === anchor) continue;
    slots.push(['signature', i], ['name-constraints', i], ['revocation', i]);
  }
  if (failure?.step === 'policy') slots.push(['policy']);
  slots.push(['name']);
  return slots;
}

const slotKey = ([step, certIndex]: Slot): string => `${step}@${certIndex ?? ''}`;

/**
 * The steps of passing verifications, by shape: every pass of the same path length, revocation
 * scope and name check has the same steps, so they are made once and shared (frozen).
 */
const passingSteps = new Map<string, readonly VerifyStep[]>();

/** Derives the steps of the flow from the engine's outcome (see the module comment). */
export function deriveSteps(input: StepInput): readonly VerifyStep[] {
  if (input.error !== undefined) return stepsOf(input);
  const key = `${input.pathLength}|${input.anchored}|${input.revocation}|${input.nameChecked}`;
  let steps = passingSteps.get(key);
  if (steps === undefined) {
    steps = Object.freeze(stepsOf(input).map((s) => Object.freeze(s)));
    // path length, anchored, revocation and name: a few dozen shapes at most
    passingSteps.set(key, steps);
  }
  return steps;
}

function stepsOf(input: StepInput): VerifyStep[] {
  const failure = failureOf(input.error);
  const count = Math.max(input.pathLength, (failure?.certIndex ?? -1) + 1, (failure?.checkedAt ?? -1) + 1);
  const anchor = input.anchored ? input.pathLength - 1 : -1;
  const failedKey = failure ? slotKey([failure.step, failure.certIndex]) : undefined;
  const ran = new Set<string>();
  for (const slot of runOrder(count, anchor, failure)) {
    const key = slotKey(slot);
    if (key === failedKey) break;
    ran.add(key);
  }
  const steps: VerifyStep[] = [];
  for (const slot of displayOrder(count, anchor, failure)) {
    const [step, certIndex] = slot;
    const key = slotKey(slot);
    const skipped =
      (step === 'revocation' && !revocationRan(input, certIndex)) || (step === 'name' && !input.nameChecked);
    const status = key === failedKey ? 'failed' : skipped ? 'skipped' : ran.has(key) ? 'ok' : 'not-reached';
    steps.push({
      step,
      status,
      ...(certIndex === undefined ? {} : { certIndex }),
      ...(status === 'failed' && failure ? { code: failure.code } : {}),
    });
  }
  return steps;
}

function revocationRan(input: StepInput, certIndex: number | undefined): boolean {
  return input.revocation === 'all' || (input.revocation === 'leaf' && certIndex === 0);
}

/** The step that failed, if any. */
export function failedStep(steps: readonly VerifyStep[]): VerifyStep | undefined {
  return steps.find((s) => s.status === 'failed');
}
