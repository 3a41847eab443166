import { defineRule } from './define-rule.js';
import { nameList } from './fields.js';

/**
 * MS-04: this distribution's certificate covers aliases of a distribution in another account
 * (both accounts known). A client that reuses a connection for another covered name (HTTP/2
 * connection coalescing) sends SNI for one account and Host for the other, and CloudFront answers
 * 421 Misdirected Request. Whether clients do so cannot be seen offline: a note.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export const domainFrontingRisk = defineRule({
  id: 'MS-04',
  code: 'CF_DOMAIN_FRONTING_RISK',
  group: 5,
  check(ctx) {
    const account = ctx.distribution.accountId;
    if (account === undefined) return undefined;
    const sans = ctx.evidence('coverage')?.coverageNames;
    if (!Array.isArray(sans)) return undefined;
    const hits = new Set<string>();
    for (const san of sans as readonly string[]) {
      const lower = san.toLowerCase();
      const held = lower.startsWith('*.')
        ? ctx.index.aliasesUnder(lower.slice(2))
        : ctx.index.aliasOwners(lower).map((distribution) => ({ alias: lower, distribution }));
      for (const h of held) {
        const other = h.distribution.accountId;
        if (other !== undefined && other !== account)
          hits.add(`${h.alias} (${h.distribution.id}, account ${other})`);
      }
    }
    if (hits.size === 0) return undefined;
    return ctx.report(ctx.certificate().location, {
      certificate: ctx.certificateLabel(),
      account,
      names: nameList([...hits]),
      count: hits.size,
    });
  },
});
