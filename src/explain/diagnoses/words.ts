/** Small wording helpers shared by the diagnoses. */

/** "a", "a and b", "a, b and c"; past `max` names, "…, and N more". */
export function listNames(names: readonly string[], max = 6): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length > max) return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}
