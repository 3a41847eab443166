/**
 * CloudFront calls (global, us-east-1): every page of ListDistributions, ListDistributionTenants,
 * ListDomainConflicts and ListConflictingAliases.
 */

import { toCliJson } from './cli-shape.js';
import type { AwsSession } from './session.js';
import type { AwsResult } from './types.js';

const CLOUDFRONT = { region: 'us-east-1' } as const;

/** Pages followed at most, against a service (or fake) that never stops answering NextMarker. */
const MAX_PAGES = 10_000;

/** One page of a CloudFront list: its items under the list's root, and the marker of the next. */
interface Page<T> {
  readonly Items?: T[];
  readonly NextMarker?: string;
}

/** Every item of a Marker/NextMarker-paginated list, one call per page. */
async function allPages<T>(
  fetch: (marker: string | undefined) => Promise<Page<T> | undefined>,
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await fetch(marker);
    items.push(...(out?.Items ?? []));
    marker = out?.NextMarker;
    if (!marker) break;
  }
  return items;
}

/**
 * `aws cloudfront list-distributions` output for the whole account: every page's summaries in
 * one `{ "DistributionList": { "Items": [...] } }`, as the CLI prints it after paginating.
 */
export async function listDistributions(
  session: AwsSession,
): Promise<AwsResult<{ DistributionList: { Items: unknown[] } }>> {
  const { ListDistributionsCommand } = session.sdk.cloudfront;
  return session.call(
    { operation: 'ListDistributions', iamAction: 'cloudfront:ListDistributions', ...CLOUDFRONT },
    async () => {
      const items = await allPages(async (marker) => {
        const input = { MaxItems: 100, ...(marker ? { Marker: marker } : {}) };
        // the output is the API's ListDistributionsResult
        const out = (await session.cloudfront().send(new ListDistributionsCommand(input))) as {
          DistributionList?: Page<unknown>;
        };
        return out.DistributionList;
      });
      return { DistributionList: { Items: items.map(toCliJson) } };
    },
  );
}

/**
 * `aws cloudfront list-distribution-tenants` output for the whole account: every page's summaries
 * in one `{ "DistributionTenantList": [...] }`. An account without tenants costs one call.
 */
export async function listDistributionTenants(
  session: AwsSession,
): Promise<AwsResult<{ DistributionTenantList: unknown[] }>> {
  const { ListDistributionTenantsCommand } = session.sdk.cloudfront;
  return session.call(
    {
      operation: 'ListDistributionTenants',
      iamAction: 'cloudfront:ListDistributionTenants',
      ...CLOUDFRONT,
    },
    async () => {
      const items = await allPages(async (marker) => {
        const input = { MaxItems: 100, ...(marker ? { Marker: marker } : {}) };
        // the output is the API's ListDistributionTenantsResult: the list is the page's items
        const out = (await session.cloudfront().send(new ListDistributionTenantsCommand(input))) as {
          DistributionTenantList?: unknown[];
          NextMarker?: string;
        };
        return {
          ...(out.DistributionTenantList ? { Items: out.DistributionTenantList } : {}),
          ...(out.NextMarker ? { NextMarker: out.NextMarker } : {}),
        };
      });
      return { DistributionTenantList: items.map(toCliJson) };
    },
  );
}

/** `aws cloudfront get-distribution --id ID` output: `{ "ETag": ..., "Distribution": {...} }`. */
export async function getDistribution(
  session: AwsSession,
  id: string,
): Promise<AwsResult<{ ETag?: string; Distribution: unknown }>> {
  const { GetDistributionCommand } = session.sdk.cloudfront;
  const result = await session.call(
    { operation: 'GetDistribution', iamAction: 'cloudfront:GetDistribution', ...CLOUDFRONT },
    // the output is the API's GetDistributionResult
    async () =>
      (await session.cloudfront().send(new GetDistributionCommand({ Id: id }))) as {
        ETag?: string;
        Distribution?: unknown;
      },
  );
  if (!result.ok) return result;
  const { ETag, Distribution } = result.value;
  return { ok: true, value: { ...(ETag ? { ETag } : {}), Distribution: toCliJson(Distribution ?? {}) } };
}

/** One item of `aws cloudfront list-conflicting-aliases` (ids of other accounts masked by AWS). */
export interface ConflictingAlias {
  readonly Alias?: string;
  readonly DistributionId?: string;
  readonly AccountId?: string;
}

/** Every page of ListConflictingAliases for an alias, asked through a distribution whose certificate covers it. */
export async function listConflictingAliases(
  session: AwsSession,
  distributionId: string,
  alias: string,
): Promise<AwsResult<ConflictingAlias[]>> {
  const { ListConflictingAliasesCommand } = session.sdk.cloudfront;
  return session.call(
    { operation: 'ListConflictingAliases', iamAction: 'cloudfront:ListConflictingAliases', ...CLOUDFRONT },
    () =>
      allPages(async (marker) => {
        const input = {
          DistributionId: distributionId,
          Alias: alias,
          MaxItems: 100,
          ...(marker ? { Marker: marker } : {}),
        };
        // the output is the API's ListConflictingAliasesResult
        const out = (await session.cloudfront().send(new ListConflictingAliasesCommand(input))) as {
          ConflictingAliasesList?: Page<ConflictingAlias>;
        };
        return out.ConflictingAliasesList;
      }),
  );
}

/** One item of `aws cloudfront list-domain-conflicts` (ids of other accounts masked by AWS). */
export interface DomainConflict {
  readonly Domain?: string;
  readonly ResourceType?: string;
  readonly ResourceId?: string;
  readonly AccountId?: string;
}

/** The resource of the account a domain-conflict query goes through (its certificate covers the domain). */
export type ConflictResource = { readonly distributionId: string } | { readonly tenantId: string };

/**
 * Every page of ListDomainConflicts for a domain, asked through a standard distribution or a
 * distribution tenant of the account whose certificate covers it. AWS authorizes the call with
 * GetDistribution (or GetDistributionTenant) on that resource as well (spec §2.3), so the IAM
 * action named on a failure is the pair.
 */
export async function listDomainConflicts(
  session: AwsSession,
  via: ConflictResource,
  domain: string,
): Promise<AwsResult<DomainConflict[]>> {
  const { ListDomainConflictsCommand } = session.sdk.cloudfront;
  const resource =
    'distributionId' in via ? { DistributionId: via.distributionId } : { DistributionTenantId: via.tenantId };
  const read = 'distributionId' in via ? 'cloudfront:GetDistribution' : 'cloudfront:GetDistributionTenant';
  return session.call(
    {
      operation: 'ListDomainConflicts',
      iamAction: `cloudfront:ListDomainConflicts and ${read}`,
      ...CLOUDFRONT,
    },
    () =>
      allPages(async (marker) => {
        const input = {
          Domain: domain,
          DomainControlValidationResource: resource,
          MaxItems: 100,
          ...(marker ? { Marker: marker } : {}),
        };
        // the output is the API's ListDomainConflictsResult: the list is the page's items
        const out = (await session.cloudfront().send(new ListDomainConflictsCommand(input))) as {
          DomainConflicts?: DomainConflict[];
          NextMarker?: string;
        };
        return {
          ...(out.DomainConflicts ? { Items: out.DomainConflicts } : {}),
          ...(out.NextMarker ? { NextMarker: out.NextMarker } : {}),
        };
      }),
  );
}
