/**
 * `--aws-preflight`: for each alias (or tenant domain) of the inputs that no distribution or tenant
 * of the account holds, ListDomainConflicts through a resource of the account whose certificate
 * covers it (the API needs one): a standard distribution, else a distribution tenant. It finds
 * holders in other accounts, distributions and tenants alike (AWS recommends it over
 * ListConflictingAliases, which sees standard distributions only, spec §2.3). When
 * ListDomainConflicts is refused (a policy written for ListConflictingAliases) or fails, and the
 * query went through a distribution, ListConflictingAliases answers instead and the refusal is
 * said: tenants in other accounts were not looked at. Each holder in another account becomes a
 * context distribution holding the alias, named by its kind and the ids AWS returns (masked), so
 * CF-23 reports CF_ALIAS_ALREADY_EXISTS as it would for a holder in the inputs.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { buildSanIndex, type SanIndex } from '../names/index.js';
import { type ConflictResource, listConflictingAliases, listDomainConflicts } from './cloudfront.js';
import { accountDistributions } from './documents.js';
import type { FailedCall } from './failure-findings.js';
import { mapLimit } from './pool.js';
import { acmArnOf, aliasUses, type Use } from './references.js';
import type { AwsSession } from './session.js';
import type { AwsFailure, AwsFailureKind } from './types.js';

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

/** A resource of the account a query can go through: its certificate, and the names it serves. */
interface Via {
  readonly resource: ConflictResource;
  readonly arn: string;
  readonly entry: Distribution;
}

/** A holder of a name, as either API answers it. */
interface Holder {
  readonly domain?: string;
  readonly kind: 'distribution' | 'distribution-tenant';
  readonly id?: string;
  readonly account?: string;
}

/** Failures of ListDomainConflicts after which ListConflictingAliases is asked instead. */
const FALL_BACK: ReadonlySet<AwsFailureKind> = new Set(['access-denied', 'other']);

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

/** A tenant's Id (list-distribution-tenants names it Name, then Id). */
const tenantIdOf = (d: Distribution): string | undefined => d.tenant?.names?.at(-1);

/**
 * The account's resources a query can go through, standard distributions first (the fallback
 * needs one): a multi-tenant distribution is neither (its tenants are, with its certificate
 * unless they have their own).
 */
function viasOf(account: readonly Distribution[]): Via[] {
  const byId = new Map(account.flatMap((d) => (d.tenant ? [] : [[d.id, d] as const])));
  const out: Via[] = [];
  for (const d of account) {
    if (d.tenant || d.connectionMode?.value === 'tenant-only') continue;
    const arn = acmArnOf(d);
    if (arn !== undefined) out.push({ resource: { distributionId: d.id }, arn, entry: d });
  }
  for (const d of account) {
    const tenant = d.tenant;
    const id = tenantIdOf(d);
    if (!tenant || id === undefined) continue;
    const parent = typeof tenant.parent.value === 'string' ? byId.get(tenant.parent.value) : undefined;
    const arn =
      tenant.certificate === 'own'
        ? acmArnOf(d)
        : tenant.certificate === 'parent' && parent
          ? acmArnOf(parent)
          : undefined;
    if (arn !== undefined) out.push({ resource: { tenantId: id }, arn, entry: d });
  }
  return out;
}

/**
 * Whether a holder is in another account: AWS masks other accounts' ids with `*` (spec §2.3), and
 * shows the account's own in full; an unmasked one is the account's (a tenant of the inputs that
 * exists already, a distribution made after the list), whose conflicts the account's lists show.
 */
