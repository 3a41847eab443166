/**
 * A report's results counted by what they are about, for summary lines: `4 distributions,
 * 1 certificate`. A run reports results of more than its own kind (an unreadable input, a
 * certificate no distribution uses, an AWS account whose calls failed): each kind is counted under
 * its own noun, never as one of the command's subjects.
 */

import { plural } from './wording.js';

/** Nouns for result kinds whose name is not a word (`aws`, `acm-certificate`). */
const NOUNS: Readonly<Record<string, string>> = {
  aws: 'AWS account',
  'acm-certificate': 'ACM certificate',
};

/**
 * `4 distributions, 1 certificate`: the results counted by subject kind, in the order the kinds
 * first appear; `first` (the command's own subject) comes first and is named even at 0.
 * Empty (no results, no `first`) gives ''.
 */
export function countSubjects(
  results: readonly { readonly subject: { readonly kind: string } }[],
  first?: string,
): string {
  const kinds = new Map<string, number>(first === undefined ? [] : [[first, 0]]);
  for (const r of results) kinds.set(r.subject.kind, (kinds.get(r.subject.kind) ?? 0) + 1);
  return [...kinds]
    .filter(([kind, n]) => n > 0 || kind === first)
    .map(([kind, n]) => plural(n, NOUNS[kind] ?? kind))
    .join(', ');
}
