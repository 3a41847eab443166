import { ACM_STATUS_ISSUED } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

const PENDING_VALIDATION = 'PENDING_VALIDATION';

/**
 * CF-04: the ACM certificate's Status is not ISSUED. Per-status errors are UNCONFIRMED (AWS gives
 * no table); the KC article says the status must be ISSUED. An EXPIRED certificate with known
 * dates is left to CF-05, whose finding carries them. A certificate the Terraform plan requests
 * and hands to the distribution with nothing waiting for its validation is PENDING_VALIDATION
 * when CloudFront sees it (terraform-provider-aws #2418, #40260): reported at the reference.
 * https://repost.aws/knowledge-center/cloudfront-invalid-viewer-certificate
 * https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateDetail.html
 */
export const certificateNotIssued = defineRule({
  id: 'CF-04',
  code: 'CF_CERTIFICATE_NOT_ISSUED',
  awsError: 'InvalidViewerCertificate',
  group: 2,
  check(ctx) {
    const ref = ctx.certificate();
    if (ref.kind === 'iam') return undefined;
    const status = ctx.evidenceField('status', 'status');
    if (status === undefined || status === ACM_STATUS_ISSUED) return undefined;
    if (status === 'EXPIRED' && ctx.evidenceField('expiry', 'notAfter') !== undefined) return undefined;
    const view = ctx.evidence('status');
    // a certificate of the same plan has a status only when the reader found nothing between it
    // and the distribution that waits for its validation: the fix is at the reference, not the request
    if (view?.isTemplate && status === PENDING_VALIDATION) {
      return ctx.report(ref.location, {
        certificate: ctx.certificateLabel(),
        status,
        unvalidatedRequest: view.location.resource ?? ctx.certificateLabel(),
      });
    }
    return ctx.report(view?.location ?? ref.location, {
      certificate: ctx.certificateLabel(),
      status,
      ...(view?.type ? { type: view.type } : {}),
    });
  },
});
