/**
 * The shape every rule has, certificate rules and CloudFront rules alike: an id, the finding code
 * it raises, that code's default severity, and a pure `check` over the context its engine hands
 * it. The context is bound to the running rule, so `report` makes a finding of the rule's own
 * code and the engine never mutates shared state between rules.
 */

import { CATALOG, type FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import type { FindingArgs, Locator, Severity } from '../findings/types.js';

/** What a check returns: nothing, one finding, or several. */
export type RuleOutput = Finding | readonly Finding[] | undefined;

/** What every rule context offers: a finding of the running rule. */
export interface RuleReporter {
  /** A finding with the rule's code at `location`; `severity` overrides the code's default. */
  report(location: Locator, args?: FindingArgs, extra?: { readonly severity?: Severity }): Finding;
}

/** What a rule module declares. */
export interface RuleSpec<Context> {
  /** A stable id: the rulebook row (`CF-09`) or the certificate rule's number (`CERT-01`). */
  readonly id: string;
  readonly code: FindingCode;
  /** Pure: the same context gives the same findings. */
  check(ctx: Context): RuleOutput;
}

/** A declared rule: its spec, frozen, with the default severity of its code. */
export type Rule<Context, Spec extends RuleSpec<Context> = RuleSpec<Context>> = Readonly<Spec> & {
  readonly severity: Severity;
};

/**
 * Declares a rule: frozen (the registries cannot change at run time), with the catalog's
 * severity of its code. Each rule folder wraps this as its own `defineRule`, typed for its context.
 */
export function declareRule<Context, Spec extends RuleSpec<Context>>(spec: Spec): Rule<Context, Spec> {
  return Object.freeze({ ...spec, severity: CATALOG[spec.code].severity });
}
