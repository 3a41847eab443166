import { WEAK_KEY_ALGORITHMS } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * W-04: an RSA key shorter than 2048 bits, which CloudFront still serves (RSA_1024): AWS Config
 * acm-certificate-rsa-check and Security Hub ACM.2 flag it.
 * https://docs.aws.amazon.com/config/latest/developerguide/acm-certificate-rsa-check.html
 */
export const weakRsaKey = defineRule({
  id: 'W-04',
  code: 'CF_WEAK_RSA_KEY',
  group: 7,
  check(ctx) {
    const keyAlgorithm = ctx.evidenceField('key type', 'keyAlgorithm');
    if (keyAlgorithm === undefined || !WEAK_KEY_ALGORITHMS.includes(keyAlgorithm)) return undefined;
    return ctx.report(ctx.evidence('key type')!.location, {
      certificate: ctx.certificateLabel(),
      keyAlgorithm,
    });
  },
});
