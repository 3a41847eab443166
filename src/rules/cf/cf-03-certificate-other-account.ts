import { parseAcmArn } from '../../cloudfront/arn.js';
import { defineRule } from './define-rule.js';

/**
 * CF-03: the ACM certificate's account (from its ARN) is not the distribution's account. ACM
 * certificates cannot be shared across accounts; the error code is INFERRED from the generic
 * "doesn't exist" message.
 * https://github.com/awsdocs/amazon-cloudfront-developer-guide/blob/d06f16f/doc_source/cnames-and-https-limits.md
 */
export const certificateOtherAccount = defineRule({
  id: 'CF-03',
  code: 'CF_CERTIFICATE_OTHER_ACCOUNT',
  awsError: 'InvalidViewerCertificate',
  certainty: 'inferred',
  group: 1,
  check(ctx) {
    const account = ctx.distribution.accountId;
    if (account === undefined) return undefined;
    const ref = ctx.certificate();
    if (ref.kind !== 'acm' || ref.key === undefined) return undefined;
    const certificateAccount = parseAcmArn(ref.key)?.accountId;
    if (certificateAccount === undefined || certificateAccount === account) return undefined;
    return ctx.report(ref.location, { certificate: ref.key, certificateAccount, account });
  },
});
