import { defineRule } from '../cf/define-rule.js';
import { viewerLocation } from '../cf/fields.js';
import { pinArgs, profileOf } from './pins.js';
import type { CertificateSource } from './profile.js';

/**
 * PR-04: the certificate comes from a source the profile does not allow (`certificate-sources:`
 * of `acm`, `iam`, `default`): an IAM server certificate where only ACM is allowed, or the
 * default `*.cloudfront.net` certificate. A certificate resource of a template or plan is ACM.
 */
export const profileCertificateSource = defineRule({
  id: 'PR-04',
  code: 'PROFILE_CERTIFICATE_SOURCE',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const allowed = profile.certificateSources;
    if (!allowed) return undefined;
    const ref = ctx.certificate();
    const source: CertificateSource | undefined =
      ref.kind === 'acm' || ref.kind === 'resource'
        ? 'acm'
        : ref.kind === 'iam'
          ? 'iam'
          : ref.kind === 'default' || ref.kind === 'none'
            ? 'default'
            : undefined;
    if (source === undefined || allowed.value.includes(source)) return undefined;
    return ctx.report(allowed.location, {
      ...pinArgs(profile, ref.kind === 'none' ? viewerLocation(ctx) : ref.location),
      source,
      allowed: allowed.value,
      certificate: ctx.certificateLabel(),
    });
  },
});
