/**
 * When a probe run is a verdict (exit 0 or 1) and when it is an operational failure (exit 3).
 *
 * One unreachable target is a finding on that target: the edge is broken for that name. But when
 * no probed target answered at all (every name failed to resolve, every address was unreachable
 * or dropped the connection attempt), the run says nothing about the edge: most likely this
 * machine has no DNS or no route (a CI runner without egress, a VPN down). That is exit 3, the
 * operational failure that prevented a verdict; the findings are still reported. A refusal, a
 * reset, an alert or a non-TLS answer came from the other side, so they are verdicts (exit 1).
 */

import { computeExitCode, type FailOn } from '../report/exit-code.js';
import type { ProbeResult } from './types.js';

/** Whether nothing answered for this result: DNS failed, the address was unreachable, or the connection attempt timed out. */
export function isUnanswered(result: ProbeResult): boolean {
  const failure = result.details.failure;
  if (failure === undefined) return false;
  if (failure.kind === 'dns' || failure.kind === 'unreachable') return true;
  return failure.kind === 'timeout' && failure.phase === 'connect';
}

/**
 * The exit code of a probe run: 3 when at least one target was probed and none answered, else
 * 0/1 by `failOn` (2 for unreadable inputs, counted by the caller).
 */
export function probeExitCode(results: readonly ProbeResult[], failOn: FailOn, inputErrors = 0): number {
  const probed = results.filter((r) => r.details.handshake !== 'skipped');
  const operational = probed.length > 0 && probed.every(isUnanswered) ? 1 : 0;
  return computeExitCode({
    findings: results.flatMap((r) => r.findings),
    failOn,
    inputErrors,
    operationalErrors: operational,
  });
}
