import {
  isMinimumProtocolVersion,
  policyRank,
  RECOMMENDED_MINIMUM_POLICY,
} from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { hasCustomCertificate, locationOf, minimumProtocolVersion } from './fields.js';

/**
 * W-03: a custom certificate with a policy older than TLSv1.2_2021 (Security Hub CloudFront.15,
 * trivy AWS-0013; AWS Config's security-policy-check draws the line at TLSv1.2_2018).
 * https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html
 * https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-security-policy-check.html
 */
export const weakSecurityPolicy = defineRule({
  id: 'W-03',
  code: 'CF_WEAK_SECURITY_POLICY',
  group: 7,
  check(ctx) {
    if (!hasCustomCertificate(ctx)) return undefined;
    const policy = minimumProtocolVersion(ctx);
    if (policy === undefined || !isMinimumProtocolVersion(policy)) return undefined;
    if (policyRank(policy) >= policyRank(RECOMMENDED_MINIMUM_POLICY)) return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.minimumProtocolVersion), {
      policy,
      recommended: RECOMMENDED_MINIMUM_POLICY,
    });
  },
});
