import { MAX_ALIASES_PER_DISTRIBUTION } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-25: more aliases than the per-distribution quota (default 100, adjustable): TooManyDistributionCNAMEs.
 * Unresolved aliases count too: they are aliases whatever their value.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const tooManyAliases = defineRule({
  id: 'CF-25',
  code: 'CF_TOO_MANY_ALIASES',
  awsError: 'TooManyDistributionCNAMEs',
  group: 5,
  check(ctx) {
    const count = ctx.distribution.aliases.length;
    if (count <= MAX_ALIASES_PER_DISTRIBUTION) return undefined;
    return ctx.report(ctx.distribution.location, { count, quota: MAX_ALIASES_PER_DISTRIBUTION });
  },
});
