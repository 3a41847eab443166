/** Name rules shared by the CloudFront operations of the fake. */

/**
 * Whether two aliases overlap as ListConflictingAliases / ListDomainConflicts read them: equal,
 * or one is `*.parent` and the other a name exactly one label below `parent`.
 */
export function aliasesOverlap(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  return coversOneLevel(x, y) || coversOneLevel(y, x);
}

function coversOneLevel(wildcard: string, name: string): boolean {
  if (!wildcard.startsWith('*.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === wildcard.slice(2);
}

/** A stable pseudo-random tag from a string, for derived ETags and domain names. */
export function tagFrom(seed: string, length: number): string {
  let hash = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    out += hash.toString(36).toUpperCase();
    seed += out;
  }
  return out.slice(0, length);
}
