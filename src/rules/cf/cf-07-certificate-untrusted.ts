import { defineRule } from './define-rule.js';

/**
 * CF-07: the certificate is not signed by a CA on the Mozilla list: the PEM chain does not
 * validate to Node's Mozilla roots (or `--roots`), or ACM says Type PRIVATE (INFERRED: private
 * CAs are not publicly trusted). Fourth in CloudFront's order. D-CNAME: a self-signed certificate
 * may still validate an alias that already exists, never a new one.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 */
export const certificateUntrusted = defineRule({
  id: 'CF-07',
  code: 'CF_CERTIFICATE_UNTRUSTED',
  awsError: 'InvalidViewerCertificate',
  group: 6,
  check(ctx) {
    const view = ctx.evidence('chain');
    if (!view) return undefined;
    const certificate = ctx.certificateLabel();
    if (view.type === 'PRIVATE') {
      return ctx.report(view.location, { certificate, privateCa: true, certainty: 'inferred' });
    }
    const untrusted = ctx.chain()?.untrusted;
    if (!untrusted) return undefined;
    return ctx.report(
      { ...view.location, certIndex: untrusted.certIndex },
      {
        certificate,
        pathCode: untrusted.pathCode,
        subject: untrusted.subject,
        certIndex: untrusted.certIndex,
      },
    );
  },
});
