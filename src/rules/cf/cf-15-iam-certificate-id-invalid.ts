import {
  IAM_CERTIFICATE_ID_MAX,
  IAM_CERTIFICATE_ID_MIN,
  IAM_CERTIFICATE_ID_PATTERN,
} from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { iamId } from './fields.js';

/**
 * CF-15: IAMCertificateId is longer than CloudFront's 32 characters or not an IAM id (16–128
 * word characters, `ASCA…`): usually the certificate's name or ARN was given. A model
 * constraint, so a validation error; the code is UNCONFIRMED.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ServerCertificateMetadata.html
 */
export const iamCertificateIdInvalid = defineRule({
  id: 'CF-15',
  code: 'CF_IAM_CERTIFICATE_ID_INVALID',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    const id = iamId(ctx);
    if (id === undefined) return undefined;
    if (id.length <= IAM_CERTIFICATE_ID_MAX && IAM_CERTIFICATE_ID_PATTERN.test(id)) return undefined;
    return ctx.report(ctx.distribution.viewerCertificate!.iamCertificateId!.location, {
      certificate: id,
      length: id.length,
      max: IAM_CERTIFICATE_ID_MAX,
      looksLike: whatItIs(id),
    });
  },
});

/**
 * What a value that is no IAM certificate id most likely is, for the message: nothing (a
 * parameter that defaults to ''), an ARN, an id cut short or too long (word characters only, as
 * ids are), else the certificate's name.
 */
function whatItIs(id: string): 'empty' | 'arn' | 'short' | 'long' | 'name' {
  if (id.length === 0) return 'empty';
  if (id.startsWith('arn:')) return 'arn';
  if (/^\w+$/.test(id)) return id.length < IAM_CERTIFICATE_ID_MIN ? 'short' : 'long';
  return 'name';
}
