import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, LABELS, locationOf } from './fields.js';

/**
 * CF-21: `static-ip` works only on distributions the CloudFront team enabled for it, which the
 * config cannot show: a warning that says how to find out. The error code is UNCONFIRMED.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 */
export const staticIpNotEnabled = defineRule({
  id: 'CF-21',
  code: 'CF_STATIC_IP_NOT_ENABLED',
  certainty: 'unconfirmed',
  group: 4,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'static-ip') return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.sslSupportMethod), {
      field: LABELS.ssl,
    });
  },
});
