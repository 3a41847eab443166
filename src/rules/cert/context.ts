/**
 * What a certificate rule sees: one decoded certificate, its place in the input, and the clock.
 * Rules are pure: same context, same findings.
 */

import type { Finding } from '../../findings/finding.js';
import type { Locator } from '../../findings/types.js';
import type { Certificate } from '../../x509/model.js';

/** The role a certificate plays in the file it came from. */
export type CertRole = 'leaf' | 'intermediate' | 'root' | 'standalone';

export interface CertRuleContext {
  readonly cert: Certificate;
  readonly role: CertRole;
  readonly location: Locator;
  /** The validation time ("now", or `--at`). */
  readonly at: Date;
  /** Days before notAfter at which expiry becomes a warning. */
  readonly warnDays: number;
}

/** A certificate rule: a stable code and a pure check. */
export interface CertRule {
  readonly code: string;
  check(ctx: CertRuleContext): Finding | undefined;
}
