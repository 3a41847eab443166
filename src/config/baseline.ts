/**
 * The `--baseline` file: the fingerprints of the findings an estate already has, so the gate can
 * be adopted and fail only on new ones. Entries are sorted and written one a line, so a
 * regenerated baseline diffs readably in review. Pure: text in, text out.
 */

import type { Result } from '../findings/finding.js';
import { type FingerprintRoot, findingFingerprint, normalisedSource } from '../findings/fingerprint.js';
import { isSuppressible } from '../findings/suppress.js';

/** The format version: a change of recipe or layout gets a new one. */
export const BASELINE_VERSION = 1;

/** One accepted finding. */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly code: string;
  /** The input, repository-relative. */
  readonly source: string;
  /** What the finding is about: `distribution WebStack/Cdn`. */
  readonly subject: string;
}

/** The entries of every finding of `results` (findings about ignores excepted), sorted, one per fingerprint. */
export function baselineEntries(results: readonly Result[], root: FingerprintRoot): BaselineEntry[] {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const r of results) {
    for (const f of r.findings) {
      if (!isSuppressible(f.code)) continue;
      const fingerprint = findingFingerprint(
        { code: f.code, location: f.location, subject: r.subject },
        root,
      );
      if (byFingerprint.has(fingerprint)) continue;
      byFingerprint.set(fingerprint, {
        fingerprint,
        code: f.code,
        source: normalisedSource(f.location.source, root),
        subject: `${r.subject.kind} ${r.subject.id}`,
      });
    }
  }
  const key = (e: BaselineEntry) => [e.source, e.subject, e.code, e.fingerprint].join('\u0000');
  return [...byFingerprint.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The baseline file's text. */
export function formatBaseline(
  entries: readonly BaselineEntry[],
  toolVersion: string,
  created: Date,
): string {
  const head = {
    version: BASELINE_VERSION,
    tool: 'certgate',
    toolVersion,
    created: created.toISOString().slice(0, 10),
  };
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  const body = JSON.stringify(head, null, 2).slice(0, -2);
  return `${body},\n  "entries": [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** A baseline file's fingerprints; a message saying what is wrong when it is not one. */
export function parseBaseline(text: string): { fingerprints: Set<string> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { problem: `not JSON (${(e as Error).message})` };
  }
  const doc = value as { version?: unknown; entries?: unknown };
  if (typeof value !== 'object' || value === null || doc.version !== BASELINE_VERSION)
    return {
      problem: `not a certgate baseline of version ${BASELINE_VERSION} (write one with --write-baseline)`,
    };
  if (!Array.isArray(doc.entries)) return { problem: 'entries is not a list' };
  const fingerprints = new Set<string>();
  for (const [i, e] of doc.entries.entries()) {
    const fingerprint = (e as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(fingerprint))
      return { problem: `entries[${i}] has no fingerprint of 32 hex digits` };
    fingerprints.add(fingerprint);
  }
  return { fingerprints };
}
