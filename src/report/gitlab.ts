/**
 * The GitLab Code Quality formatter (`--format gitlab`, `--gitlab FILE`): a JSON array of issues,
 * one per finding and one per input that could not be read, for `artifacts:reports:codequality`.
 * GitLab shows them in the merge request widget and on the diff, and compares them with the
 * target branch's by `fingerprint`, so it is the shared recipe of `findings/fingerprint.ts`:
 * the same finding keeps its fingerprint when lines move or its wording changes.
 *
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */

import { type FingerprintRoot, findingFingerprint } from '../findings/fingerprint.js';
import type { Report, ReportFinding, ReportResult } from './report.js';
import { annotationPlace, repositoryPath, workingDirectoryRoot } from './repository-path.js';

export interface GitlabOptions {
  /** The repository root and working directory paths are made relative to (default: the working directory). */
  readonly root?: FingerprintRoot;
}

/** GitLab's severities, least to most severe (`blocker` is not used). */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One Code Quality issue: the fields GitLab requires, nothing else. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: CodeQualitySeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** The code an input that could not be read is reported under, as in the JUnit report. */
export const UNREADABLE_CHECK_NAME = 'INPUT_UNREADABLE';

/**
 * An error is `major`, and `critical` when it predicts an AWS error (CloudFront would reject the
 * deploy); an input that could not be read is `critical` too, as its verdict is unknown.
 * Warnings are `minor`, notes `info`.
 */
export function codeQualitySeverity(f: Pick<ReportFinding, 'severity' | 'awsError'>): CodeQualitySeverity {
  if (f.severity === 'error') return f.awsError ? 'critical' : 'major';
  return f.severity === 'warning' ? 'minor' : 'info';
}

/** A path GitLab can link: repository-relative, or the source's own name when it is no file. */
function pathOf(source: string, where: FingerprintRoot): string {
  return repositoryPath(source, where) ?? (source === '-' ? '<stdin>' : source);
}

function issueOf(f: ReportFinding, r: ReportResult, where: FingerprintRoot): CodeQualityIssue {
  const place = annotationPlace(f.location);
  const aws = f.awsError ? `[${f.awsError}] ` : '';
  return {
    description: `${aws}${f.message}${f.fix ? `. Fix: ${f.fix}` : ''}`,
    check_name: f.code,
    fingerprint: findingFingerprint({ code: f.code, location: f.location, subject: r.subject }, where),
    severity: codeQualitySeverity(f),
    // GitLab requires a line; a finding without one (a JSON path only) is put on the first
    location: { path: pathOf(place.source, where), lines: { begin: place.line ?? 1 } },
  };
}

/** The Code Quality issues of a report: unreadable inputs first, then findings in report order. */
export function toCodeQuality(report: Report, options: GitlabOptions = {}): CodeQualityIssue[] {
  const where = options.root ?? workingDirectoryRoot();
  const unreadable = report.errors.map(
    (e): CodeQualityIssue => ({
      description: e.message,
      check_name: UNREADABLE_CHECK_NAME,
      fingerprint: findingFingerprint({ code: UNREADABLE_CHECK_NAME, location: { source: e.source } }, where),
      severity: 'critical',
      location: { path: pathOf(e.source, where), lines: { begin: 1 } },
    }),
  );
  // suppressed findings (config, inline ignore, baseline) are accepted: not an open issue
  const open = (r: ReportResult) => r.findings.filter((f) => f.suppression === undefined);
  return [...unreadable, ...report.results.flatMap((r) => open(r).map((f) => issueOf(f, r, where)))];
}

/** Serialises a report as a GitLab Code Quality report (two-space indent, trailing newline). */
export function formatGitlab(report: Report, options: GitlabOptions = {}): string {
  return `${JSON.stringify(toCodeQuality(report, options), null, 2)}\n`;
}
