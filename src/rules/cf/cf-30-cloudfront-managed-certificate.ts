import { CLOUDFRONT_MANAGED_BY } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-30: an ACM certificate with ManagedBy CLOUDFRONT (HTTP-validated, made for distribution
 * tenants) on a standard distribution. Whether a standard distribution accepts it is
 * UNCONFIRMED (rulebook §8.7), so this is a warning, not a predicted rejection.
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate-characteristics.html
 */
export const cloudfrontManagedCertificate = defineRule({
  id: 'CF-30',
  code: 'CF_CLOUDFRONT_MANAGED_CERTIFICATE',
  certainty: 'unconfirmed',
  group: 2,
  check(ctx) {
    const view = ctx.evidence('origin');
    if (view?.managedBy !== CLOUDFRONT_MANAGED_BY) return undefined;
    return ctx.report(view.location, { certificate: ctx.certificateLabel(), managedBy: view.managedBy });
  },
});
