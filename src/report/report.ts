/**
 * The report: every result of a run with its findings worded, a verdict and a summary. This is the
 * JSON contract scripts rely on (`--format json`); the text formatter renders the same object.
 */

import type { Finding, Result, Subject, Verdict } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import type { Locator, Severity, Suppression } from '../findings/types.js';
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
  /** Why it does not count toward the verdict (an ignore or a baseline entry accepts it). */
  readonly suppression?: Suppression;
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
  /** Counts of the findings the verdict rests on; `suppressed` (when any) counts the accepted ones apart. */
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly notes: number;
    readonly suppressed?: number;
  };
  /** With `--baseline`: the file, and how many of its entries matched no finding of the run. */
  readonly baseline?: { readonly file: string; readonly unmatched: number };
  /** When the run started, ISO 8601 in UTC (`2026-12-03T11:00:00.000Z`); set by the CLI, for JUnit's `timestamp`. */
  readonly startedAt?: string;
  /** How long the run took, in milliseconds; set by the CLI, for JUnit's `time`. */
  readonly durationMs?: number;
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
    ...(finding.suppression ? { suppression: finding.suppression } : {}),
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
  baseline?: Report['baseline'];
  /** When the run started and how long it took (the CLI measures them; library callers may omit them). */
  startedAt?: Date;
  durationMs?: number;
}): Report {
  const summary = { errors: 0, warnings: 0, notes: 0 };
  let suppressed = 0;
  const results = options.results.map((r): ReportResult => {
    // a suppressed finding is reported, but the verdict and the counts rest on the others
    const counted = r.findings.filter((f) => f.suppression === undefined);
    suppressed += r.findings.length - counted.length;
    for (const f of counted) summary[`${f.severity}s`]++;
    return {
      subject: r.subject,
      verdict: hasFailingFinding(counted, options.failOn) ? 'fail' : 'pass',
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
    summary: suppressed > 0 ? { ...summary, suppressed } : summary,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    ...(options.startedAt ? { startedAt: options.startedAt.toISOString() } : {}),
    ...(options.durationMs !== undefined ? { durationMs: options.durationMs } : {}),
  };
}
