/**
 * The order of a distribution's findings, so the first one is the one to fix first.
 *
 * How the two orders combine:
 * 1. Severity first: errors (what CloudFront will refuse), then warnings, then notes. A note in
 *    group 4 must not push a CNAMEAlreadyExists rejection of group 5 down the list.
 * 2. Inside a severity, the decision order: the rule's decision group, then its position in the
 *    registry (rulebook order inside a group); input and engine findings (what could not be
 *    checked) before all rules.
 * 3. Then the InvalidViewerCertificate rejections swap places among themselves, into CloudFront's
 *    documented order (rulebook §1.1): CloudFront runs those checks in sequence and returns the
 *    first failure, so among findings that share that error its order is the one a deploy will
 *    show. The slots they occupy do not change, so other findings stay where the decision order
 *    puts them. Example: expired (group 2), uncovered alias (3), 7-certificate chain (6) become
 *    chain, expired, uncovered, as CloudFront checks chain length before dates before coverage.
 *
 * Every step is a stable sort on data, so equal inputs give equal output.
 */

import { INVALID_VIEWER_CERTIFICATE_ORDER } from '../cloudfront/policies.js';
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/types.js';

/**
 * A finding with what orders it: its rule's decision group (0 for input and engine findings,
 * which say what could not be checked), the rule's registry position (-1 for those), the rule id.
 */
export interface RankedFinding {
  readonly finding: Finding;
  readonly group: number;
  readonly order: number;
  readonly ruleId?: string;
}

const TIER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, note: 2 };
const IVC = 'InvalidViewerCertificate';

/** CloudFront's rank of an InvalidViewerCertificate rejection, or undefined for any other finding. */
function cloudFrontRank(r: RankedFinding): number | undefined {
  if (r.finding.severity !== 'error' || r.finding.awsError !== IVC || r.ruleId === undefined)
    return undefined;
  return INVALID_VIEWER_CERTIFICATE_ORDER[r.ruleId];
}

/** Orders one distribution's findings (see the module comment). */
export function orderFindings(ranked: readonly RankedFinding[]): Finding[] {
  if (ranked.length < 2) return ranked.map((r) => r.finding);
  const sorted = ranked
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        TIER[a.r.finding.severity] - TIER[b.r.finding.severity] ||
        a.r.group - b.r.group ||
        a.r.order - b.r.order ||
        a.i - b.i,
    )
    .map((x) => x.r);
  const slots: number[] = [];
  sorted.forEach((r, i) => {
    if (cloudFrontRank(r) !== undefined) slots.push(i);
  });
  const inCloudFrontOrder = slots
    .map((slot) => sorted[slot]!)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => cloudFrontRank(a.r)! - cloudFrontRank(b.r)! || a.i - b.i)
    .map((x) => x.r);
  slots.forEach((slot, i) => {
    sorted[slot] = inCloudFrontOrder[i]!;
  });
  return sorted.map((r) => r.finding);
}
