/**
 * One finding per fact. Some rules and sources see the same fact from two sides: the default
 * certificate forces TLSv1 (W-01) and so the policy written is ignored (MS-01); a field over a
 * CloudFormation bound is not examined (INPUT_NOT_EXAMINED) and so it is unresolved
 * (INPUT_UNRESOLVED_VALUE). Each rule stays right on its own; when both fire on one distribution
 * the engine keeps the finding that says the fact and folds the other into it (the args its
 * wording needs), so a report never says one thing twice. The table is data, checked by tests.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';

/** Two codes that say one fact when both are present. */
export interface SameFact {
  /** The finding that says the fact, and stays. */
  readonly keep: FindingCode;
  /** The finding that says it again, and goes. */
  readonly drop: FindingCode;
  /** Where both must be: anywhere on one distribution, or at one place of the input. */
  readonly scope: 'distribution' | 'location';
  /** Args of the dropped finding the kept one takes over when it has none of its own. */
  readonly carry?: readonly string[];
  /** The kept finding points where the dropped one did (a more precise place in the input). */
  readonly takeLocation?: boolean;
}

export const SAME_FACTS: readonly SameFact[] = [
  // "the default certificate forces TLSv1": W-01 says it, naming the policy MS-01 saw ignored
  {
    keep: 'CF_DEFAULT_CERTIFICATE',
    drop: 'CF_DEFAULT_CERT_POLICY_IGNORED',
    scope: 'distribution',
    carry: ['policy', 'effective'],
    takeLocation: true,
  },
  // "this value was not read": the bound (or CloudFormation's refusal) is the reason it is unresolved
  { keep: 'INPUT_NOT_EXAMINED', drop: 'INPUT_UNRESOLVED_VALUE', scope: 'location', carry: ['skipped'] },
  { keep: 'INPUT_TEMPLATE_INVALID', drop: 'INPUT_UNRESOLVED_VALUE', scope: 'location', carry: ['skipped'] },
  // a reference that names no certificate has no evidence: that is the same fact
  { keep: 'CF_CERTIFICATE_NOT_AN_ARN', drop: 'CF_CERTIFICATE_EVIDENCE_MISSING', scope: 'distribution' },
  // a ViewerCertificate that names no certificate is refused as written: what the default
  // certificate would do, or that the aliases have none, is the same missing certificate
  { keep: 'CF_CERTIFICATE_SOURCE_MISSING', drop: 'CF_DEFAULT_CERTIFICATE', scope: 'distribution' },
  { keep: 'CF_CERTIFICATE_SOURCE_MISSING', drop: 'CF_DEFAULT_CERT_POLICY_IGNORED', scope: 'distribution' },
  { keep: 'CF_CERTIFICATE_SOURCE_MISSING', drop: 'CF_ALIASES_WITHOUT_CERTIFICATE', scope: 'distribution' },
  // so is an IAMCertificateId that is no IAM id (empty, an ARN, a name)
  { keep: 'CF_IAM_CERTIFICATE_ID_INVALID', drop: 'CF_CERTIFICATE_EVIDENCE_MISSING', scope: 'distribution' },
];

const KEPT: ReadonlySet<FindingCode> = new Set(SAME_FACTS.map((s) => s.keep));

const sameLocation = (a: Locator, b: Locator): boolean =>
  a.source === b.source && (a.path ?? []).join('\u0000') === (b.path ?? []).join('\u0000');

/**
 * One distribution's findings with each restated fact said once: a dropped finding's carried
 * args go to the finding that keeps the fact. `items` order is kept. Costs nothing when no
 * finding keeps a fact (the common case).
 */
export function oneFindingPerFact<T extends { finding: Finding }>(items: readonly T[]): readonly T[] {
  if (!items.some((i) => KEPT.has(i.finding.code))) return items;
  const out = [...items];
  const gone = new Set<number>();
  for (const rule of SAME_FACTS) {
    for (let k = 0; k < out.length; k++) {
      if (gone.has(k) || out[k]!.finding.code !== rule.keep) continue;
      for (let d = 0; d < out.length; d++) {
        const dropped = out[d]!.finding;
        if (d === k || gone.has(d) || dropped.code !== rule.drop) continue;
        const kept = out[k]!.finding;
        if (rule.scope === 'location' && !sameLocation(kept.location, dropped.location)) continue;
        gone.add(d);
        out[k] = { ...out[k]!, finding: fold(kept, dropped, rule) };
      }
    }
  }
  return out.filter((_, i) => !gone.has(i));
}

function fold(kept: Finding, dropped: Finding, rule: SameFact): Finding {
  const args: Record<string, Finding['args'][string]> = { ...kept.args };
  for (const key of rule.carry ?? []) {
    if (args[key] === undefined && dropped.args[key] !== undefined) args[key] = dropped.args[key];
  }
  return { ...kept, args, ...(rule.takeLocation ? { location: dropped.location } : {}) };
}
