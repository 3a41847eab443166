import { daysBetween, isoSeconds } from '../../findings/time.js';
import { defineRule } from '../cf/define-rule.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * PR-05: the certificate has fewer days left than the profile's `min-days-left`: a stricter,
 * team-wide bar than `--warn-days`, and an error, so a deploy onto a certificate about to expire
 * fails the gate. Needs evidence with NotAfter.
 */
export const profileDaysLeft = defineRule({
  id: 'PR-05',
  code: 'PROFILE_DAYS_LEFT',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const minimum = profile.minDaysLeft;
    if (!minimum) return undefined;
    const notAfter = ctx.evidenceField('expiry', 'notAfter');
    if (notAfter === undefined) return undefined;
    const left = daysBetween(ctx.at, notAfter);
    if (left >= minimum.value) return undefined;
    return ctx.report(minimum.location, {
      ...pinArgs(profile, ctx.certificate().location),
      certificate: ctx.certificateLabel(),
      notAfter: isoSeconds(notAfter),
      daysLeft: left,
      minimum: minimum.value,
    });
  },
});
