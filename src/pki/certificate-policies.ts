/**
 * Certificate policy processing (RFC 5280 §6.1.2 (a), (d)-(f), (i)-(j); §6.1.3 (d)-(f);
 * §6.1.4 (a)-(b), (g)-(j); §6.1.5 (a)-(b), (g)), over a valid policy *graph* rather than the
 * RFC's tree, as RFC 9618 describes: a policy appears once per depth, with every node of the
 * level above that leads to it as a parent. The tree can grow exponentially with the path
 * (OpenSSL's CVE-2023-0464); the graph holds at most one node per policy and depth, and the work
 * is bounded by the budget.
 *
 * Policy qualifiers are not tracked: nothing certgate reports depends on them.
 */

import { isSelfIssued } from '../x509/chain-order.js';
import type { Certificate } from '../x509/model.js';
import type { Budget } from './budget.js';
import type { PathError } from './errors.js';

/** The special policy that matches every policy (RFC 5280 §4.2.1.4). */
export const ANY_POLICY = '2.5.29.32.0';

/** The user-initial settings of RFC 5280 §6.1.1 (c), (e), (f), (g). */
export interface PolicySettings {
  /** user-initial-policy-set: the policies the relying party accepts (default: anyPolicy). */
  readonly initialPolicySet?: readonly string[];
  /** initial-explicit-policy: the path must be valid for at least one of them. */
  readonly requireExplicitPolicy?: boolean;
  /** initial-policy-mapping-inhibit. */
  readonly inhibitPolicyMapping?: boolean;
  /** initial-any-policy-inhibit. */
  readonly inhibitAnyPolicy?: boolean;
}

/** One node of the graph: a policy valid at its depth, and what the next certificate may assert for it. */
interface PolicyNode {
  readonly policy: string;
  /** expected_policy_set: the policies of the next certificate that continue this one. */
  expected: ReadonlySet<string>;
  /** Nodes of the level above that lead here. */
  readonly parents: Set<PolicyNode>;
}

type Level = Map<string, PolicyNode>;

const node = (policy: string, parents: Iterable<PolicyNode>): PolicyNode => ({
  policy,
  expected: new Set([policy]),
  parents: new Set(parents),
});

/** The RFC 5280 §6.1.2 counters, decremented per non-self-issued certificate. */
interface Counters {
  explicitPolicy: number;
  policyMapping: number;
  inhibitAnyPolicy: number;
  /** The certificate (path index, 0 = leaf) or setting that made an explicit policy required. */
  explicitBy?: number | 'settings';
}

/**
 * Runs policy processing over a validated path (leaf first, anchor last; the anchor is not
 * processed, RFC 5280 §6.1). Returns the first failure: an anyPolicy in a policy mapping, or no
 * valid policy where an explicit one is required.
 */
export function checkPolicies(
  path: readonly Certificate[],
  settings: PolicySettings,
  budget: Budget,
): PathError | undefined {
  // RFC 5280 §6.1: certificates 1..n run from the one the anchor issued (i = 1) to the leaf (n)
  const certs = path.slice(0, -1).reverse();
  const n = certs.length;
  if (n === 0) return undefined;
  const counters: Counters = {
    explicitPolicy: settings.requireExplicitPolicy ? 0 : n + 1,
    policyMapping: settings.inhibitPolicyMapping ? 0 : n + 1,
    inhibitAnyPolicy: settings.inhibitAnyPolicy ? 0 : n + 1,
    ...(settings.requireExplicitPolicy ? { explicitBy: 'settings' as const } : {}),
  };
  // §6.1.2 (a): the graph starts as one anyPolicy node at depth 0
  let level: Level | undefined = new Map([[ANY_POLICY, node(ANY_POLICY, [])]]);
  const levels: Level[] = [level];
  let emptiedAt: number | undefined;
  for (let i = 1; i <= n; i++) {
    const cert = certs[i - 1]!;
    const index = n - i; // the certificate's index in the leaf-first path
    if (level) {
      const next = processCertificate(cert, level, i, n, counters, budget);
      if (next.error) return next.error;
      level = next.level;
      if (level) levels.push(level);
      else emptiedAt ??= index;
    }
    // §6.1.3 (f): with an explicit policy required, the graph must not be empty
    if (!level && counters.explicitPolicy === 0) return noValidPolicy(certs, index, counters, emptiedAt);
    if (i < n) {
      const error = prepareNext(cert, level, counters, index);
      if (error) return error;
      if (level?.size === 0) {
        level = undefined;
        emptiedAt ??= index;
      }
    }
  }
  // §6.1.5 (a)-(b): wrap-up on the leaf
  const leaf = certs[n - 1]!;
  if (counters.explicitPolicy > 0) counters.explicitPolicy--;
  if (leaf.extension('policyConstraints')?.requireExplicitPolicy === 0) {
    counters.explicitPolicy = 0;
    counters.explicitBy ??= 0;
  }
  // §6.1.5 (g): the graph meets the user's set; an explicit policy then needs a survivor
  const valid = level !== undefined && acceptedLeaves(levels, settings.initialPolicySet);
  if (!valid && counters.explicitPolicy === 0) return noValidPolicy(certs, 0, counters, emptiedAt);
  return undefined;
}

