/**
 * The report: every result of a run with its findings worded, a verdict and a summary. This is the
 * JSON contract scripts rely on (`--format json`); the text formatter renders the same object.
 */

import type { Finding, Result, Subject, Verdict } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import type { Locator, Severity } from '../findings/types.js';
import { type FailOn, hasFailingFinding } from './exit-code.js';
import { describeFinding } from './messages.js';

/** A finding as it appears in the report: code, severity and words. */
export interface ReportFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly awsError?: string;
  readonly message: string;
  readonly fix?: string;
  readonly location: Locator;
  readonly args: Finding['args'];
}

export interface ReportResult {
  readonly subject: Subject;
  readonly verdict: Verdict;
  readonly findings: readonly ReportFinding[];
  readonly details?: unknown;
}

/** The JSON report contract (`--format json`). */
export interface Report {
  readonly tool: 'certgate';
  readonly version: string;
  readonly command: string;
  readonly verdict: Verdict;
  readonly results: readonly ReportResult[];
  /** The inputs that could not be read, each with a one-line message naming it. */
  readonly errors: readonly UnreadableInput[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly notes: number };
}

/** Words a finding for the report. */
export function toReportFinding(finding: Finding): ReportFinding {
  const { message, fix } = describeFinding(finding);
  return {
    code: finding.code,
    severity: finding.severity,
    ...(finding.awsError ? { awsError: finding.awsError } : {}),
    message,
    ...(fix ? { fix } : {}),
    location: finding.location,
    args: finding.args,
  };
}

/**
 * Builds the report. A result fails when it has a finding at or above `failOn`; the report fails
 * when any result fails or any input could not be read.
 */
export function buildReport(options: {
  command: string;
  version: string;
  results: readonly Result[];
  failOn: FailOn;
  errors?: readonly UnreadableInput[];
}): Report {
  const summary = { errors: 0, warnings: 0, notes: 0 };
  const results = options.results.map((r): ReportResult => {
    for (const f of r.findings) summary[`${f.severity}s`]++;
    return {
      subject: r.subject,
      verdict: hasFailingFinding(r.findings, options.failOn) ? 'fail' : 'pass',
      findings: r.findings.map(toReportFinding),
      ...(r.details !== undefined ? { details: r.details } : {}),
    };
  });
  const errors = options.errors ?? [];
  const failed = errors.length > 0 || results.some((r) => r.verdict === 'fail');
  return {
    tool: 'certgate',
    version: options.version,
    command: options.command,
    verdict: failed ? 'fail' : 'pass',
    results,
    errors,
    summary,
  };
}
