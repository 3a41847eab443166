import { LEGACY_CLIENT_POLICIES, type MinimumProtocolVersion } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { hasCustomCertificate, locationOf, minimumProtocolVersion, sslSupportMethod } from './fields.js';

/**
 * MS-08: sni-only drops clients that send no SNI. Which clients connect cannot be seen offline;
 * the config's hint is a policy kept at TLS 1.0 for legacy clients, which are the ones without
 * SNI: then a note says the policy does not reach them.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-https-dedicated-ip-or-sni.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 */
export const nonSniClients = defineRule({
  id: 'MS-08',
  code: 'CF_NON_SNI_CLIENTS',
  group: 4,
  check(ctx) {
    if (!hasCustomCertificate(ctx) || sslSupportMethod(ctx) !== 'sni-only') return undefined;
    const policy = minimumProtocolVersion(ctx);
    if (policy === undefined || !LEGACY_CLIENT_POLICIES.includes(policy as MinimumProtocolVersion))
      return undefined;
    // sni-only with SSLv3 is refused outright (CF_SNI_WITH_SSLV3): no note on top of the error
    if (policy === 'SSLv3') return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.viewerCertificate?.minimumProtocolVersion), {
      policy,
    });
  },
});
