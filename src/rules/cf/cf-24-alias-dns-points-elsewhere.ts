import { defineRule } from './define-rule.js';
import { NAMES_LISTED, othersList } from './fields.js';

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
      // most names have no wildcard alias above them at all: one look in the index says so
      if (ctx.index.coveringWildcards(alias.lower).length === 0) continue;
      // the nearest wildcard above the name that another distribution holds (D-WILD), asked of
      // the index per parent label: never a list of every holder of every covering wildcard
      const name = alias.lower.startsWith('*.') ? alias.lower.slice(2) : alias.lower;
      for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
        const wildcard = `*.${name.slice(dot + 1)}`;
        const others = ctx.index.otherAliasHolders(wildcard, ctx.distribution, NAMES_LISTED);
        if (others.count === 0) continue;
        out.push(ctx.report(alias.location, { alias: alias.name, wildcard, others: othersList(others) }));
        break;
      }
    }
    return out;
  },
});
