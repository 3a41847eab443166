import { TENANT_ONLY_CONNECTION_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { usesDefaultCertificate, viewerLocation } from './fields.js';

/**
 * W-01: the distribution serves the default `*.cloudfront.net` certificate (with aliases that is
 * CF-01's rejection instead). AWS Config cloudfront-custom-ssl-certificate, Security Hub
 * CloudFront.7 and checkov CKV2_AWS_42 flag it. A multi-tenant distribution has no endpoint of
 * its own (tenants serve through connection groups, each with its certificate), and AWS Config
 * does not apply the rule to it.
 * https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-custom-ssl-certificate.html
 */
export const defaultCertificate = defineRule({
  id: 'W-01',
  code: 'CF_DEFAULT_CERTIFICATE',
  group: 7,
  check(ctx) {
    if (!usesDefaultCertificate(ctx) || ctx.distribution.aliasesUnresolved) return undefined;
    if (ctx.distribution.connectionMode?.value === TENANT_ONLY_CONNECTION_MODE) return undefined;
    if (ctx.aliases().length > 0 || ctx.distribution.aliases.length > 0) return undefined;
    return ctx.report(viewerLocation(ctx), {});
  },
});
