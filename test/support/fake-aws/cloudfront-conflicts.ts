/** ListConflictingAliases and ListDomainConflicts: who else holds a name (spec aws-and-expiry.md §2.3). */

import {
  type CloudFrontRequest,
  find,
  invalidArgument,
  markerIndex,
  maxItems,
  ok,
} from './cloudfront-common.js';
import { FaultAnswer } from './fault.js';
import { aliasesOverlap } from './names.js';
import { encodeToken, pageFrom, pageSize } from './paging.js';
import type { Answer, FakeAccountSpec } from './types.js';
import { el, leaf, readElement } from './xml.js';

interface Holder {
  alias: string;
  resourceId: string;
  accountId: string;
  resourceType: 'distribution' | 'distribution-tenant';
}

/**
 * Who holds names overlapping `alias`: the account's own distributions and tenants (unmasked)
 * and the configured holders in other accounts (masked as given), except the asking resource.
 */
function holdersOf(account: FakeAccountSpec, alias: string, askingId: string): Holder[] {
  const own: Holder[] = account.distributions.flatMap((d) =>
    d.Aliases.filter((name) => aliasesOverlap(name, alias)).map((name) => ({
      alias: name,
      resourceId: d.Id,
      accountId: account.accountId,
      resourceType: 'distribution' as const,
    })),
  );
  const tenants: Holder[] = (account.tenants ?? []).flatMap((t) =>
    t.Domains.filter((domain) => aliasesOverlap(domain.Domain, alias)).map((domain) => ({
      alias: domain.Domain,
      resourceId: t.Id,
      accountId: account.accountId,
      resourceType: 'distribution-tenant' as const,
    })),
  );
  const others: Holder[] = (account.conflicts ?? [])
    .filter((conflict) => aliasesOverlap(conflict.alias, alias))
    .map((conflict) => ({
      alias: conflict.alias,
      resourceId: conflict.distributionId,
      accountId: conflict.accountId,
      resourceType: conflict.resourceType ?? 'distribution',
    }));
  return [...own, ...tenants, ...others].filter((holder) => holder.resourceId !== askingId);
}

export function conflictingAliases(request: CloudFrontRequest, account: FakeAccountSpec): Answer {
  const alias = request.query.get('Alias');
  const distributionId = request.query.get('DistributionId');
  if (!alias || !distributionId) throw invalidArgument('Alias and DistributionId are required.');
  find(account, distributionId);
  const size = pageSize(maxItems(request.query.get('MaxItems')), account.conflictPageSize ?? 100);
  const page = pageFrom(
    holdersOf(account, alias, distributionId).filter((holder) => holder.resourceType === 'distribution'),
    markerIndex(request.query.get('Marker')),
    size,
  );
  const root = el(
    'ConflictingAliasesList',
    page.next !== undefined ? leaf('NextMarker', encodeToken(page.next)) : undefined,
    leaf('MaxItems', size),
    leaf('Quantity', page.items.length),
    page.items.length > 0
      ? el(
          'Items',
          ...page.items.map((holder) =>
            el(
              'ConflictingAlias',
              leaf('Alias', holder.alias),
              leaf('DistributionId', holder.resourceId),
              leaf('AccountId', holder.accountId),
            ),
          ),
        )
      : undefined,
  );
  return ok(root);
}

export function domainConflicts(request: CloudFrontRequest, account: FakeAccountSpec): Answer {
  const domain = readElement(request.body, 'Domain');
  const askingId =
    readElement(request.body, 'DistributionId') ?? readElement(request.body, 'DistributionTenantId');
  if (!domain || !askingId) throw invalidArgument('Domain and DomainControlValidationResource are required.');
  const isTenant = readElement(request.body, 'DistributionId') === undefined;
  if (isTenant && !(account.tenants ?? []).some((tenant) => tenant.Id === askingId)) {
    throw new FaultAnswer({
      status: 404,
      code: 'EntityNotFound',
      message: 'The distribution tenant does not exist.',
    });
  }
  if (!isTenant) find(account, askingId);
  const size = pageSize(maxItems(readElement(request.body, 'MaxItems')), account.conflictPageSize ?? 100);
  const page = pageFrom(
    holdersOf(account, domain, askingId),
    markerIndex(readElement(request.body, 'Marker')),
    size,
  );
  const root = el(
    'ListDomainConflictsResult',
    el(
      'DomainConflicts',
      ...page.items.map((holder) =>
        el(
          'DomainConflicts',
          leaf('Domain', holder.alias),
          leaf('ResourceType', holder.resourceType),
          leaf('ResourceId', holder.resourceId),
          leaf('AccountId', holder.accountId),
        ),
      ),
    ),
    page.next !== undefined ? leaf('NextMarker', encodeToken(page.next)) : undefined,
  );
  return ok(root);
}