/** §6.1.3 (d)-(e): the next level of the graph from one certificate, or undefined when it is empty. */
function processCertificate(
  cert: Certificate,
  above: Level,
  i: number,
  n: number,
  counters: Counters,
  budget: Budget,
): { readonly level?: Level; readonly error?: PathError } {
  const policies = cert.extension('certificatePolicies')?.policies;
  // §6.1.3 (e): without certificatePolicies the graph becomes empty
  if (!policies) return {};
  const next: Level = new Map();
  let hasAny = false;
  // §6.1.3 (d)(1): each asserted policy continues the nodes that expect it, else anyPolicy
  for (const { policyIdentifier: p } of policies) {
    if (p === ANY_POLICY) {
      hasAny = true;
      continue;
    }
    const parents = [...above.values()].filter((x) => x.expected.has(p));
    const fallback = parents.length === 0 ? above.get(ANY_POLICY) : undefined;
    if (parents.length === 0 && !fallback) continue;
    const spent = budget.spendPolicyNodes(1 + parents.length);
    if (spent) return { error: spent };
    next.set(p, node(p, fallback ? [fallback] : parents));
  }
  // §6.1.3 (d)(2): anyPolicy continues every expected policy not yet continued, while allowed
  if (hasAny && (counters.inhibitAnyPolicy > 0 || (i < n && isSelfIssued(cert)))) {
    for (const parent of above.values()) {
      for (const p of parent.expected) {
        const spent = budget.spendPolicyNodes(1);
        if (spent) return { error: spent };
        const existing = next.get(p);
        if (existing) existing.parents.add(parent);
        else next.set(p, node(p, [parent]));
      }
    }
  }
  // §6.1.3 (d)(3) prunes nodes above that lead nowhere; a node that leads nowhere never reaches
  // the leaf's depth either, so the graph keeps them and only the newest level is asked
  return next.size === 0 ? {} : { level: next };
}

/**
 * §6.1.4 (a)-(b), (h)-(j): policy mappings of certificate i, then the counters for i + 1.
 * Returns an error for an anyPolicy mapping.
 */
