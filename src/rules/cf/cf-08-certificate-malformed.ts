import { defineRule } from './define-rule.js';

/**
 * CF-08: the certificate is not formatted correctly: not X.509 v3, an unknown key algorithm, a
 * malformed dNSName SAN, or a structural path-validation failure. Fifth in CloudFront's order.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 * https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html
 */
export const certificateMalformed = defineRule({
  id: 'CF-08',
  code: 'CF_CERTIFICATE_MALFORMED',
  awsError: 'InvalidViewerCertificate',
  group: 6,
  check(ctx) {
    const problems = ctx.chain()?.malformed;
    if (!problems?.length) return undefined;
    const view = ctx.evidence('chain')!;
    const certificate = ctx.certificateLabel();
    return problems.map((p) =>
      ctx.report(
        { ...view.location, certIndex: p.index },
        { certificate, subject: p.subject, reason: p.reason, certIndex: p.index },
      ),
    );
  },
});
