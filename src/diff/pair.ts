/**
 * Which distribution of one environment is which of the other. Two environments' templates or
 * plans name a distribution the same way (a CloudFormation logical id, a Terraform address), CDK
 * stacks differ in their first path segment (`StagingStack/Site/...`, `ProdStack/Site/...`), and
 * AWS CLI output of two accounts shares no id at all: pairs are made by the id, then by the id
 * without its stack, and a last single distribution left on each side is paired with the other.
 */

import type { Distribution } from '../cloudfront/model.js';

/** Two distributions taken as one across environments, or one without a counterpart. */
export interface DistributionPair {
  readonly a?: Distribution;
  readonly b?: Distribution;
  /** How the pair was made, said in the report: an exact id, the id without its stack, ... */
  readonly by: 'id' | 'construct path' | 'only pair left' | 'unpaired';
}

/** `StagingStack/Site/Distribution/Resource` → `Site/Distribution/Resource`; ids without `/` stay. */
function withoutStack(id: string): string | undefined {
  const slash = id.indexOf('/');
  return slash === -1 ? undefined : id.slice(slash + 1);
}

/** Pairs the distributions of two environments (see the module comment); input order is kept. */
export function pairDistributions(
  a: readonly Distribution[],
  b: readonly Distribution[],
): DistributionPair[] {
  const pairs: DistributionPair[] = [];
  const leftB = new Set(b);
  const leftA: Distribution[] = [];
  const byKey = (key: (d: Distribution) => string | undefined) => {
    const index = new Map<string, Distribution[]>();
    for (const d of leftB) {
      const k = key(d);
      if (k === undefined) continue;
      const list = index.get(k);
      if (list) list.push(d);
      else index.set(k, [d]);
    }
    return index;
  };
  // a key is used only when it names one distribution on each side: a repeated one pairs nothing
  const matchBy = (
    candidates: readonly Distribution[],
    key: (d: Distribution) => string | undefined,
    by: DistributionPair['by'],
  ): Distribution[] => {
    const index = byKey(key);
    const counts = new Map<string, number>();
    for (const d of candidates) {
      const k = key(d);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const rest: Distribution[] = [];
    for (const d of candidates) {
      const k = key(d);
      const match = k === undefined ? undefined : index.get(k);
      if (k !== undefined && match?.length === 1 && counts.get(k) === 1 && leftB.has(match[0]!)) {
        pairs.push({ a: d, b: match[0]!, by });
        leftB.delete(match[0]!);
      } else rest.push(d);
    }
    return rest;
  };
  leftA.push(...matchBy(a, (d) => d.id, 'id'));
  const still = matchBy(leftA.splice(0), (d) => withoutStack(d.id), 'construct path');
  if (still.length === 1 && leftB.size === 1) {
    const [onlyB] = [...leftB];
    pairs.push({ a: still[0]!, b: onlyB!, by: 'only pair left' });
    leftB.clear();
  } else {
    for (const d of still) pairs.push({ a: d, by: 'unpaired' });
  }
  for (const d of leftB) pairs.push({ b: d, by: 'unpaired' });
  return pairs;
}
