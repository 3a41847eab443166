/**
 * Findings about the inputs rather than the config: the sources' own findings attached to their
 * distribution, what the rules skipped because a value is unresolved (said once per
 * distribution), and what they skipped for want of certificate evidence.
 */

import type { Distribution } from '../cloudfront/model.js';
import type { Finding } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { EvidenceNeed } from '../rules/cf/define-rule.js';
import type { GateInputs } from '../sources/types.js';
import { type DistributionState, type SkippedField, tenantArgs } from './context.js';

/** The order needs are listed in: the decision order of the rules that have them. */
const NEED_ORDER: readonly EvidenceNeed[] = [
  'region',
  'iam path',
  'status',
  'expiry',
  'renewal',
  'origin',
  'coverage',
  'key type',
  'chain',
];

const sameLocation = (a: Locator, b: Locator): boolean =>
  a.source === b.source && (a.path ?? []).join('\u0000') === (b.path ?? []).join('\u0000');

/** Source findings grouped by the distribution they name; the rest by source file. */
export function attachSourceFindings(
  distributions: readonly Distribution[],
  sourceFindings: GateInputs['sourceFindings'],
): { byDistribution: Map<Distribution, Finding[]>; unattached: Map<string, Finding[]> } {
  const byKey = new Map<string, Distribution>();
  const byId = new Map<string, Distribution | null>();
  const byDistribution = new Map<Distribution, Finding[]>();
  const unattached = new Map<string, Finding[]>();
  if (sourceFindings.length === 0) return { byDistribution, unattached };
  for (const d of distributions) {
    byKey.set(`${d.source}\u0000${d.id}`, d);
    byId.set(d.id, byId.has(d.id) ? null : d);
  }
  for (const { distributionId, finding } of sourceFindings) {
    const d =
      distributionId === undefined
        ? undefined
        : (byKey.get(`${finding.location.source}\u0000${distributionId}`) ??
          byId.get(distributionId) ??
          undefined);
    const [map, key] = d ? [byDistribution, d] : [unattached, finding.location.source];
    const list = (map as Map<unknown, Finding[]>).get(key);
    if (list) list.push(finding);
    else (map as Map<unknown, Finding[]>).set(key, [finding]);
  }
  return { byDistribution, unattached };
}

/**
 * The skipped checks of one distribution: a source's INPUT_UNRESOLVED_VALUE for the same field
 * gets the skipped rules added; fields no source reported go into one INPUT_UNRESOLVED_VALUE.
 */
export function reportSkipped(ctx: DistributionState, fromSources: readonly Finding[]): readonly Finding[] {
  // most distributions read every field they hold: nothing to add, nothing to copy
  if (ctx.skipped === undefined && fromSources.length === 0) return fromSources;
  const pending: SkippedField[] = [...(ctx.skipped?.values() ?? [])].filter((s) => s.rules.length > 0);
  const sources = fromSources.map((f) => {
    if (f.code !== 'INPUT_UNRESOLVED_VALUE') return f;
    const match = pending.find((s) => sameLocation(s.location, f.location));
    if (!match) return f;
    pending.splice(pending.indexOf(match), 1);
    return { ...f, args: { ...f.args, skipped: match.rules } };
  });
  if (pending.length === 0) return sources;
  const one = pending.length === 1;
  const finding = createFinding('INPUT_UNRESOLVED_VALUE', pending[0]!.location, {
    distribution: ctx.distribution.id,
    ...tenantArgs(ctx.distribution),
    field: one ? pending[0]!.label : [...new Set(pending.map((s) => s.label))],
    reason: one ? pending[0]!.reason : [...new Set(pending.map((s) => `${s.label}: ${s.reason}`))],
    skipped: [...new Set(pending.flatMap((s) => s.rules))],
  });
  return [...sources, finding];
}

/** One finding for the evidence the rules wanted and did not get (none, or not every field). */
export function reportEvidenceNeeds(ctx: DistributionState): Finding | undefined {
  const needs = ctx.needs;
  if (!needs || needs.size === 0) return undefined;
  const checks = NEED_ORDER.filter((n) => needs.has(n));
  const skipped = [...new Set(checks.flatMap((n) => needs.get(n)!))];
  const args = {
    distribution: ctx.distribution.id,
    ...tenantArgs(ctx.distribution),
    certificate: ctx.certificateLabel(),
    certificateKind: ctx.ref.kind,
    checks,
    skipped,
  };
  const entry = ctx.evidenceEntry;
  if (!entry) return createFinding('CF_CERTIFICATE_EVIDENCE_MISSING', ctx.ref.location, args);
  return createFinding('CF_CERTIFICATE_EVIDENCE_PARTIAL', ctx.ref.location, {
    ...args,
    kinds: entry.view.kinds,
    evidenceSource: entry.view.sources,
  });
}
