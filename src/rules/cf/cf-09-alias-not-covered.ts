import { sansForMessage, uncoveredAliases } from './coverage.js';
import { defineRule } from './define-rule.js';

/**
 * CF-09: an alias no SAN covers: not listed, a wildcard SAN at its apex, or a wildcard one level
 * too high (rulebook §2.1; `buildSanIndex`). The last check of CloudFront's order. A certificate
 * with no SANs at all is a warning: CloudFront's CN handling is UNCONFIRMED (§2.1, §8.4).
 * Malformed aliases are CF-27's; wildcard aliases without the identical SAN are CF-10's.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export const aliasNotCovered = defineRule({
  id: 'CF-09',
  code: 'CF_ALIAS_NOT_COVERED',
  awsError: 'InvalidViewerCertificate',
  group: 3,
  check(ctx) {
    const all = uncoveredAliases(ctx);
    if (all.length === 0) return undefined;
    const misses = all.filter(
      (m) =>
        m.coverage.miss.kind !== 'InvalidAlias' && m.coverage.miss.kind !== 'WildcardAliasNeedsIdenticalSan',
    );
    if (misses.length === 0) return undefined;
    const certificate = ctx.certificateLabel();
    const sans = sansForMessage(ctx);
    return misses.map(({ alias, coverage: { miss } }) => {
      const hint = {
        miss: miss.kind,
        ...('wildcard' in miss ? { wildcard: miss.wildcard } : {}),
        ...('labels' in miss ? { labels: miss.labels } : {}),
        ...('commonNameWouldCover' in miss ? { commonNameWouldCover: miss.commonNameWouldCover } : {}),
      };
      const noSan = miss.kind === 'NoSubjectAltName';
      return ctx.report(
        alias.location,
        { alias: alias.name, certificate, ...sans, ...hint },
        noSan ? { severity: 'warning' } : {},
      );
    });
  },
});
