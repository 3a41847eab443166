import type { Finding } from '../../findings/finding.js';
import { defineRule } from '../cf/define-rule.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * PR-07: the distribution does not use the certificate its profile expects: `certificate:` for
 * every distribution of the profile (an environment's), `certificates:` per alias. This catches
 * the stale ARN one environment's template still has after the certificate was replaced.
 */
export const profileExpectedCertificate = defineRule({
  id: 'PR-07',
  code: 'PROFILE_CERTIFICATE',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const { certificate: expected, aliasCertificates } = profile;
    if (!expected && !aliasCertificates?.length) return undefined;
    const ref = ctx.certificate();
    if (ref.kind === 'unresolved' || ref.kind === 'resource') return undefined;
    const actual = ref.key;
    const out: Finding[] = [];
    const shown = actual ?? ctx.certificateLabel();
    if (expected && actual !== expected.value) {
      out.push(
        ctx.report(expected.location, {
          ...pinArgs(profile, ref.location),
          certificate: shown,
          expected: expected.value,
        }),
      );
    }
    for (const pin of aliasCertificates ?? []) {
      const alias = ctx.aliases().find((a) => a.lower === pin.alias.toLowerCase());
      if (!alias || actual === pin.certificate) continue;
      out.push(
        ctx.report(pin.location, {
          ...pinArgs(profile, ref.location),
          certificate: shown,
          expected: pin.certificate,
          alias: alias.name,
        }),
      );
    }
    return out;
  },
});
