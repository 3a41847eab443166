import { IAM_CLOUDFRONT_PATH_PREFIX } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-14: the IAM server certificate was uploaded with a Path outside `/cloudfront/…/`, so
 * CloudFront cannot use it (the console does not list it). The API error is UNCONFIRMED
 * (probably InvalidViewerCertificate). Needs the IAM Path in the evidence.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadServerCertificate.html
 * https://github.com/awsdocs/amazon-cloudfront-developer-guide/blob/d06f16f/doc_source/cnames-and-https-procedures.md
 */
export const iamCertificatePath = defineRule({
  id: 'CF-14',
  code: 'CF_IAM_CERTIFICATE_PATH',
  awsError: 'InvalidViewerCertificate',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    const ref = ctx.certificate();
    if (ref.kind !== 'iam') return undefined;
    const path = ctx.evidenceField('iam path', 'iamPath');
    if (path === undefined || (path.startsWith(IAM_CLOUDFRONT_PATH_PREFIX) && path.endsWith('/'))) {
      return undefined;
    }
    return ctx.report(ref.location, { certificate: ctx.certificateLabel(), iamPath: path });
  },
});
