/**
 * CloudFront's REST-XML API as the pinned SDK reads it (spec aws-and-expiry.md §2.7): the list
 * item element names of the SDK schema, `text/xml`, the 2020-05-31 namespace, ETag headers.
 * This file routes a request to its operation; the operations live beside it.
 */

import { API, type CloudFrontRequest } from './cloudfront-common.js';
import { conflictingAliases, domainConflicts } from './cloudfront-conflicts.js';
import { getConfig, getDistribution, list } from './cloudfront-distributions.js';
import { listTenants, tenantByDomain } from './cloudfront-tenants.js';
import type { Answer, FakeAccountSpec } from './types.js';

export { cloudFrontError } from './cloudfront-common.js';

interface Route {
  operation: string;
  run(request: CloudFrontRequest, account: FakeAccountSpec): Answer;
}

/** The operation a request is for, or undefined when the fake does not serve it. */
export function routeCloudFront(method: string, path: string): Route | undefined {
  if (method === 'GET' && path === `${API}/distribution`)
    return { operation: 'ListDistributions', run: list };
  const byId = new RegExp(`^${API}/distribution/([^/]+)(/config)?$`).exec(path);
  if (method === 'GET' && byId) {
    const id = decodeURIComponent(byId[1]!);
    return byId[2]
      ? { operation: 'GetDistributionConfig', run: (_, account) => getConfig(account, id) }
      : { operation: 'GetDistribution', run: (_, account) => getDistribution(account, id) };
  }
  if (method === 'GET' && path === `${API}/conflicting-alias`)
    return { operation: 'ListConflictingAliases', run: conflictingAliases };
  if (method === 'POST' && path === `${API}/domain-conflicts`)
    return { operation: 'ListDomainConflicts', run: domainConflicts };
  if (method === 'POST' && path === `${API}/distribution-tenants`)
    return { operation: 'ListDistributionTenants', run: listTenants };
  if (method === 'GET' && path === `${API}/distribution-tenant`)
    return { operation: 'GetDistributionTenantByDomain', run: tenantByDomain };
  return undefined;
}
