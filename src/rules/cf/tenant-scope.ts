/**
 * Which rules run on a distribution tenant, and when. A tenant is an entry of the gate like a
 * distribution, but most of a distribution's settings (SSL support method, security policy, HTTP
 * version, legacy fields) are its parent's, already checked on the parent: running those rules
 * on every tenant would say each fact once per tenant. What is the tenant's own is its domains
 * and, when it has one, its certificate.
 */

import type { Distribution } from '../../cloudfront/model.js';

/**
 * - `names`: the tenant's domains themselves (syntax, conflicts, quota): every tenant.
 * - `coverage`: the domains against the certificate serving them: unless CloudFront issues it.
 * - `certificate`: the certificate's own state: only a tenant's own certificate (the parent's
 *   is reported on the parent).
 * - `distribution`: settings tenants inherit: never on a tenant.
 * - `tenant`: only on tenants.
 */
export type TenantScope = 'names' | 'coverage' | 'certificate' | 'distribution' | 'tenant';

/** Every rule's scope, by rulebook id (a test holds every registered rule to a row here). */
export const TENANT_SCOPE: Readonly<Record<string, TenantScope>> = {
  'CF-01': 'coverage',
  'CF-02': 'certificate',
  'CF-03': 'certificate',
  'CF-04': 'certificate',
  'CF-05': 'certificate',
  'CF-06': 'certificate',
  'CF-07': 'certificate',
  'CF-08': 'certificate',
  'CF-09': 'coverage',
  'CF-10': 'coverage',
  'CF-11': 'certificate',
  'CF-12': 'distribution',
  'CF-13': 'distribution',
  'CF-14': 'distribution',
  'CF-15': 'distribution',
  'CF-16': 'distribution',
  'CF-17': 'distribution',
  'CF-18': 'distribution',
  'CF-19': 'distribution',
  'CF-20': 'distribution',
  'CF-21': 'distribution',
  'CF-22': 'distribution',
  'CF-23': 'names',
  'CF-24': 'names',
  'CF-25': 'names',
  'CF-26': 'distribution',
  'CF-27': 'names',
  'CF-28': 'distribution',
  'CF-29': 'certificate',
  // a CloudFront-managed certificate is what tenants are meant to use
  'CF-30': 'distribution',
  'MS-01': 'distribution',
  'MS-02': 'coverage',
  'MS-03': 'names',
  'MS-04': 'distribution',
  'MS-05': 'certificate',
  'MS-06': 'certificate',
  'MS-07': 'certificate',
  'MS-08': 'distribution',
  'MS-09': 'distribution',
  'MS-10': 'distribution',
  'MS-11': 'distribution',
  'MS-12': 'distribution',
  'TN-01': 'tenant',
  'TN-02': 'tenant',
  'W-01': 'distribution',
  'W-02': 'distribution',
  'W-03': 'distribution',
  'W-04': 'certificate',
  'W-05': 'certificate',
};

/** Whether the rule `ruleId` runs on distributions (every rule but the tenant-only ones). */
export function runsOnDistributions(ruleId: string): boolean {
  return (TENANT_SCOPE[ruleId] ?? 'distribution') !== 'tenant';
}

/** Whether the rule `ruleId` runs on `entry` (a distribution, or a tenant). */
export function runsOn(ruleId: string, entry: Distribution): boolean {
  const tenant = entry.tenant;
  if (tenant === undefined) return runsOnDistributions(ruleId);
  const scope = TENANT_SCOPE[ruleId] ?? 'distribution';
  switch (scope) {
    case 'names':
    case 'tenant':
      return true;
    case 'coverage':
      return tenant.certificate !== 'managed';
    case 'certificate':
      return tenant.certificate === 'own';
    default:
      return false;
  }
}
