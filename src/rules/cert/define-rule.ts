/**
 * The shape of a certificate rule (the shape of `../rule.ts`) and what it sees: one decoded
 * certificate, its place in the input, and the clock. Rules are pure: same context, same findings.
 */

import type { Locator } from '../../findings/types.js';
import type { CertRole } from '../../x509/chain-order.js';
import type { Certificate } from '../../x509/model.js';
import { declareRule, type Rule, type RuleReporter, type RuleSpec } from '../rule.js';

/** One certificate to check, as its command found it. */
export interface CertificateUnderCheck {
  readonly cert: Certificate;
  readonly role: CertRole;
  readonly location: Locator;
  /** The validation time ("now", or `--at`). */
  readonly at: Date;
  /** Days before notAfter at which expiry becomes a warning. */
  readonly warnDays: number;
}

/** What a certificate rule sees: the certificate under check, and `report` for its own code. */
export interface CertRuleContext extends CertificateUnderCheck, RuleReporter {}

/** What a certificate rule module declares. */
export type CertRuleSpec = RuleSpec<CertRuleContext>;

/** A certificate rule, as declared. */
export type CertRule = Rule<CertRuleContext>;

/** Declares a certificate rule (frozen, with its code's default severity). */
export function defineRule(spec: CertRuleSpec): CertRule {
  return declareRule<CertRuleContext, CertRuleSpec>(spec);
}
