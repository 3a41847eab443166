/**
 * The three policies side by side: for each chain, the verdict under `client` (what Chrome and
 * OpenSSL 3 both accept) with the warnings its CA/B profile raises, and under `cabf` and
 * `rfc5280`. Rows are grouped by what the client policy does with an issuance rule: passes it
 * with a warning, or fails it because a client fails it too.
 */

import { describe, expect, it } from 'vitest';
import { type ChainVerifyOptions, type PolicyName, verifyChain } from '../../src/pki/index.js';
import { chain, ref } from './fixtures.js';
import { POLICY_CHAINS, type PolicyChain } from './policy-chains.js';

type Verdict = 'ok' | string;

/** One row: the chain, and per policy the error kind (or `ok`) and, under client, the warnings. */
interface PolicyRow {
  readonly chain: PolicyChain;
  readonly client: Verdict;
  readonly warnings?: readonly string[];
  readonly cabf: Verdict;
  readonly rfc5280: Verdict;
}

const c = POLICY_CHAINS;
const rows: PolicyRow[] = [
  // --- issuance rules no client checks: the client policy warns
  {
    chain: c.cnOutsideSans,
    client: 'ok',
    warnings: ['CommonNameNotInSan@0'],
    cabf: 'CommonNameNotInSan',
    rfc5280: 'ok',
  },
  {
    chain: c.noEku,
    client: 'ok',
    warnings: ['InvalidExtension@0:extKeyUsage'],
    cabf: 'InvalidExtension',
    rfc5280: 'ok',
  },
  {
    chain: c.softBasicConstraints,
    client: 'ok',
    warnings: ['InvalidExtension@1:basicConstraints'],
    cabf: 'InvalidExtension',
    // RFC 5280 §6 processes basicConstraints however it is marked; §4's MUST is a warning
    rfc5280: 'ok',
  },
  {
    chain: c.serialZero,
    client: 'ok',
    warnings: ['InvalidCertificate@0'],
    cabf: 'InvalidCertificate',
    rfc5280: 'ok', // §4.1.2.2 asks it of CAs; §6 does not check serials
  },
  { chain: c.conforming, client: 'ok', warnings: [], cabf: 'ok', rfc5280: 'ok' },
  // --- what a client refuses: the client policy fails too
  { chain: c.caLeaf, client: 'KeyUsageNotAllowed', cabf: 'CaUsedAsEndEntity', rfc5280: 'ok' },
  { chain: c.noTlsKeyUsage, client: 'KeyUsageNotAllowed', cabf: 'ok', rfc5280: 'ok' },
  { chain: c.criticalSki, client: 'InvalidExtension', cabf: 'InvalidExtension', rfc5280: 'ok' },
  { chain: c.cnOnly, client: 'NameMismatch', cabf: 'InvalidExtension', rfc5280: 'NameMismatch' },
];

const optionsOf = (p: PolicyChain): ChainVerifyOptions =>
  chain(p.leaf, p.intermediates, p.anchors, p.host ? { reference: ref(p.host) } : {});

const verdict = (policy: PolicyName, options: ChainVerifyOptions) => {
  const outcome = verifyChain({ ...options, policy });
  return { verdict: outcome.ok ? 'ok' : outcome.error.kind, outcome };
};

const describeWarning = (w: { kind: string; certIndex?: number; extension?: string }) =>
  `${w.kind}@${w.certIndex}${w.extension ? `:${w.extension}` : ''}`;

describe('policies', () => {
  it.each(rows.map((r) => [r.chain.name, r] as const))('%s', (_name, row) => {
    const options = optionsOf(row.chain);
    const client = verdict('client', options);
    expect(client.verdict, 'client').toBe(row.client);
    if (row.warnings && client.outcome.ok) {
      expect(client.outcome.warnings.map(describeWarning)).toEqual(row.warnings);
    }
    expect(verdict('cabf', options).verdict, 'cabf').toBe(row.cabf);
    expect(verdict('rfc5280', options).verdict, 'rfc5280').toBe(row.rfc5280);
  });

  it('client is the default', () => {
    const options = optionsOf(rows[0]!.chain);
    expect(verifyChain(options)).toEqual(verifyChain({ ...options, policy: 'client' }));
  });

  it('cabf enforces its profile, so it has no warnings; rfc5280 warns for its §4 profile', () => {
    const soft = optionsOf(c.softBasicConstraints);
    const cabf = verifyChain({ ...optionsOf(c.conforming), policy: 'cabf' });
    expect(cabf.ok && cabf.warnings).toEqual([]);
    const rfc = verifyChain({ ...soft, policy: 'rfc5280' });
    expect(rfc.ok && rfc.warnings.map(describeWarning)).toEqual(['InvalidExtension@1:basicConstraints']);
  });
});
