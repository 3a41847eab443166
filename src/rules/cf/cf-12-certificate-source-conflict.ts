import { defineRule } from './define-rule.js';
import { defaultFlag, LABELS, viewerLocation } from './fields.js';

/**
 * CF-12: more than one certificate source: ACMCertificateArn and IAMCertificateId together, or
 * CloudFrontDefaultCertificate=true with either. The API says to specify one; the error code is
 * UNCONFIRMED (likely InvalidViewerCertificate). Terraform refuses it at plan time.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 * https://github.com/hashicorp/terraform/issues/20511
 */
export const certificateSourceConflict = defineRule({
  id: 'CF-12',
  code: 'CF_CERTIFICATE_SOURCE_CONFLICT',
  awsError: 'InvalidViewerCertificate',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    // Presence is what counts: a value computed at deploy time is still a source.
    const vc = ctx.distribution.viewerCertificate;
    const fields = [
      ...(vc?.acmCertificateArn ? [LABELS.acm] : []),
      ...(vc?.iamCertificateId ? [LABELS.iam] : []),
      ...(defaultFlag(ctx) === true ? [`${LABELS.default}=true`] : []),
    ];
    if (fields.length < 2) return undefined;
    return ctx.report(viewerLocation(ctx), { fields });
  },
});
