import { defineRule } from './define-rule.js';
import { nameList } from './fields.js';

/**
 * CF-24: a more specific alias under a wildcard alias of another distribution. If DNS for the
 * name (a wildcard record) still resolves to that distribution, CloudFront refuses to add the
 * alias ("incorrectly configured DNS record that points to another CloudFront distribution").
 * DNS cannot be seen offline, so this is a note with the check to run; the code is UNCONFIRMED.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 * https://github.com/aws-amplify/amplify-hosting/issues/346
 */
export const aliasDnsPointsElsewhere = defineRule({
  id: 'CF-24',
  code: 'CF_ALIAS_DNS_POINTS_ELSEWHERE',
  certainty: 'unconfirmed',
  group: 5,
  check(ctx) {
    const out = [];
    for (const alias of ctx.aliases()) {
      const covering = ctx.index.coveringWildcards(alias.lower);
      if (covering.length === 0) continue;
      const over = covering.filter((h) => !ctx.index.isSame(h.distribution, ctx.distribution));
      const nearest = over[0];
      if (!nearest) continue;
      const ids = [...new Set(over.filter((h) => h.alias === nearest.alias).map((h) => h.distribution.id))];
      out.push(
        ctx.report(alias.location, { alias: alias.name, wildcard: nearest.alias, others: nameList(ids) }),
      );
    }
    return out;
  },
});
