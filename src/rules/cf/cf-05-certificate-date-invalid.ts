import { isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';

/**
 * CF-05: a certificate of the chain (leaf or intermediate) is not yet valid or has expired at the
 * gate's time. With a PEM chain every certificate is checked; with ACM JSON, the certificate's
 * NotBefore/NotAfter. Third in CloudFront's order.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 */
export const certificateDateInvalid = defineRule({
  id: 'CF-05',
  code: 'CF_CERTIFICATE_DATE_INVALID',
  awsError: 'InvalidViewerCertificate',
  group: 2,
  check(ctx) {
    const view = ctx.evidence('expiry');
    if (!view) return undefined;
    const certificate = ctx.certificateLabel();
    const chain = view.chain ? ctx.chain() : undefined;
    if (chain) {
      if (chain.outOfDate.length === 0) return undefined;
      const at = isoSeconds(ctx.at);
      return chain.outOfDate.map((c) =>
        ctx.report({ ...view.location, certIndex: c.index }, { certificate, at, certIndex: c.index, ...c }),
      );
    }
    const notAfter = ctx.evidenceField('expiry', 'notAfter');
    const notBefore = view.notBefore;
    const now = ctx.at.getTime();
    const expired = notAfter !== undefined && now > notAfter.getTime();
    const early = notBefore !== undefined && now < notBefore.getTime();
    if (!expired && !early) return undefined;
    return ctx.report(view.location, {
      certificate,
      at: isoSeconds(ctx.at),
      certIndex: 0,
      state: expired ? 'expired' : 'not yet valid',
      ...(notBefore ? { notBefore: isoSeconds(notBefore) } : {}),
      ...(notAfter ? { notAfter: isoSeconds(notAfter) } : {}),
    });
  },
});
