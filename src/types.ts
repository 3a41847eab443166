/**
 * The data every certgate check produces and every formatter consumes. Rules detect and return
 * findings; the report layer (`src/report/`) turns them into words, and one function turns them
 * into an exit code.
 */

import type { FindingCode } from './report/catalog.js';

/** How bad a finding is. Maps 1:1 to SARIF levels. */
export type Severity = 'error' | 'warning' | 'note';

/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/**
 * Where in the input a finding points: the source (file path, `-` for stdin, `host:port`), a
 * path inside it (JSON path segments), and for chains the index of the certificate (0 = leaf).
 * `line`/`column` are 1-based and filled by sources that know positions (JSON, YAML).
 */
export interface Locator {
  readonly source: string;
  readonly path?: readonly (string | number)[];
  readonly certIndex?: number;
  readonly line?: number;
  readonly column?: number;
}

/** Arguments that fill a finding's message. Values are plain data so findings serialise to JSON. */
export type FindingArgs = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

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

/** A value or an error, for operations whose failure is data rather than an exception. */
export type Outcome<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };
