/**
 * Limits on the work one path validation may do, so that a hostile pool of intermediates (same
 * subject, same key, cross-signed cycles) or a name-constraint bomb cannot make certgate hang.
 * Going over any limit is fatal: path building stops and reports `BudgetExceeded`, because an
 * attacker who can spend the budget once can spend it on every candidate (rustls-webpki's
 * `Budget` uses the same three numbers and sources).
 */

import type { PathError } from './errors.js';

/** The default limits, each with where it comes from. */
export const BUDGET_LIMITS = Object.freeze({
  // Go's fix for CVE-2018-16875 (crypto/x509 `maxChainSignatureChecks`): 100 signature checks
  // per verification. Go later added AKID/SKID ordering because real chains hit the limit
  // (https://github.com/spiffe/spire/issues/1004); certgate sorts candidates the same way.
  signatures: 100,
  // mozilla::pkix (NSS lib/mozpkix/lib/pkixbuild.cpp, `BuildForward`): 200,000 build calls.
  buildSteps: 200_000,
  // Go crypto/x509 verify.go `maxConstraintComparisons`: 250,000 name-constraint comparisons.
  // certgate counts them at their size (`comparisonCost` in name-forms.ts: one per comparison,
  // plus one per directoryName attribute and per 64 bytes compared), so a real path spends a few
  // hundred and a name thousands of attributes wide cannot pass as one comparison.
  nameComparisons: 250_000,
  // certgate's own bound on certificate-policy graph work (nodes and edges made), per
  // verification: real paths make a few dozen; the policy graph (RFC 9618) keeps it polynomial,
  // and this caps what a hostile certificate with thousands of policies and mappings can cost.
  policyNodes: 100_000,
});

/** Which budget ran out. */
export type BudgetName = keyof typeof BUDGET_LIMITS;

/**
 * The remaining budget of one `verifyChain` call. Each `spend*` returns a `BudgetExceeded` error
 * once the limit is passed (and on every call after), or `undefined` while there is budget left.
 * Every check counts, cache hits included, so the outcome never depends on earlier calls.
 */
export class Budget {
  readonly limits: Readonly<Record<BudgetName, number>>;
  #signatures: number;
  #buildSteps: number;
  #nameComparisons: number;
  #policyNodes: number;

  constructor(limits: Partial<Record<BudgetName, number>> = {}) {
    // the defaults are shared: one Budget is made per verification
    this.limits =
      Object.keys(limits).length === 0 ? BUDGET_LIMITS : Object.freeze({ ...BUDGET_LIMITS, ...limits });
    this.#signatures = this.limits.signatures;
    this.#buildSteps = this.limits.buildSteps;
    this.#nameComparisons = this.limits.nameComparisons;
    this.#policyNodes = this.limits.policyNodes;
  }

  /** Counts one signature verification. */
  spendSignature(): PathError | undefined {
    this.#signatures--;
    return this.#signatures < 0 ? this.#exceeded('signatures') : undefined;
  }

  /** Counts one step of path building (one candidate issuer considered). */
  spendBuildStep(): PathError | undefined {
    this.#buildSteps--;
    return this.#buildSteps < 0 ? this.#exceeded('buildSteps') : undefined;
  }

  /** Counts `n` units of name-constraint work (see `comparisonCost`). */
  spendNameComparisons(n = 1): PathError | undefined {
    this.#nameComparisons -= n;
    return this.#nameComparisons < 0 ? this.#exceeded('nameComparisons') : undefined;
  }

  /** Counts `n` nodes or edges made in the certificate-policy graph. */
  spendPolicyNodes(n = 1): PathError | undefined {
    this.#policyNodes -= n;
    return this.#policyNodes < 0 ? this.#exceeded('policyNodes') : undefined;
  }

  #exceeded(budget: BudgetName): PathError {
    return Object.freeze({ kind: 'BudgetExceeded' as const, budget, limit: this.limits[budget] });
  }
}

/** True for errors that end the whole search rather than one candidate path. */
export function isFatal(error: PathError): boolean {
  return error.kind === 'BudgetExceeded';
}
