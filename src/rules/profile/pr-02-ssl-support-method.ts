import { defineRule } from '../cf/define-rule.js';
import { appliedSslSupportMethod, locationOf } from '../cf/fields.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * PR-02: the SSL support method is not one the profile allows (`ssl-support-methods:`), e.g. a
 * `vip` distribution (dedicated IPs, a monthly charge) in a profile that allows `sni-only`. Only
 * a custom certificate has one (on the default certificate the echoed `vip` means nothing).
 */
export const profileSslSupportMethod = defineRule({
  id: 'PR-02',
  code: 'PROFILE_SSL_SUPPORT_METHOD',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const allowed = profile.sslSupportMethods;
    if (!allowed) return undefined;
    const method = appliedSslSupportMethod(ctx);
    if (method === undefined || allowed.value.includes(method)) return undefined;
    return ctx.report(allowed.location, {
      ...pinArgs(profile, locationOf(ctx, ctx.distribution.viewerCertificate?.sslSupportMethod)),
      method,
      allowed: allowed.value,
    });
  },
});
