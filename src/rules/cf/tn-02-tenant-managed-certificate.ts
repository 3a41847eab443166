import { defineRule } from './define-rule.js';

/**
 * TN-02: a tenant that asks CloudFront for its certificate (ManagedCertificateRequest). CloudFront
 * requests an HTTP-validated ACM certificate for the tenant's domains and can only validate it
 * once the domains reach CloudFront (validation token host `cloudfront`) or serve the token
 * themselves (`self-hosted`); until then HTTPS on those domains does not work. Offline, nothing
 * more can be checked.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ManagedCertificateRequest.html
 */
export const tenantManagedCertificate = defineRule({
  id: 'TN-02',
  code: 'CF_TENANT_MANAGED_CERTIFICATE',
  group: 2,
  check(ctx) {
    const tenant = ctx.distribution.tenant;
    if (tenant?.certificate !== 'managed') return undefined;
    const domains = ctx.aliases().map((a) => a.name);
    return ctx.report(tenant.managedCertificateRequest ?? ctx.distribution.location, {
      domains,
      count: domains.length,
    });
  },
});
