/**
 * The findings of a distribution read under several condition assignments (its variants: a
 * CloudFormation `Fn::If` on a condition unknown offline, judged per branch), merged into one
 * list: each distinct finding once, and when only some assignments produce it, annotated with
 * them (`args.when`: "condition IsProd is false"). A finding every variant has gets no note.
 */

import type { Distribution } from '../cloudfront/model.js';
import type { Finding } from '../findings/finding.js';
import type { GateIndex } from './cross-index.js';
import type { RankedFinding } from './order.js';

/** One variant's findings, ranked, and the condition values it assumes. */
export interface VariantFindings {
  readonly assumes: Readonly<Record<string, boolean>>;
  readonly ranked: readonly RankedFinding[];
}

/** Findings are the same when they say the same thing at the same place. */
function keyOf(f: Finding): string {
  const l = f.location;
  return JSON.stringify([f.code, f.severity, l.source, l.path ?? [], l.certIndex, f.args]);
}

/**
 * Each distinct finding of the variants once, in first-seen order, with its rank; those not
 * produced by every variant carry `args.when`.
 */
export function mergeVariantFindings(variants: readonly VariantFindings[]): RankedFinding[] {
  const seen = new Map<string, { ranked: RankedFinding; producers: number[] }>();
  variants.forEach((v, i) => {
    for (const r of v.ranked) {
      const key = keyOf(r.finding);
      const entry = seen.get(key);
      if (!entry) seen.set(key, { ranked: r, producers: [i] });
      else if (entry.producers.at(-1) !== i) entry.producers.push(i);
    }
  });
  const all = variants.map((v) => v.assumes);
  const out: RankedFinding[] = [];
  for (const { ranked, producers } of seen.values()) {
    if (producers.length === variants.length) {
      out.push(ranked);
      continue;
    }
    const when = describeAssignments(
      producers.map((i) => all[i]!),
      all,
    );
    const finding = { ...ranked.finding, args: { ...ranked.finding.args, when } };
    out.push({ ...ranked, finding });
  }
  return out;
}

const phrase = (name: string, value: boolean) => `condition ${name} is ${value}`;

/**
 * The condition values that lead to `producing` among `all` assignments, as briefly as exact:
 * the values the producing assignments share when exactly those assignments have them
 * ("condition A is true"), else each producing assignment ("…, or condition A is false").
 */
export function describeAssignments(
  producing: readonly Readonly<Record<string, boolean>>[],
  all: readonly Readonly<Record<string, boolean>>[],
): string {
  const [head, ...rest] = producing;
  if (!head) return '';
  const shared = Object.entries(head).filter(([name, value]) => rest.every((a) => a[name] === value));
  const within = (a: Readonly<Record<string, boolean>>) => shared.every(([name, value]) => a[name] === value);
  if (shared.length > 0 && all.filter(within).length === producing.length) {
    return shared.map(([name, value]) => phrase(name, value)).join(' and ');
  }
  return producing
    .map((a) =>
      Object.entries(a)
        .map(([name, value]) => phrase(name, value))
        .join(' and '),
    )
    .join(', or ');
}

/** What the gate computes for one distribution (or one variant of it). */
export interface Ranked {
  readonly ranked: RankedFinding[];
  readonly aliases: readonly string[];
  readonly certificate?: string;
}

/**
 * Checks each variant of `base` with `rankOne` (the source findings of `base` and of the variant
 * both apply) and merges: findings as `mergeVariantFindings`, the aliases and certificates of
 * every variant.
 */
export function checkVariants(
  base: Distribution,
  fromSources: readonly Finding[],
  index: GateIndex,
  rankOne: (d: Distribution, fromSources: readonly Finding[]) => Ranked,
): Ranked {
  const per = (base.variants ?? []).map((v) => {
    index.addVariant(v.distribution, base);
    return { assumes: v.assumes, ...rankOne(v.distribution, [...fromSources, ...v.findings]) };
  });
  const aliases = [...new Set(per.flatMap((p) => p.aliases))];
  const certificates = [...new Set(per.flatMap((p) => (p.certificate === undefined ? [] : [p.certificate])))];
  return {
    ranked: mergeVariantFindings(per),
    aliases,
    ...(certificates.length > 0 ? { certificate: certificates.join(' or ') } : {}),
  };
}
