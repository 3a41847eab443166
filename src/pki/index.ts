/**
 * The path-validation engine (RFC 5280 §6.1 under the client, CA/B Forum or RFC 5280 policy, with
 * revocation against given CRLs, then the RFC 6125 name check). `verifyChain` is the entry
 * point; the rest is exported for tools and tests that need the pieces.
 *
 * @packageDocumentation
 */

/** The limits on one validation and their sources. */
export { BUDGET_LIMITS, Budget, type BudgetName } from './budget.js';
/** Certificate policy processing: the settings and the anyPolicy OID. */
export { ANY_POLICY, type PolicySettings } from './certificate-policies.js';
/** Every way a path can fail, and how specific each is. */
export { ERROR_RANK, type ErrorPlace, type PathError, type PathErrorKind } from './errors.js';
/** The extension tables' types. */
export type {
  Criticality,
  ExtensionPolicy,
  ExtensionRule,
  ExtensionTable,
  Presence,
} from './extension-policy.js';
/** The policies as data. */
export {
  CABF_POLICY,
  CLIENT_POLICY,
  DEFAULT_POLICY,
  POLICIES,
  type Policy,
  policyFor,
  RFC5280_POLICY,
} from './policy.js';
/** Empties the content-keyed signature caches (benchmarks measuring real signature checks). */
export { clearSignatureCaches } from './signature.js';
/** The engine's contract with the verify layer. */
export type { ChainVerifyOptions, ChainVerifyOutcome, CrlCheck, PolicyName, Purpose } from './types.js';
/** Validates a chain and matches the leaf against a reference name. */
export { verifyChain } from './verify-chain.js';
