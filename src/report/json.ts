/** The JSON formatter: the report contract, pretty-printed, with byte arrays as hex. */

import type { Report } from './report.js';

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Serialises a report as JSON (two-space indent, trailing newline). */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, replacer, 2)}\n`;
}
