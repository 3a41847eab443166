/**
 * `runGate()`: the CloudFront gate's engine. For each distribution it runs every rule of
 * `rules/cf` in decision order against one context (the evidence looked up once, the SAN index
 * and chain check built once per certificate, the cross-distribution index built once per run),
 * adds what could not be checked, and orders the findings so the first is the one to fix first.
 * Work is linear in distributions + aliases + certificates.
 */

import { type Distribution, isUnresolved } from '../cloudfront/model.js';
import type { Finding, Result } from '../findings/finding.js';
import { createFinding } from '../findings/finding.js';
import { CF_RULES } from '../rules/cf/index.js';
import { runsOn, runsOnDistributions } from '../rules/cf/tenant-scope.js';
import { PROFILE_RULES } from '../rules/profile/index.js';
import type { Profile } from '../rules/profile/profile.js';
import { withPosition } from '../sources/positions.js';
import type { GateInputs } from '../sources/types.js';
import { checkChain } from './chain-check.js';
import { DistributionState } from './context.js';
import { GateIndex } from './cross-index.js';
import { EvidenceIndex } from './evidence.js';
import { attachSourceFindings, reportEvidenceNeeds, reportSkipped } from './input-findings.js';
import { orderFindings, type RankedFinding } from './order.js';
import { oneFindingPerFact } from './same-fact.js';
import { linkTenants } from './tenants.js';
import type { GateOptions, GateResult } from './types.js';
import { checkVariants, type Ranked } from './variants.js';

const NO_PROFILES: readonly Profile[] = [];

/** Per rule (in CF_RULES order), whether it runs on tenants only: the question a distribution asks of each. */
const TENANT_ONLY: readonly boolean[] = CF_RULES.map((rule) => !runsOnDistributions(rule.id));

/**
 * Predicts CloudFront's verdict on every distribution of the inputs: one result per
 * distribution (findings in decision order, CloudFront's own order among InvalidViewerCertificate
 * rejections), then one per input file with findings that name no distribution, then one per
 * piece of certificate evidence no distribution uses. Results are sorted by source and id.
 *
 * @example
 * ```ts
 * const results = runGate(inputs, { at: new Date(), warnDays: 30 });
 * const first = results[0]?.findings[0]; // e.g. { code: 'CF_CERTIFICATE_NOT_IN_US_EAST_1', awsError: 'InvalidViewerCertificate', … }
 * ```
 */