const elsewhere = (h: Holder, own: ReadonlySet<string>): boolean =>
  h.id !== undefined && !own.has(h.id) && `${h.id}${h.account ?? ''}`.includes('*');

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
  const visible = aliasUses(account);
  const queries = [...aliasUses(checked)].filter(([alias]) => !visible.has(alias));
  if (queries.length === 0) return result;
  const vias = viasOf(account);

  // the account's certificates that could cover a queried alias, described once each
  const tails = new Set(queries.map(([a]) => tail(a)));
  const byArn = new Map<string, CertificateEvidence>();
  for (const e of known) if (e.arn !== undefined) byArn.set(e.arn, e);
  const wanted = new Set<string>();
  for (const v of vias) {
    if (byArn.has(v.arn)) continue;
    if (v.entry.aliases.some((f) => typeof f.value === 'string' && tails.has(tail(f.value.toLowerCase()))))
      wanted.add(v.arn);
  }
  for (const e of await describeMore([...wanted])) if (e.arn !== undefined) byArn.set(e.arn, e);
  const indexes = new Map<string, SanIndex | undefined>();
  const covering = (alias: string): Via | undefined =>
    vias.find((v) => {
      const e = byArn.get(v.arn);
      if (!e) return false;
      if (!indexes.has(v.arn)) indexes.set(v.arn, indexOf(e));
      return indexes.get(v.arn)?.covers(alias).covered === true;
    });

  const own = new Set([
    ...account.flatMap((d) => [d.id, ...(d.tenant?.names ?? [])]),
    ...checked.flatMap((d) => d.tenant?.names ?? []),
  ]);
  // once ListDomainConflicts is refused, queries through a distribution go to the fallback at once
  let refused: AwsFailure | undefined;
  await mapLimit(queries, 2, async ([alias, uses]) => {
    const via = covering(alias);
    if (!via) {
      for (const u of uses) result.findings.push(notPossible(alias, u));
      return;
    }
    const failedFor = (failure: AwsFailure, unchecked: string) => {
      for (const u of uses)
        result.failed.push({ failure, unchecked, location: u.location, distributionId: u.distribution });
    };
    const standard = 'distributionId' in via.resource ? via.resource.distributionId : undefined;
    let failure = standard !== undefined ? refused : undefined;
    if (!failure) {
      result.calls++;
      const found = await listDomainConflicts(session, via.resource, alias);
      if (found.ok) {
        result.succeeded++;
        const held = found.value.map(
          (c): Holder => ({
            ...(c.Domain !== undefined ? { domain: c.Domain } : {}),
            kind: c.ResourceType === 'distribution-tenant' ? 'distribution-tenant' : 'distribution',
            ...(c.ResourceId !== undefined ? { id: c.ResourceId } : {}),
            ...(c.AccountId !== undefined ? { account: c.AccountId } : {}),
          }),
        );
        addHolders(result.context, alias, held, own, 'list-domain-conflicts');
        return;
      }
      failure = found.failure;
      // through a tenant, the refusal may be GetDistributionTenant's alone
      if (failure.kind === 'access-denied' && standard !== undefined) refused = failure;
    }
    if (standard === undefined || !FALL_BACK.has(failure.kind)) {
      failedFor(failure, `conflicts of alias ${alias} in other accounts`);
      return;
    }
    result.calls++;
    const aliases = await listConflictingAliases(session, standard, alias);
    if (!aliases.ok) {
      // the recommended call is the one to allow
      failedFor(failure, `conflicts of alias ${alias} in other accounts`);
      return;
    }
    result.succeeded++;
    failedFor(
      failure,
      `conflicts of alias ${alias} with distribution tenants in other accounts (ListConflictingAliases, asked instead, sees distributions only)`,
    );
    const held = aliases.value.map(
      (c): Holder => ({
        ...(c.Alias !== undefined ? { domain: c.Alias } : {}),
        kind: 'distribution',
        ...(c.DistributionId !== undefined ? { id: c.DistributionId } : {}),
        ...(c.AccountId !== undefined ? { account: c.AccountId } : {}),
      }),
    );
    addHolders(result.context, alias, held, own, 'list-conflicting-aliases');
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

/**
 * Holders in other accounts as list-distributions summaries, read by the same reader, each named
 * by its kind and its ids as AWS returns them (`distribution tenant dt_**** (account ****4455)`).
 */
function addHolders(
  context: Distribution[],
  alias: string,
  held: readonly Holder[],
  own: ReadonlySet<string>,
  command: string,
): void {
  const others = held.filter((h) => elsewhere(h, own));
  if (others.length === 0) return;
  const items = others.map((h) => ({
    Id: `${h.kind === 'distribution-tenant' ? 'distribution tenant' : 'distribution'} ${h.id} (account ${h.account ?? 'unknown'})`,
    Aliases: { Quantity: 1, Items: [h.domain ?? alias] },
  }));
  context.push(
    ...accountDistributions({ DistributionList: { Items: items } }, `aws cloudfront ${command} (${alias})`),
  );
}
