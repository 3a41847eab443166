/**
 * Certificate policy processing (RFC 5280 §6.1.3 (d)-(f), §6.1.4 (a)-(b), (h)-(j), §6.1.5 (g)),
 * table first: each row is a root → intermediate → leaf chain whose CAs assert policies, map them
 * or constrain them, the user-initial settings, and the outcome. NIST PKITS (in
 * test/conformance/pkits.test.ts) covers the standard case by case; these rows name the rules.
 */

import { describe, expect, it } from 'vitest';
import { Budget } from '../../src/pki/budget.js';
import { checkPolicies } from '../../src/pki/certificate-policies.js';
import { type PolicySettings, verifyChain } from '../../src/pki/index.js';
import type { CertificateOptions, RawExtension } from '../support/cert-factory.js';
import { implicit, int, oid, seq } from '../support/der-writer.js';
import { ca, chain, decode, leaf } from './fixtures.js';

const P1 = '2.16.840.1.101.3.2.1.48.1';
const P2 = '2.16.840.1.101.3.2.1.48.2';
const ANY = '2.5.29.32.0';

const requireExplicit = (skip: number): RawExtension => ({
  oid: '2.5.29.36',
  critical: true,
  value: seq(implicit(0, int(skip).subarray(2))),
});
const inhibitMapping = (skip: number): RawExtension => ({
  oid: '2.5.29.36',
  critical: true,
  value: seq(implicit(1, int(skip).subarray(2))),
});
const mapping = (...pairs: [string, string][]): RawExtension => ({
  oid: '2.5.29.33',
  value: seq(...pairs.map(([from, to]) => seq(oid(from), oid(to)))),
});

const root = ca('CN=Policy Test Root', undefined);

/** One row: what the intermediate and the leaf carry, the settings, and the outcome. */
interface PolicyRow {
  readonly name: string;
  readonly intermediate: CertificateOptions;
  readonly leaf: CertificateOptions;
  readonly settings?: PolicySettings;
  readonly want: 'ok' | { kind: string; requiredBy?: number | 'settings' };
}

const rows: PolicyRow[] = [
  // --- without requirements, policies decide nothing
  { name: 'no policies anywhere', intermediate: {}, leaf: {}, want: 'ok' },
  {
    name: 'different policies, nothing required',
    intermediate: { policies: [P1] },
    leaf: { policies: [P2] },
    want: 'ok',
  },
  // --- requireExplicitPolicy in a CA
  {
    name: 'requireExplicitPolicy 0 and a leaf without policies',
    intermediate: { policies: [P1], extensions: [requireExplicit(0)] },
    leaf: {},
    want: { kind: 'NoValidPolicy', requiredBy: 1 },
  },
  {
    name: 'requireExplicitPolicy 0 and the same policy down the path',
    intermediate: { policies: [P1], extensions: [requireExplicit(0)] },
    leaf: { policies: [P1] },
    want: 'ok',
  },
  {
    name: 'requireExplicitPolicy 0 and a leaf asserting another policy',
    intermediate: { policies: [P1], extensions: [requireExplicit(0)] },
    leaf: { policies: [P2] },
    want: { kind: 'NoValidPolicy', requiredBy: 1 },
  },
  {
    // skipCerts counts the leaf too: with 1, the leaf is the one certificate skipped, and the
    // wrap-up (§6.1.5 (a)) still decrements to 0, so the path needs a policy after all
    name: 'requireExplicitPolicy 1 right above the leaf still requires a policy',
    intermediate: { policies: [P1], extensions: [requireExplicit(1)] },
    leaf: {},
    want: { kind: 'NoValidPolicy', requiredBy: 1 },
  },
  {
    name: 'requireExplicitPolicy 2 right above the leaf requires nothing of this path',
    intermediate: { policies: [P1], extensions: [requireExplicit(2)] },
    leaf: {},
    want: 'ok',
  },
  // --- the user's settings
  {
    name: 'explicit policy required by the settings, the path asserts P1',
    intermediate: { policies: [P1] },
    leaf: { policies: [P1] },
    settings: { requireExplicitPolicy: true },
    want: 'ok',
  },
  {
    name: 'explicit P2 required, the path asserts P1',
    intermediate: { policies: [P1] },
    leaf: { policies: [P1] },
    settings: { requireExplicitPolicy: true, initialPolicySet: [P2] },
    want: { kind: 'NoValidPolicy', requiredBy: 'settings' },
  },
  {
    name: 'anyPolicy in the CAs stands for the policy the user asks for',
    intermediate: { policies: [ANY] },
    leaf: { policies: [ANY] },
    settings: { requireExplicitPolicy: true, initialPolicySet: [P2] },
    want: 'ok',
  },
  {
    name: 'anyPolicy inhibited by the settings: the intermediate continues nothing',
    intermediate: { policies: [ANY] },
    leaf: { policies: [P1] },
    settings: { requireExplicitPolicy: true, inhibitAnyPolicy: true },
    want: { kind: 'NoValidPolicy' },
  },
  // --- policy mappings: the user names the policy in the issuer's domain
  {
    name: 'P1 mapped to P2: a P2 leaf is valid for a user asking for P1',
    intermediate: { policies: [P1], extensions: [mapping([P1, P2])] },
    leaf: { policies: [P2] },
    settings: { requireExplicitPolicy: true, initialPolicySet: [P1] },
    want: 'ok',
  },
  {
    name: 'P1 mapped to P2, the user asks for P2: the mapped name does not count',
    intermediate: { policies: [P1], extensions: [mapping([P1, P2])] },
    leaf: { policies: [P2] },
    settings: { requireExplicitPolicy: true, initialPolicySet: [P2] },
    want: { kind: 'NoValidPolicy' },
  },
  {
    name: 'mapping inhibited by the settings: P1 ends at the mapping CA',
    intermediate: { policies: [P1], extensions: [mapping([P1, P2])] },
    leaf: { policies: [P2] },
    settings: { requireExplicitPolicy: true, inhibitPolicyMapping: true },
    want: { kind: 'NoValidPolicy' },
  },
  {
    name: 'inhibitPolicyMapping 0 in the mapping CA itself',
    intermediate: { policies: [P1], extensions: [mapping([P1, P2]), inhibitMapping(0)] },
    leaf: { policies: [P2] },
    settings: { requireExplicitPolicy: true },
    want: 'ok',
  },
  {
    name: 'anyPolicy may not be mapped',
    intermediate: { policies: [P1], extensions: [mapping([ANY, P2])] },
    leaf: { policies: [P2] },
    want: { kind: 'InvalidPolicyMapping' },
  },
];

