import { defineRule } from '../cf/define-rule.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * PR-03: the certificate's key algorithm is not one the profile allows (`key-algorithms:`, in
 * ACM's spelling: `RSA_2048`, `EC_prime256v1`, ...). Needs evidence with the key type (ACM
 * describe-certificate output or the PEM chain).
 */
export const profileKeyAlgorithm = defineRule({
  id: 'PR-03',
  code: 'PROFILE_KEY_ALGORITHM',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const allowed = profile.keyAlgorithms;
    if (!allowed) return undefined;
    const view = ctx.evidence('key type');
    const algorithm = ctx.evidenceField('key type', 'keyAlgorithm');
    if (!view || algorithm === undefined) return undefined;
    const wanted = allowed.value.map((a) => a.replace(/-/g, '_').toUpperCase());
    if (wanted.includes(algorithm.toUpperCase())) return undefined;
    return ctx.report(allowed.location, {
      ...pinArgs(profile, ctx.certificate().location),
      certificate: ctx.certificateLabel(),
      algorithm,
      allowed: allowed.value,
    });
  },
});
