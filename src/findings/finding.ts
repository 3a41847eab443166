/**
 * The data every certgate check produces and every formatter consumes. Rules detect and return
 * findings; the report layer (`src/report/`) turns them into words, and one function turns them
 * into an exit code.
 */

import { CATALOG, type FindingCode } from './catalog.js';
import type { FindingArgs, Locator, Severity, Suppression } from './types.js';

/** One thing a check found. Wording lives in `report/messages.ts`, never in the rule. */
export interface Finding {
  /** Stable SCREAMING_SNAKE id with a domain prefix (`CERT_`, `PATH_`, `NAME_`, `CF_`, `TLS_`). */
  readonly code: FindingCode;
  /** Severity after policy (`--fail-on` does not change it; it only decides the exit code). */
  readonly severity: Severity;
  /** The error code CloudFront would return, where there is one (e.g. `InvalidViewerCertificate`). */
  readonly awsError?: string;
  readonly location: Locator;
  readonly args: FindingArgs;
  /** Set when an ignore or a baseline accepts the finding: reported, not counted toward the verdict. */
  readonly suppression?: Suppression;
}

/** What a result is about. */
export interface Subject {
  /** `certificate`, `chain`, `distribution`, `endpoint`, ... */
  readonly kind: string;
  /** Identifier within its kind: a fingerprint, a distribution id, `host:port`. */
  readonly id: string;
  /** The input the subject came from. */
  readonly source: string;
}

/** Pass or fail, per result and per report. */
export type Verdict = 'pass' | 'fail';

/** One subject's outcome: its findings, plus command-specific details for the JSON report. */
export interface Result<D = unknown> {
  readonly subject: Subject;
  readonly findings: readonly Finding[];
  /** Command-specific data (the decoded certificate for `inspect`). Serialised under `details`. */
  readonly details?: D;
}

/** Builds a finding with the catalog's default severity unless one is given. */
export function createFinding(
  code: FindingCode,
  location: Locator,
  args: FindingArgs = {},
  extra: { severity?: Severity; awsError?: string } = {},
): Finding {
  return {
    code,
    severity: extra.severity ?? CATALOG[code].severity,
    location,
    args,
    ...(extra.awsError ? { awsError: extra.awsError } : {}),
  };
}