describe('certificate policy processing', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const inter = ca('CN=Policy Test Intermediate', root, { ...row.intermediate });
    const options = chain(leaf(inter, ['dns:example.com'], row.leaf), [inter], [root], {
      policy: 'rfc5280',
      ...(row.settings ? { policySettings: row.settings } : {}),
    });
    for (const policy of ['client', 'cabf', 'rfc5280'] as const) {
      const outcome = verifyChain({ ...options, policy });
      if (row.want === 'ok') expect(outcome.ok ? 'ok' : outcome.error, policy).toBe('ok');
      else expect(outcome.ok ? 'ok' : outcome.error, policy).toMatchObject(row.want);
    }
  });

  // the shape of OpenSSL's CVE-2023-0464: k policies per CA, each mapped to each, so the RFC's
  // tree has k^depth nodes; the graph has k per depth
  const bomb = (k: number, depth: number) => {
    const many = Array.from({ length: k }, (_, i) => `1.3.6.1.4.1.99999.${i}`);
    const everyToEvery = many.flatMap((a) => many.map((b) => [a, b] as [string, string]));
    let issuer = root;
    const cas = [];
    for (let i = 0; i < depth; i++) {
      issuer = ca(`CN=Policy Bomb ${i}`, issuer, { policies: many, extensions: [mapping(...everyToEvery)] });
      cas.push(issuer);
    }
    const end = leaf(issuer, ['dns:example.com'], { policies: many });
    return { end, cas: cas.reverse() };
  };

  it('a path whose policy tree would have 60^4 nodes is processed as a graph, and is valid', () => {
    const { end, cas } = bomb(60, 4);
    const start = performance.now();
    const outcome = verifyChain(chain(end, cas, [root], { policySettings: { requireExplicitPolicy: true } }));
    // a hang guard with a wide margin, not a benchmark: the tree would take hours
    expect(performance.now() - start).toBeLessThan(5000);
    expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
  });

  it('the policy budget bounds the graph work too, and running out is BudgetExceeded', () => {
    const { end, cas } = bomb(20, 3);
    const path = decode(end, ...cas, root);
    const settings = { requireExplicitPolicy: true };
    expect(checkPolicies(path, settings, new Budget())).toBeUndefined();
    expect(checkPolicies(path, settings, new Budget({ policyNodes: 500 }))).toMatchObject({
      kind: 'BudgetExceeded',
      budget: 'policyNodes',
      limit: 500,
    });
  });
});
