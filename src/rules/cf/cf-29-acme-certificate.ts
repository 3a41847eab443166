import { ACME_KEY_PAIR_ORIGIN } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-29: an ACM certificate issued through ACME (CertificateKeyPairOrigin ACME) cannot be used
 * with integrated services, CloudFront included. CloudFront's error code is UNCONFIRMED.
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-services.html
 */
export const acmeCertificate = defineRule({
  id: 'CF-29',
  code: 'CF_ACME_CERTIFICATE',
  certainty: 'unconfirmed',
  group: 2,
  check(ctx) {
    const view = ctx.evidence('origin');
    if (view?.keyPairOrigin !== ACME_KEY_PAIR_ORIGIN) return undefined;
    return ctx.report(view.location, {
      certificate: ctx.certificateLabel(),
      keyPairOrigin: view.keyPairOrigin,
    });
  },
});
