import { defineRule } from './define-rule.js';
import { defaultFlag, usesDefaultCertificate, viewerLocation } from './fields.js';

/**
 * CF-01: aliases while CloudFront would serve its default `*.cloudfront.net` certificate (the
 * flag is true, or no ACM/IAM certificate is named). The first check of CloudFront's order.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export const aliasesWithoutCertificate = defineRule({
  id: 'CF-01',
  code: 'CF_ALIASES_WITHOUT_CERTIFICATE',
  awsError: 'InvalidViewerCertificate',
  group: 1,
  check(ctx) {
    if (!usesDefaultCertificate(ctx)) return undefined;
    const aliases = ctx.aliases();
    if (aliases.length === 0) return undefined;
    return ctx.report(viewerLocation(ctx), {
      aliases: aliases.map((a) => a.name),
      count: aliases.length,
      defaultFlag: defaultFlag(ctx) === true,
    });
  },
});