function prepareNext(
  cert: Certificate,
  level: Level | undefined,
  counters: Counters,
  index: number,
): PathError | undefined {
  const mappings = cert.extension('policyMappings')?.mappings ?? [];
  // §6.1.4 (a): anyPolicy may not be mapped, to or from
  const bad = mappings.find(
    (m) => m.issuerDomainPolicy === ANY_POLICY || m.subjectDomainPolicy === ANY_POLICY,
  );
  if (bad) {
    return {
      certIndex: index,
      certificate: cert.subject.text,
      kind: 'InvalidPolicyMapping',
      issuerDomainPolicy: bad.issuerDomainPolicy,
      subjectDomainPolicy: bad.subjectDomainPolicy,
    };
  }
  if (level && mappings.length > 0) applyMappings(level, mappings, counters.policyMapping > 0);
  // §6.1.4 (h): counters count down per certificate that is not self-issued
  if (!isSelfIssued(cert)) {
    if (counters.explicitPolicy > 0) counters.explicitPolicy--;
    if (counters.policyMapping > 0) counters.policyMapping--;
    if (counters.inhibitAnyPolicy > 0) counters.inhibitAnyPolicy--;
  }
  // §6.1.4 (i)-(j): the certificate's own constraints can only tighten them
  const pc = cert.extension('policyConstraints');
  if (pc?.requireExplicitPolicy !== undefined && pc.requireExplicitPolicy < counters.explicitPolicy) {
    counters.explicitPolicy = pc.requireExplicitPolicy;
    counters.explicitBy = index;
  }
  if (pc?.inhibitPolicyMapping !== undefined && pc.inhibitPolicyMapping < counters.policyMapping) {
    counters.policyMapping = pc.inhibitPolicyMapping;
  }
  const iap = cert.extension('inhibitAnyPolicy')?.skipCerts;
  if (iap !== undefined && iap < counters.inhibitAnyPolicy) counters.inhibitAnyPolicy = iap;
  return undefined;
}

/** §6.1.4 (b): each issuerDomainPolicy's node expects its subjectDomainPolicies instead, or is deleted when mapping is inhibited. */
function applyMappings(
  level: Level,
  mappings: readonly { issuerDomainPolicy: string; subjectDomainPolicy: string }[],
  allowed: boolean,
): void {
  const to = new Map<string, Set<string>>();
  for (const m of mappings) {
    const set = to.get(m.issuerDomainPolicy) ?? new Set<string>();
    set.add(m.subjectDomainPolicy);
    to.set(m.issuerDomainPolicy, set);
  }
  const any = level.get(ANY_POLICY);
  for (const [from, targets] of to) {
    const existing = level.get(from);
    if (!allowed) {
      // §6.1.4 (b)(2): mapping inhibited: the mapped policy ends here
      if (existing) level.delete(from);
      continue;
    }
    // §6.1.4 (b)(1): the node expects the targets; without one, anyPolicy's parents get a new node
    if (existing) existing.expected = targets;
    else if (any) level.set(from, { policy: from, expected: targets, parents: new Set(any.parents) });
  }
}

/**
 * §6.1.5 (g) on the graph: whether a policy at the leaf's depth survives the intersection with
 * the user-initial-policy-set. Along each path from the root, the policy that counts is the first
 * one that is not anyPolicy (the user's name for it; later nodes may be mapped names); a path of
 * anyPolicy all the way down stands for every policy of the set.
 */
function acceptedLeaves(levels: readonly Level[], initial: readonly string[] | undefined): boolean {
  const set = initial && !initial.includes(ANY_POLICY) ? new Set(initial) : undefined;
  const leaves = levels[levels.length - 1]!;
  if (!set) return leaves.size > 0;
  // per node: reached by a path of anyPolicy only, or by a path whose first named policy is accepted
  const allAny = new Set<PolicyNode>();
  const accepted = new Set<PolicyNode>();
  for (const x of levels[0]!.values()) allAny.add(x);
  for (let d = 1; d < levels.length; d++) {
    for (const x of levels[d]!.values()) {
      for (const p of x.parents) {
        if (accepted.has(p)) accepted.add(x);
        else if (allAny.has(p)) {
          if (x.policy === ANY_POLICY) allAny.add(x);
          else if (set.has(x.policy)) accepted.add(x);
        }
      }
    }
  }
  return [...leaves.values()].some((x) => accepted.has(x) || allAny.has(x));
}

function noValidPolicy(
  certs: readonly Certificate[],
  index: number,
  counters: Counters,
  emptiedAt: number | undefined,
): PathError {
  const n = certs.length;
  const cert = certs[n - 1 - index]!;
  return {
    certIndex: index,
    certificate: cert.subject.text,
    kind: 'NoValidPolicy',
    requiredBy: counters.explicitBy ?? 'settings',
    ...(emptiedAt === undefined ? {} : { emptiedAt }),
  };
}
