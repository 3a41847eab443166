import { sansForMessage, uncoveredAliases } from './coverage.js';
import { defineRule } from './define-rule.js';

/**
 * CF-10: a wildcard alias (`*.example.com`) without the identical wildcard SAN. A list of
 * specific names never covers a wildcard alias (INFERRED from the same-level rule, §2.1).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html
 */
export const wildcardAliasNotCovered = defineRule({
  id: 'CF-10',
  code: 'CF_WILDCARD_ALIAS_NOT_COVERED',
  awsError: 'InvalidViewerCertificate',
  group: 3,
  check(ctx) {
    const all = uncoveredAliases(ctx);
    if (all.length === 0) return undefined;
    const misses = all.filter((m) => m.coverage.miss.kind === 'WildcardAliasNeedsIdenticalSan');
    if (misses.length === 0) return undefined;
    const certificate = ctx.certificateLabel();
    const sans = sansForMessage(ctx);
    return misses.map(({ alias }) => ctx.report(alias.location, { alias: alias.name, certificate, ...sans }));
  },
});
