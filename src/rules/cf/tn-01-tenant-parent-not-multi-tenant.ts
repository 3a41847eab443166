import { TENANT_ONLY_CONNECTION_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { LABELS } from './fields.js';

/**
 * TN-01: a distribution tenant whose parent (DistributionId) is a standard distribution. Tenants
 * are created from multi-tenant distributions only (ConnectionMode `tenant-only`); a standard
 * distribution cannot become one (ConnectionMode cannot be changed). CreateDistributionTenant's
 * error for it is UNCONFIRMED (it lists InvalidArgument and InvalidAssociation).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistributionTenant.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html
 */
export const tenantParentNotMultiTenant = defineRule({
  id: 'TN-01',
  code: 'CF_TENANT_PARENT_NOT_MULTI_TENANT',
  awsError: 'InvalidArgument',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    const tenant = ctx.distribution.tenant;
    const parent = tenant?.parentDistribution;
    if (tenant === undefined || parent === undefined) return undefined;
    const field = parent.connectionMode;
    if (field !== undefined && ctx.read(field, LABELS.connectionMode) === undefined) return undefined;
    const mode = field === undefined ? 'direct' : String(field.value);
    if (mode === TENANT_ONLY_CONNECTION_MODE) return undefined;
    return ctx.report(tenant.parent.location, {
      parent: parent.id,
      connectionMode: mode,
      explicit: field !== undefined,
    });
  },
});
