/**
 * The account's distribution tenants (ListDistributionTenants) as context: their domains are held
 * in the account (CNAMEAlreadyExists for an alias or tenant domain of the inputs). A tenant of the
 * inputs with the same Name or Id is that tenant, not a holder of its own domains.
 */

import type { Distribution } from '../cloudfront/model.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { accountTenants } from './documents.js';
import { ACCOUNT_SOURCE } from './failure-findings.js';

/** Tenants named in the note at most; the count says the rest. */
const NAMED = 5;

export const TENANTS_UNCHECKED =
  'domain conflicts with the distribution tenants of the account (CNAMEAlreadyExists)';

const own = (item: unknown, key: string): unknown =>
  typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;

const namesOf = (item: unknown): string[] =>
  [own(item, 'Name'), own(item, 'Id')].filter((v): v is string => typeof v === 'string');

/**
 * list-distribution-tenants output → the account's tenants other than the inputs' own, and a note
 * for those whose Domains came back empty: a tenant always has a domain, so an empty list is one
 * the SDK could not read (spec §2.7: `member` vs `DomainResult` items), not "no domains".
 */
export function tenantContext(
  value: { DistributionTenantList: unknown[] },
  checked: readonly Distribution[],
): { tenants: Distribution[]; findings: { finding: Finding }[] } {
  const mine = new Set(checked.flatMap((d) => d.tenant?.names ?? []));
  const items = value.DistributionTenantList.filter((i) => !namesOf(i).some((n) => mine.has(n)));
  const unknown = items.filter((i) => {
    const domains = own(i, 'Domains');
    return !Array.isArray(domains) || domains.length === 0;
  });
  const tenants = accountTenants({ DistributionTenantList: items });
  if (unknown.length === 0) return { tenants, findings: [] };
  const names = unknown.map((i) => namesOf(i)[0] ?? '(unnamed)');
  const finding = createFinding(
    'AWS_TENANT_DOMAINS_UNKNOWN',
    { source: ACCOUNT_SOURCE },
    { tenants: names.slice(0, NAMED), count: names.length, unchecked: TENANTS_UNCHECKED },
  );
  return { tenants, findings: [{ finding }] };
}
