import {
  type MinimumProtocolVersion,
  RECOMMENDED_MINIMUM_POLICY,
  TLS13_ONLY_POLICIES,
} from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { hasCustomCertificate, locationOf, minimumProtocolVersion } from './fields.js';

/**
 * MS-11: TLSv1.3_2025 allows TLS 1.3 only, so clients limited to TLS 1.2 cannot connect.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
export const tls13OnlyPolicy = defineRule({
  id: 'MS-11',
  code: 'CF_TLS13_ONLY_POLICY',
  group: 4,
  check(ctx) {
    if (!hasCustomCertificate(ctx)) return undefined;
    const policy = minimumProtocolVersion(ctx);
    if (policy === undefined || !TLS13_ONLY_POLICIES.includes(policy as MinimumProtocolVersion))
      return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.minimumProtocolVersion), {
      policy,
      alternatives: ['TLSv1.2_2025', RECOMMENDED_MINIMUM_POLICY],
    });
  },
});
