/**
 * Failed calls → findings. A failure of the whole account (no credentials, an expired session,
 * no network) is said once, listing what it stopped; a failure of one call is said on what it
 * could not check, at the value in the input that asked for it.
 */

import type { FindingCode } from '../findings/catalog.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { Locator } from '../findings/types.js';
import type { AwsFailure, AwsFailureKind } from './types.js';

const CODE_OF: Record<AwsFailureKind, FindingCode> = {
  'no-credentials': 'AWS_NO_CREDENTIALS',
  'expired-credentials': 'AWS_CREDENTIALS_EXPIRED',
  'access-denied': 'AWS_ACCESS_DENIED',
  throttled: 'AWS_THROTTLED',
  'region-disabled': 'AWS_REGION_DISABLED',
  network: 'AWS_NETWORK_ERROR',
  'not-found': 'AWS_CALL_FAILED',
  other: 'AWS_CALL_FAILED',
};

/** Kinds that no call of the session escapes: reported once, not per call. */
export const ACCOUNT_WIDE: ReadonlySet<AwsFailureKind> = new Set([
  'no-credentials',
  'expired-credentials',
  'network',
]);

/** Where account-level findings are reported (a result of their own). */
export const ACCOUNT_SOURCE = 'aws (account)';

/** A failed call that concerns something (a certificate, an alias): what it left unchecked, and where. */
export interface FailedCall {
  readonly failure: AwsFailure;
  readonly unchecked: string;
  readonly location?: Locator;
  readonly distributionId?: string;
}

/** The finding of one failed call. */
export function failureFinding(call: FailedCall): Finding {
  const { failure } = call;
  return createFinding(CODE_OF[failure.kind], call.location ?? { source: ACCOUNT_SOURCE }, {
    operation: failure.operation,
    iamAction: failure.iamAction,
    // ACM is regional, so its region is news; CloudFront's is always us-east-1
    ...(failure.region !== undefined && failure.iamAction.startsWith('acm:')
      ? { region: failure.region }
      : {}),
    reason: failure.message,
    unchecked: call.unchecked,
  });
}

/**
 * The findings of every failed call: account-wide kinds merged into one per kind (naming every
 * operation and what each left unchecked), the others one per call.
 */
export function failureFindings(
  calls: readonly FailedCall[],
): { distributionId?: string; finding: Finding }[] {
  const out: { distributionId?: string; finding: Finding }[] = [];
  const wide = new Map<AwsFailureKind, FailedCall[]>();
  for (const c of calls) {
    if (!ACCOUNT_WIDE.has(c.failure.kind)) {
      out.push({
        ...(c.distributionId !== undefined ? { distributionId: c.distributionId } : {}),
        finding: failureFinding(c),
      });
      continue;
    }
    const list = wide.get(c.failure.kind);
    if (list) list.push(c);
    else wide.set(c.failure.kind, [c]);
  }
  for (const list of wide.values()) {
    const first = list[0]!;
    const operations = [...new Set(list.map((c) => c.failure.operation))];
    const unchecked = [...new Set(list.map((c) => c.unchecked))];
    const finding = failureFinding({ failure: first.failure, unchecked: unchecked.join('; ') });
    const { region: _one, ...args } = finding.args;
    // several calls: one region would name only the first
    const merged = operations.length > 1 ? args : finding.args;
    out.push({ finding: { ...finding, args: { ...merged, operation: operations.join(', ') } } });
  }
  return out;
}
