import { defineRule } from './define-rule.js';
import { NAMES_LISTED, othersList } from './fields.js';

/**
 * MS-03: more specific aliases of other distributions under this distribution's wildcard alias.
 * CloudFront allows the overlap and routes by Host header to the most specific match, whatever
 * DNS points at: those names never reach this distribution. A note on the wildcard's holder; the
 * holder of the specific name gets CF-24. Found by each alias walking its parents in the alias map.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export const wildcardAliasOverlap = defineRule({
  id: 'MS-03',
  code: 'CF_WILDCARD_ALIAS_OVERLAP',
  group: 5,
  check(ctx) {
    const out = [];
    for (const alias of ctx.aliases()) {
      if (!alias.lower.startsWith('*.')) continue;
      const under = ctx.index.otherOverlapsUnder(alias.lower, ctx.distribution, NAMES_LISTED);
      if (under.count === 0) continue;
      out.push(
        ctx.report(alias.location, { alias: alias.name, overlaps: othersList(under), count: under.count }),
      );
    }
    return out;
  },
});
