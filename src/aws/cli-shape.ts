/**
 * SDK output → the AWS CLI's JSON shape. The SDK's member names are the API's, which the CLI
 * prints as they are; what differs is values: the SDK gives Date objects (the CLI prints ISO
 * strings) and adds `$metadata`. Undefined members are dropped, as the CLI omits absent ones.
 */

/** A copy of an SDK output value as the AWS CLI would print it. */
export function toCliJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toCliJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || k === '$metadata') continue;
    out[k] = toCliJson(v);
  }
  return out;
}
