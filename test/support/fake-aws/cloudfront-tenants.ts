/** CloudFront SaaS Manager distribution tenants (ListDistributionTenants, GetDistributionTenantByDomain). */

import { type CloudFrontRequest, DEFAULT_TIME, markerIndex, maxItems, ok } from './cloudfront-common.js';
import { FaultAnswer } from './fault.js';
import { tagFrom } from './names.js';
import { encodeToken, pageFrom, pageSize } from './paging.js';
import type { Answer, FakeAccountSpec, FakeTenant } from './types.js';
import { el, leaf, readElement, type XmlElement } from './xml.js';

function tenantXml(account: FakeAccountSpec, t: FakeTenant, name: string): XmlElement {
  return el(
    name,
    leaf('Id', t.Id),
    leaf('DistributionId', t.DistributionId),
    leaf('Name', t.Name ?? t.Id),
    leaf('Arn', t.Arn ?? `arn:aws:cloudfront::${account.accountId}:distribution-tenant/${t.Id}`),
    // The SDK model gives this list no item name, so it reads <member> (spec §2.7).
    el(
      'Domains',
      ...t.Domains.map((domain) =>
        el(
          account.tenantDomainItem ?? 'member',
          leaf('Domain', domain.Domain),
          leaf('Status', domain.Status ?? 'active'),
        ),
      ),
    ),
    t.CertificateArn ? el('Customizations', el('Certificate', leaf('Arn', t.CertificateArn))) : undefined,
    leaf('ConnectionGroupId', t.ConnectionGroupId),
    leaf('CreatedTime', t.CreatedTime ?? DEFAULT_TIME),
    leaf('LastModifiedTime', t.LastModifiedTime ?? DEFAULT_TIME),
    leaf('ETag', t.ETag ?? `E${tagFrom(`etag:${t.Id}`, 13)}`),
    leaf('Enabled', t.Enabled ?? true),
    leaf('Status', t.Status ?? 'Deployed'),
  );
}

export function listTenants(request: CloudFrontRequest, account: FakeAccountSpec): Answer {
  const distributionId = readElement(request.body, 'DistributionId');
  const connectionGroupId = readElement(request.body, 'ConnectionGroupId');
  const matching = (account.tenants ?? []).filter(
    (tenant) =>
      (distributionId === undefined || tenant.DistributionId === distributionId) &&
      (connectionGroupId === undefined || tenant.ConnectionGroupId === connectionGroupId),
  );
  const size = pageSize(maxItems(readElement(request.body, 'MaxItems')), account.pageSize ?? 2);
  const page = pageFrom(matching, markerIndex(readElement(request.body, 'Marker')), size);
  const root = el(
    'ListDistributionTenantsResult',
    page.next !== undefined ? leaf('NextMarker', encodeToken(page.next)) : undefined,
    el(
      'DistributionTenantList',
      ...page.items.map((t) => tenantXml(account, t, 'DistributionTenantSummary')),
    ),
  );
  return ok(root);
}

export function tenantByDomain(request: CloudFrontRequest, account: FakeAccountSpec): Answer {
  const domain = request.query.get('domain')?.toLowerCase();
  const tenant = (account.tenants ?? []).find((t) =>
    t.Domains.some((d) => d.Domain.toLowerCase() === domain),
  );
  if (!tenant) {
    throw new FaultAnswer({
      status: 404,
      code: 'EntityNotFound',
      message: 'The distribution tenant does not exist.',
    });
  }
  return ok(tenantXml(account, tenant, 'DistributionTenant'), {
    etag: tenant.ETag ?? `E${tagFrom(`etag:${tenant.Id}`, 13)}`,
  });
}
