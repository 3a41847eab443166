/**
 * Results for what was not probed: a target that cannot be parsed (an argument, a `--targets`
 * line), and the targets a stopped run did not finish. Each is a result of its own, with a
 * finding that says why, so a report never drops a target the user named.
 */

import { createFinding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { ProbeDetails, ProbeResult } from './types.js';

/**
 * Characters of a bad target quoted in its result. A target is a host name (at most 253
 * characters) with a port, or an https:// URL; anything longer is not one, and a hostile
 * targets file may hold megabyte lines.
 */
export const MAX_TARGET_ECHO = 300;

/** The target text as a report quotes it: at most MAX_TARGET_ECHO characters, cut with its length. */
export function targetEcho(text: string): string {
  if (text.length <= MAX_TARGET_ECHO) return text;
  return `${text.slice(0, MAX_TARGET_ECHO)}... (${text.length} characters)`;
}

/** Details of a result that was never probed (no host or port could be used). */
function unprobedDetails(host: string, port: number): ProbeDetails {
  return { host, port, sni: null, handshake: 'skipped', timings: {} };
}

/**
 * A target that cannot be probed: `text` as given, the reason (lower case, no period), and where
 * it was given: `{ source: 'argv' }` for an argument, the file and line for a `--targets` line.
 */
export function badTargetResult(text: string, reason: string, where: Locator): ProbeResult {
  const target = targetEcho(text.trim());
  const id = where.line !== undefined ? `${where.source}:${where.line}` : target || '(empty)';
  return {
    subject: { kind: 'endpoint', id, source: where.source },
    findings: [
      createFinding('PROBE_BAD_TARGET', where, {
        target,
        reason,
        source: where.source,
        line: where.line,
      }),
    ],
    details: unprobedDetails(target, 0),
  };
}
