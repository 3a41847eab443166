import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, locationOf } from './fields.js';

/**
 * W-02: dedicated IP (vip) instead of SNI: costly, quota-bound (CF-22), and flagged by AWS Config
 * cloudfront-sni-enabled, Security Hub CloudFront.8 and cdk-nag AwsSolutions-CFR4.
 * https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-sni-enabled.html
 */
export const dedicatedIp = defineRule({
  id: 'W-02',
  code: 'CF_DEDICATED_IP',
  group: 7,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'vip') return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.sslSupportMethod), {});
  },
});
