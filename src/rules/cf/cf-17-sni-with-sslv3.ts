import { isMinimumProtocolVersion, POLICIES_BY_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, LABELS, locationOf, minimumProtocolVersion } from './fields.js';

/**
 * CF-17: `sni-only` with a policy sni-only does not offer (SSLv3). InvalidProtocolSettings is
 * modelled for Create/Copy only; on Update the code is UNCONFIRMED (the message says so).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 * https://github.com/cloudtools/troposphere/issues/218
 */
export const sniWithSslv3 = defineRule({
  id: 'CF-17',
  code: 'CF_SNI_WITH_SSLV3',
  awsError: 'InvalidProtocolSettings',
  group: 4,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'sni-only') return undefined;
    const policy = minimumProtocolVersion(ctx);
    const allowed = POLICIES_BY_MODE['sni-only']!;
    if (policy === undefined || !isMinimumProtocolVersion(policy) || allowed.includes(policy))
      return undefined;
    const field = ctx.distribution.viewerCertificate?.minimumProtocolVersion;
    return ctx.report(locationOf(ctx, field), { policy, field: LABELS.policy });
  },
});
