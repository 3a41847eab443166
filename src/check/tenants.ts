/**
 * Distribution tenants (CloudFront SaaS Manager) as the gate checks them. A tenant's domains are
 * served with its own certificate, one CloudFront issues for it, or its multi-tenant parent's
 * (typically a wildcard): this step finds the parent among the inputs and, for a tenant that
 * inherits, puts the parent's certificate in the tenant's entry, so the coverage rules check the
 * tenant's domains against the certificate that will really serve them.
 */

import type { Distribution, Field, ViewerCertificate } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';

/** A certificate the gate cannot see: the parent is not among the inputs, or is computed. */
function unknownCertificate(reason: string, field: Field<string>): ViewerCertificate {
  return {
    location: field.location,
    acmCertificateArn: { value: { unresolved: true, reason }, location: field.location },
  };
}

/**
 * The entries with every tenant linked to its parent. Entries that are not tenants are returned
 * as they are (the same objects); a tenant gets a new entry. Linear in entries. A parent not in
 * the inputs is looked up by its CloudFront id among `context` (the account's, with `--aws`).
 */
export function linkTenants(
  entries: readonly Distribution[],
  context: readonly Distribution[] = [],
): readonly Distribution[] {
  if (!entries.some((d) => d.tenant !== undefined)) return entries;
  // a tenant names its parent by the parent's id: in the same file first, else in any input
  const bySourceAndId = new Map<string, Distribution>();
  const byId = new Map<string, Distribution>();
  for (const d of entries) {
    if (d.tenant) continue;
    bySourceAndId.set(`${d.source}\u0000${d.id}`, d);
    if (!byId.has(d.id)) byId.set(d.id, d);
  }
  // the inputs' own version of a distribution wins over the account's copy
  for (const d of context) if (!d.tenant && !byId.has(d.id)) byId.set(d.id, d);
  return entries.map((d) => {
    const tenant = d.tenant;
    if (!tenant) return d;
    const name = tenant.parent.value;
    const parent = isUnresolved(name)
      ? undefined
      : (bySourceAndId.get(`${d.source}\u0000${name}`) ?? byId.get(name));
    if (tenant.certificate !== 'parent') {
      return parent ? { ...d, tenant: { ...tenant, parentDistribution: parent } } : d;
    }
    if (parent === undefined) {
      const reason = isUnresolved(name)
        ? `the parent distribution's certificate: ${name.reason}`
        : `the certificate of parent distribution ${name}, which is not among the inputs${context.length > 0 ? ' nor in the account' : ''}`;
      return { ...d, viewerCertificate: unknownCertificate(reason, tenant.parent) };
    }
    const inherited = parent.viewerCertificate;
    return {
      ...d,
      tenant: { ...tenant, parentDistribution: parent },
      ...(inherited ? { viewerCertificate: inherited } : {}),
      ...(parent.certificateResource !== undefined
        ? { certificateResource: parent.certificateResource }
        : {}),
      ...(parent.accountId !== undefined && d.accountId === undefined ? { accountId: parent.accountId } : {}),
    };
  });
}
