import { defineRule } from './define-rule.js';
import { acmArn, iamId, LABELS } from './fields.js';

/**
 * CF-13: the deprecated `Certificate` / `CertificateSource` echo of get-distribution-config
 * disagrees with the certificate now set (an edited config sent back with the stale echo).
 * OBSERVED messages: "Your IAMCertificateId does not match the given Certificate field",
 * "Cannot specify IAMCertificateId and a CertificateSource not equal to 'iam'".
 * https://github.com/dlapiduz/certbot-s3front/issues/12
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 */
export const legacyCertificateFields = defineRule({
  id: 'CF-13',
  code: 'CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH',
  awsError: 'InvalidViewerCertificate',
  certainty: 'observed',
  group: 1,
  check(ctx) {
    const vc = ctx.distribution.viewerCertificate;
    if (!vc || (!vc.certificate && !vc.certificateSource)) return undefined;
    const arn = acmArn(ctx);
    const id = iamId(ctx);
    // An unresolved certificate field leaves nothing to compare with (the context records it).
    if ((vc.acmCertificateArn && arn === undefined) || (vc.iamCertificateId && id === undefined))
      return undefined;
    const expectedSource = arn !== undefined ? 'acm' : id !== undefined ? 'iam' : 'cloudfront';
    const expectedCertificate = arn ?? id;
    const source = ctx.read(vc.certificateSource, LABELS.certificateSource);
    const certificate = ctx.read(vc.certificate, LABELS.certificate);
    const out = [];
    if (source !== undefined && source !== expectedSource) {
      out.push(
        ctx.report(vc.certificateSource!.location, {
          field: 'CertificateSource',
          value: source,
          expected: expectedSource,
        }),
      );
    }
    if (
      certificate !== undefined &&
      expectedCertificate !== undefined &&
      certificate !== expectedCertificate
    ) {
      out.push(
        ctx.report(vc.certificate!.location, {
          field: 'Certificate',
          value: certificate,
          expected: expectedCertificate,
        }),
      );
    }
    // nothing to say is undefined, not an empty array made for each distribution
    return out.length > 0 ? out : undefined;
  },
});
