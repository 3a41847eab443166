import { DEFAULT_CERTIFICATE_POLICY, isMinimumProtocolVersion } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { locationOf, minimumProtocolVersion, usesDefaultCertificate } from './fields.js';

/**
 * MS-01: a security policy other than TLSv1 with the default certificate. No error: CloudFront
 * silently sets TLSv1, so TLS 1.0/1.1 stay enabled (and Terraform shows a perpetual diff).
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 * https://github.com/aws-samples/document-translation/issues/195
 */
export const defaultCertPolicyIgnored = defineRule({
  id: 'MS-01',
  code: 'CF_DEFAULT_CERT_POLICY_IGNORED',
  group: 4,
  check(ctx) {
    if (!usesDefaultCertificate(ctx)) return undefined;
    const policy = minimumProtocolVersion(ctx);
    if (policy === undefined || !isMinimumProtocolVersion(policy) || policy === DEFAULT_CERTIFICATE_POLICY) {
      return undefined;
    }
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.minimumProtocolVersion), {
      policy,
      effective: DEFAULT_CERTIFICATE_POLICY,
    });
  },
});
