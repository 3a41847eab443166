import { defineRule } from './define-rule.js';
import { hasCustomCertificate, viewerLocation } from './fields.js';

/**
 * CF-20: an ACM or IAM certificate without SSLSupportMethod. The API and CloudFormation say it
 * must be set with a custom certificate; OBSERVED: the stack fails. The code is UNCONFIRMED.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-viewercertificate.html
 * https://github.com/aws/aws-cdk/issues/9193
 */
export const sslSupportMethodMissing = defineRule({
  id: 'CF-20',
  code: 'CF_SSL_SUPPORT_METHOD_MISSING',
  certainty: 'unconfirmed',
  group: 4,
  check(ctx) {
    if (!hasCustomCertificate(ctx) || ctx.distribution.viewerCertificate?.sslSupportMethod) return undefined;
    return ctx.report(viewerLocation(ctx), { certificate: ctx.certificateLabel() });
  },
});
