/**
 * `--aws-preflight`: for each alias no distribution of the account holds, ListConflictingAliases
 * through a distribution of the account whose certificate covers the alias (the API needs one),
 * which finds holders in other accounts. Each holder becomes a context distribution holding the
 * alias, named by the ids AWS returns (masked), so CF-23 reports CF_ALIAS_ALREADY_EXISTS as it
 * would for a holder in the inputs.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { buildSanIndex, type SanIndex } from '../names/index.js';
import { type ConflictingAlias, listConflictingAliases } from './cloudfront.js';
import { accountDistributions } from './documents.js';
import type { FailedCall } from './failure-findings.js';
import { mapLimit } from './pool.js';
import { acmArnOf, aliasUses, type Use } from './references.js';
import type { AwsSession } from './session.js';

/** What the pre-flight adds to a run. */
export interface PreflightResult {
  readonly context: Distribution[];
  readonly findings: { distributionId: string; finding: Finding }[];
  readonly failed: FailedCall[];
  readonly calls: number;
  readonly succeeded: number;
}

/** Certificates known by ARN (fetched or given), by the names they cover. */
export type DescribeMore = (arns: readonly string[]) => Promise<readonly CertificateEvidence[]>;

/** The last two labels of a name: enough to skip certificates of unrelated domains. */
const tail = (name: string): string => name.split('.').slice(-2).join('.');

/** The SAN index of a certificate from its evidence (ACM copies the domain name into the SANs). */
function indexOf(e: CertificateEvidence): SanIndex | undefined {
  const sans = e.subjectAlternativeNames;
  if (sans === undefined || isUnresolved(sans)) return undefined;
  return buildSanIndex(
    e.domainName !== undefined && !sans.includes(e.domainName) ? [e.domainName, ...sans] : sans,
  );
}

export async function preflight(
  session: AwsSession,
  checked: readonly Distribution[],
  account: readonly Distribution[],
  known: readonly CertificateEvidence[],
  describeMore: DescribeMore,
): Promise<PreflightResult> {
  const result = {
    context: [] as Distribution[],
    findings: [] as PreflightResult['findings'],
    failed: [] as FailedCall[],
    calls: 0,
    succeeded: 0,
  };
  // a tenant's domains are held in the account, but ListConflictingAliases asks through a distribution
  const visible = aliasUses(account);
  const queries = [...aliasUses(checked)].filter(([alias]) => !visible.has(alias));
  if (queries.length === 0) return result;
  const distributions = account.filter((d) => d.tenant === undefined);

  // the account's certificates that could cover a queried alias, described once each
  const tails = new Set(queries.map(([a]) => tail(a)));
  const byArn = new Map<string, CertificateEvidence>();
  for (const e of known) if (e.arn !== undefined) byArn.set(e.arn, e);
  const wanted = new Set<string>();
  for (const d of distributions) {
    const arn = acmArnOf(d);
    if (arn === undefined || byArn.has(arn)) continue;
    if (d.aliases.some((f) => typeof f.value === 'string' && tails.has(tail(f.value.toLowerCase()))))
      wanted.add(arn);
  }
  for (const e of await describeMore([...wanted])) if (e.arn !== undefined) byArn.set(e.arn, e);
  const indexes = new Map<string, SanIndex | undefined>();
  const covering = (alias: string): Distribution | undefined =>
    distributions.find((d) => {
      const arn = acmArnOf(d);
      const e = arn === undefined ? undefined : byArn.get(arn);
      if (arn === undefined || !e) return false;
      if (!indexes.has(arn)) indexes.set(arn, indexOf(e));
      return indexes.get(arn)?.covers(alias).covered === true;
    });

  const own = new Set(distributions.map((d) => d.id));
  await mapLimit(queries, 2, async ([alias, uses]) => {
    const via = covering(alias);
    if (!via) {
      for (const u of uses) result.findings.push(notPossible(alias, u));
      return;
    }
    result.calls++;
    const found = await listConflictingAliases(session, via.id, alias);
    if (!found.ok) {
      for (const u of uses)
        result.failed.push({
          failure: found.failure,
          unchecked: `conflicts of alias ${alias} in other accounts`,
          location: u.location,
          distributionId: u.distribution,
        });
      return;
    }
    result.succeeded++;
    const others = found.value.filter((c) => c.DistributionId !== undefined && !own.has(c.DistributionId));
    if (others.length > 0) result.context.push(...holders(alias, others));
  });
  return result;
}

function notPossible(alias: string, use: Use): { distributionId: string; finding: Finding } {
  return {
    distributionId: use.distribution,
    finding: createFinding('AWS_PREFLIGHT_NOT_POSSIBLE', use.location, {
      alias,
      distribution: use.distribution,
    }),
  };
}

/** Holders in other accounts as list-distributions summaries, read by the same reader. */
function holders(alias: string, conflicts: readonly ConflictingAlias[]): Distribution[] {
  const items = conflicts.map((c) => ({
    Id: `${c.DistributionId} (account ${c.AccountId ?? 'unknown'})`,
    Aliases: { Quantity: 1, Items: [c.Alias ?? alias] },
  }));
  return accountDistributions(
    { DistributionList: { Items: items } },
    `aws cloudfront list-conflicting-aliases (${alias})`,
  );
}
