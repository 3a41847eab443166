import { ACM_STATUS_ISSUED } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-04: the ACM certificate's Status is not ISSUED. Per-status errors are UNCONFIRMED (AWS gives
 * no table); the KC article says the status must be ISSUED. An EXPIRED certificate with known
 * dates is left to CF-05, whose finding carries them.
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
    return ctx.report(view?.location ?? ref.location, {
      certificate: ctx.certificateLabel(),
      status,
      ...(view?.type ? { type: view.type } : {}),
    });
  },
});
