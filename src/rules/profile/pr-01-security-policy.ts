import {
  DEFAULT_CERTIFICATE_POLICY,
  isMinimumProtocolVersion,
  policyRank,
} from '../../cloudfront/policies.js';
import { defineRule } from '../cf/define-rule.js';
import { hasCustomCertificate, locationOf, minimumProtocolVersion } from '../cf/fields.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * PR-01: the security policy a distribution serves with is not one its profile allows
 * (`security-policies:` lists them, `minimum-security-policy:` allows that one and newer). A
 * custom certificate without MinimumProtocolVersion serves with TLSv1, and so does the default
 * certificate whatever is written (rulebook W-01, MS-01).
 */
export const profileSecurityPolicy = defineRule({
  id: 'PR-01',
  code: 'PROFILE_SECURITY_POLICY',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const { securityPolicies: allowed, minimumSecurityPolicy: minimum } = profile;
    if (!allowed && !minimum) return undefined;
    const custom = hasCustomCertificate(ctx);
    const written = custom ? minimumProtocolVersion(ctx) : undefined;
    const field = ctx.distribution.viewerCertificate?.minimumProtocolVersion;
    // a computed value was recorded as skipped by the read
    if (custom && written === undefined && field !== undefined) return undefined;
    const applied = written ?? DEFAULT_CERTIFICATE_POLICY;
    const listed = allowed === undefined || allowed.value.includes(applied);
    const newEnough =
      minimum === undefined ||
      (isMinimumProtocolVersion(applied) && policyRank(applied) >= policyRank(minimum.value));
    if (listed && newEnough) return undefined;
    const pin = !listed ? allowed! : minimum!;
    return ctx.report(pin.location, {
      ...pinArgs(profile, locationOf(ctx, field)),
      policy: applied,
      written: written !== undefined,
      defaultCertificate: !custom,
      ...(allowed ? { allowed: allowed.value } : {}),
      ...(minimum ? { minimum: minimum.value } : {}),
    });
  },
});
