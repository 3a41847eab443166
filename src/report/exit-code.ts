/**
 * The exit code, computed in one place so every command means the same by it:
 * 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 bad usage or unreadable input;
 * 3 an operational failure (network, AWS API) that prevented a verdict; 130/143 a run stopped by
 * SIGINT/SIGTERM that still wrote what it finished.
 */

import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/types.js';

/** The `--fail-on` threshold: a severity, or `none` to never fail on findings. */
export type FailOn = Severity | 'none';

/** Accepted `--fail-on` values. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'none'];

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_OPERATIONAL = 3;

/** The signals that stop a long run (`probe`) and still let it write what it finished. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/**
 * The exit code of a run stopped by a signal: 128 + the signal's number (SIGINT 2, SIGTERM 15),
 * what a shell reports for a process the signal killed, so `$?`, `set -e` and CI runners read it
 * as interrupted. It is outside the 0-3 verdict codes on purpose: the report is incomplete, so
 * it is neither a pass (0), nor a verdict on findings (1), nor an input (2) or network (3) fault.
 */
export const SIGNAL_EXIT_CODES: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

const RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

/** Whether a finding's severity is at or above the threshold. */
export function isAtOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

/** Whether any finding reaches the threshold. */
export function hasFailingFinding(findings: Iterable<Finding>, failOn: FailOn): boolean {
  for (const f of findings) if (isAtOrAbove(f.severity, failOn)) return true;
  return false;
}

/** What happened in a run, as far as the exit code cares. */
export interface RunOutcome {
  readonly findings: Iterable<Finding>;
  readonly failOn: FailOn;
  /** Some input could not be read or decoded (exit 2 wins over findings: the verdict is partial). */
  readonly inputErrors?: number;
  /** A network or API failure prevented a verdict (exit 3). */
  readonly operationalErrors?: number;
}

/**
 * The process exit code for a run. Unreadable input (2) and operational failures (3) win over
 * findings, because a verdict that misses an input must never look like a pass or a plain fail.
 */
export function computeExitCode(outcome: RunOutcome): number {
  if ((outcome.inputErrors ?? 0) > 0) return EXIT_USAGE;
  if ((outcome.operationalErrors ?? 0) > 0) return EXIT_OPERATIONAL;
  return hasFailingFinding(outcome.findings, outcome.failOn) ? EXIT_FINDINGS : EXIT_OK;
}
