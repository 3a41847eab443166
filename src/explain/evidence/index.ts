/**
 * Evidence-driven ranking: after a pattern's diagnosis has listed the causes of an error in
 * their usual order, the rules here read the rest of the paste and move the causes it speaks
 * for up (or against, down), adding one the diagnosis did not list, and record on each cause
 * the line that moved it. Pure, like the rest of `explain`.
 */

import { CF_CAUSES } from '../diagnoses/cloudfront-causes.js';
import { TLS_CAUSES } from '../diagnoses/tls-causes.js';
import { excerptOf } from '../input.js';
import type { Cause, CauseEvidence, ExplainMatch, Extracted } from '../types.js';
import { CLIENT_TRUST_RULES } from './client-trust.js';
import { CLOUDFRONT_RULES } from './cloudfront.js';
import { CONNECTION_RULES } from './connection.js';
import { DATE_RULES } from './dates.js';
import { NAME_RULES } from './names.js';
import { PRIVATE_CA_RULES } from './private-ca.js';
import { PROXY_RULES } from './proxy.js';
import type { EvidenceCause, EvidenceRule } from './rule.js';

export type { EvidenceRule } from './rule.js';

/** Every rule. Order does not matter: weights decide. */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  ...CLIENT_TRUST_RULES,
  ...PROXY_RULES,
  ...PRIVATE_CA_RULES,
  ...DATE_RULES,
  ...NAME_RULES,
  ...CONNECTION_RULES,
  ...CLOUDFRONT_RULES,
];

/** Builds a cause evidence adds when the diagnosis did not list it. */
function build(id: EvidenceCause, e: Extracted): Omit<Cause, 'rank'> {
  if (id === 'just-issued') return CF_CAUSES.justIssued(e);
  if (id === 'CF-14') return CF_CAUSES.iamPath(e);
  return TLS_CAUSES[id](e);
}

/**
 * Re-ranks a match's causes by the evidence in `text`: causes with evidence for them first
 * (strongest first), then the others in the diagnosis' order, then those evidence speaks
 * against. `lineAt` maps an offset of `text` to its line.
 */
export function weighEvidence(
  match: ExplainMatch,
  text: string,
  lineAt: (offset: number) => number,
): ExplainMatch {
  const causes: Omit<Cause, 'rank'>[] = [...match.causes];
  const score = new Map<string, number>();
  const found = new Map<string, CauseEvidence[]>();
  for (const rule of EVIDENCE_RULES) {
    const listed = new Set(causes.map((c) => c.id));
    if (!rule.when.some((id) => listed.has(id))) continue;
    if (rule.leading && !rule.leading.includes(match.causes[0]?.id ?? '')) continue;
    const hit = rule.find(text, match);
    if (!hit) continue;
    const evidence = (moved: 'up' | 'down'): CauseEvidence => ({
      rule: rule.id,
      moved,
      line: hit.line ?? lineAt(hit.index),
      // a hit that is the match itself carries its excerpt already
      excerpt: hit.line !== undefined ? hit.text : excerptOf(text, hit.index, hit.index + hit.text.length),
      shows: rule.shows,
    });
    let targets = rule.raises.filter((id) => listed.has(id));
    const first = rule.raises[0];
    if (targets.length === 0 && first !== undefined) {
      causes.push(build(first, match.extracted));
      targets = [first];
    }
    const note = (id: string, delta: number, moved: 'up' | 'down') => {
      score.set(id, (score.get(id) ?? 0) + delta);
      found.set(id, [...(found.get(id) ?? []), evidence(moved)]);
    };
    for (const id of targets) note(id, rule.weight, 'up');
    for (const id of rule.lowers ?? []) if (listed.has(id)) note(id, -rule.weight, 'down');
  }
  if (score.size === 0) return match;
  // Array.prototype.sort is stable: equal scores keep the diagnosis' order.
  const ranked = causes
    .map((cause, i) => ({ cause, i, s: score.get(cause.id) ?? 0 }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ cause }, i) => {
      const evidence = found.get(cause.id);
      return { ...cause, rank: i + 1, ...(evidence ? { evidence } : {}) };
    });
  return { ...match, causes: ranked };
}
