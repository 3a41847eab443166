import { defineRule } from './define-rule.js';
import { NAMES_LISTED, othersList } from './fields.js';

/**
 * CF-23: an alias is also an alias of another distribution in the inputs. An alias belongs to one
 * distribution or tenant globally, even inside one account: CNAMEAlreadyExists (409). Reported on
 * every distribution involved, each naming the others. Found through the alias map, never by
 * comparing distributions pairwise; each names the first few others and the count, so 20,000
 * holders of one alias cost 20,000 small findings, not 20,000 x 20,000 names. A distribution as
 * deployed (AWS CLI output of an existing one) is not being changed: CloudFront refuses the
 * create/update that brings the alias, so the deployed one fails only for another deployed holder.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
 */
export const aliasAlreadyExists = defineRule({
  id: 'CF-23',
  code: 'CF_ALIAS_ALREADY_EXISTS',
  awsError: 'CNAMEAlreadyExists',
  group: 5,
  check(ctx) {
    const aliases = ctx.aliases();
    const d = ctx.distribution;
    if (!ctx.index.hasSharedAlias(d)) return undefined;
    const out = [];
    for (const alias of aliases) {
      if (!ctx.index.isShared(alias.lower)) continue;
      const others = d.deployed
        ? ctx.index.otherDeployedAliasHolders(alias.lower, d, NAMES_LISTED)
        : ctx.index.otherAliasHolders(alias.lower, d, NAMES_LISTED);
      if (others.count === 0) continue;
      out.push(
        ctx.report(alias.location, {
          alias: alias.name,
          others: othersList(others),
          otherCount: others.count,
        }),
      );
    }
    return out;
  },
});