export function runGate(inputs: GateInputs, options: GateOptions): GateResult[] {
  const evidence = new EvidenceIndex(inputs.evidence, (chain) =>
    checkChain(chain, options.at, options.roots),
  );
  // tenants take their parent's certificate before anything indexes them
  const distributions = linkTenants(inputs.distributions, inputs.context);
  // context distributions (the account's, with --aws) hold aliases too, but are not checked
  const context = inputs.context ?? [];
  const elsewhere = inputs.elsewhere ?? [];
  const index = new GateIndex(
    context.length + elsewhere.length > 0 ? [...distributions, ...context, ...elsewhere] : distributions,
    context,
    elsewhere,
  );
  const { byDistribution, unattached } = attachSourceFindings(distributions, inputs.sourceFindings);

  // one distribution's findings (or one variant's, with that variant's source findings too)
  const rankOne = (distribution: Distribution, fromSources: readonly Finding[]): Ranked => {
    const state = new DistributionState(distribution, index, evidence, options.at, options.warnDays);
    const ranked: RankedFinding[] = [];
    for (let order = 0; order < CF_RULES.length; order++) {
      const rule = CF_RULES[order]!;
      if (distribution.tenant ? !runsOn(rule.id, distribution) : TENANT_ONLY[order]) continue;
      const out = rule.check(state.contextFor(rule));
      if (out === undefined) continue;
      const rank = { group: rule.group, order, ruleId: rule.id };
      if (!Array.isArray(out)) ranked.push({ finding: out as Finding, ...rank });
      else for (const finding of out as readonly Finding[]) ranked.push({ finding, ...rank });
    }
    // the team's pins after CloudFront's verdict, once for each profile the distribution falls under
    for (const profile of options.profiles ?? NO_PROFILES) {
      if (!profile.applies(distribution)) continue;
      for (let k = 0; k < PROFILE_RULES.length; k++) {
        const rule = PROFILE_RULES[k]!;
        const out = rule.check(state.contextFor(rule, profile));
        if (out === undefined) continue;
        const rank = { group: rule.group, order: CF_RULES.length + k, ruleId: rule.id };
        for (const finding of Array.isArray(out) ? (out as readonly Finding[]) : [out as Finding])
          ranked.push({ finding, ...rank });
      }
    }
    for (const finding of reportSkipped(state, fromSources)) ranked.push({ finding, group: 0, order: -1 });
    const evidenceFinding = reportEvidenceNeeds(state);
    if (evidenceFinding) ranked.push({ finding: evidenceFinding, group: 0, order: -1 });
    const certificate = state.ref.key;
    const aliases = state.resolved.map((a) => a.name);
    return { ranked, aliases, ...(certificate !== undefined ? { certificate } : {}) };
  };

  const results: GateResult[] = distributions.map((distribution) => {
    const fromSources = byDistribution.get(distribution) ?? [];
    // a distribution whose fields hang on unknown conditions: each reading checked, findings merged
    const { ranked, aliases, certificate } = distribution.variants
      ? checkVariants(distribution, fromSources, index, rankOne)
      : rankOne(distribution, fromSources);
    return {
      subject: {
        kind: distribution.tenant ? 'tenant' : 'distribution',
        id: distribution.id,
        source: distribution.source,
      },
      findings: orderFindings(oneFindingPerFact(ranked)),
      details: {
        format: distribution.format,
        aliases,
        ...unresolvedAliases(distribution),
        ...(certificate !== undefined ? { certificate } : {}),
      },
    };
  });
  results.sort(bySubject);

  const others: Result[] = [];
  for (const [source, findings] of unattached) {
    others.push({ subject: { kind: 'input', id: source, source }, findings });
  }
  const reported = new Set(
    inputs.sourceFindings
      .filter((s) => s.finding.code === 'INPUT_EVIDENCE_UNMATCHED')
      .map((s) => String(s.finding.args.key)),
  );
  for (const e of evidence.unmatched()) {
    if (reported.has(e.key)) continue;
    const finding = createFinding('INPUT_EVIDENCE_UNMATCHED', e.location, { key: e.key, source: e.source });
    others.push({ subject: { kind: 'certificate', id: e.key, source: e.source }, findings: [finding] });
  }
  others.sort(bySubject);
  return [...results, ...(others as GateResult[])].map(located);
}

/** A result whose Locators all carry their line and column (large inputs compute them only now). */
function located(r: GateResult): GateResult {
  let moved = false;
  const findings = r.findings.map((f) => {
    const location = withPosition(f.location);
    if (location === f.location) return f;
    moved = true;
    return { ...f, location };
  });
  return moved ? { ...r, findings } : r;
}

/** Why aliases are unknown (the whole list, or single items), for the report header; {} when none are. */
function unresolvedAliases(d: Distribution): { aliasesUnresolved?: string[] } {
  // read per condition value (src/check/variants.ts): what stays unknown in the readings
  if (d.variants) {
    const why = d.variants.flatMap((v) => unresolvedAliases(v.distribution).aliasesUnresolved ?? []);
    return why.length > 0 ? { aliasesUnresolved: [...new Set(why)] } : {};
  }
  const reasons = d.aliasesUnresolved ? [d.aliasesUnresolved.reason] : [];
  for (const a of d.aliases) if (isUnresolved(a.value)) reasons.push(a.value.reason);
  return reasons.length > 0 ? { aliasesUnresolved: [...new Set(reasons)] } : {};
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: kind, source, id (code-unit order, not locale). */
function bySubject(a: Result, b: Result): number {
  return (
    compare(a.subject.kind, b.subject.kind) ||
    compare(a.subject.source, b.subject.source) ||
    compare(a.subject.id, b.subject.id)
  );
}
