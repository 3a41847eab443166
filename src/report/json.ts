/** The JSON formatter: the report contract, pretty-printed, with byte arrays as hex. */

import type { Report } from './report.js';

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Deeper than this, the walk below stops and the replacer takes over (it also reports cycles). */
const WALK_DEPTH = 64;

/**
 * Whether `value` holds something plain JSON.stringify would get wrong: a byte array (written as
 * an object of numbered keys) or a bigint (a TypeError). An object with its own `toJSON` counts,
 * since what it turns into is not known until then; a Date's is a string.
 */
function needsReplacer(value: unknown, depth: number): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array || depth > WALK_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (needsReplacer(item, depth + 1)) return true;
    return false;
  }
  if (value instanceof Date) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  for (const key in value)
    if (Object.hasOwn(value, key) && needsReplacer((value as Record<string, unknown>)[key], depth + 1))
      return true;
  return false;
}

/**
 * Whether a report holds anything that needs the replacer. Findings are plain data by their types
 * (FindingArgs, Locator: strings, numbers, string lists), so only what the types leave open is
 * walked: each result's command-specific `details`, and the unreadable inputs. A 10,000-result
 * gate report is mostly findings, and walking them all cost a third of the formatting.
 */
function reportNeedsReplacer(report: Report): boolean {
  for (const result of report.results)
    if (result.details !== undefined && needsReplacer(result.details, 2)) return true;
  return needsReplacer(report.errors, 1);
}

/** Serialises a report as JSON (two-space indent, trailing newline). */
export function formatJson(report: Report): string {
  // a replacer is a call into JS per value, which doubles the cost of a 10,000-result report;
  // most reports hold no bytes, and a walk that says so is a tenth of that
  const json = reportNeedsReplacer(report)
    ? JSON.stringify(report, replacer, 2)
    : JSON.stringify(report, null, 2);
  return `${json}\n`;
}
