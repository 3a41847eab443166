import { isMinimumProtocolVersion, POLICIES_BY_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, locationOf, minimumProtocolVersion, nameList } from './fields.js';

/**
 * MS-10: a vip distribution with a policy vip offers only through a Support case. Where the
 * account has that exception, the policy applies to all non-SNI requests of every vip
 * distribution in the account (SNI requests keep each one's own), so it must be set on all of
 * them; the other vip distributions of the inputs are named.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 */
export const vipPolicyAccountWide = defineRule({
  id: 'MS-10',
  code: 'CF_VIP_POLICY_ACCOUNT_WIDE',
  group: 4,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'vip') return undefined;
    const policy = minimumProtocolVersion(ctx);
    if (policy === undefined || !isMinimumProtocolVersion(policy) || POLICIES_BY_MODE.vip!.includes(policy)) {
      return undefined;
    }
    const others = ctx.index.vipDistributions
      .filter((d) => !ctx.index.isSame(d, ctx.distribution))
      .map((d) => {
        const v = d.viewerCertificate?.minimumProtocolVersion?.value;
        return `${d.id} (${typeof v === 'string' ? v : 'unset'})`;
      });
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.minimumProtocolVersion), {
      policy,
      others: nameList(others),
      otherCount: others.length,
    });
  },
});
