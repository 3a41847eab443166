import { defineRule } from './define-rule.js';
import { NAMES_LISTED, othersList } from './fields.js';

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
    // grouped by SAN and account in the index: thousands of holders cost each distribution the few names it lists
    const hits = ctx.index.otherAccountAliases(
      sans as readonly string[],
      account,
      ctx.distribution,
      NAMES_LISTED,
    );
    if (hits.count === 0) return undefined;
    return ctx.report(ctx.certificate().location, {
      certificate: ctx.certificateLabel(),
      account,
      names: othersList(hits),
      count: hits.count,
    });
  },
});
