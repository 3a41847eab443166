import { MAX_DEDICATED_IP_CERTIFICATES } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, locationOf, nameList } from './fields.js';

/**
 * CF-22: dedicated-IP (vip) certificates count against a per-account quota (default 2; SNI has
 * none). The inputs show only part of the account: more than 2 distinct vip certificates in them
 * is an error; otherwise a note says the account-wide count cannot be seen offline. The error
 * mapping (TooManyCertificates) is INFERRED from the error doc and the quota.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-https-dedicated-ip-or-sni.html
 */
export const dedicatedIpCertificateQuota = defineRule({
  id: 'CF-22',
  code: 'CF_DEDICATED_IP_CERTIFICATE_QUOTA',
  awsError: 'TooManyCertificates',
  certainty: 'inferred',
  group: 5,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'vip') return undefined;
    const certificates = ctx.index.dedicatedIpCertificates;
    const over = certificates.length > MAX_DEDICATED_IP_CERTIFICATES;
    return ctx.report(
      locationOf(ctx, ctx.distribution.viewerCertificate?.sslSupportMethod),
      {
        certificate: ctx.certificateLabel(),
        count: certificates.length,
        quota: MAX_DEDICATED_IP_CERTIFICATES,
        certificates: nameList(certificates),
        overQuota: over,
      },
      { severity: over ? 'error' : 'note' },
    );
  },
});
