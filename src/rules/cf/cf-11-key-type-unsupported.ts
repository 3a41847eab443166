import { SUPPORTED_KEY_ALGORITHMS } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-11: a key CloudFront does not serve: RSA outside 1024–4096 bits in ACM's steps, or ECDSA on
 * a curve other than P-256 (EC_secp384r1, EC_secp521r1), or another algorithm. AWS documents the
 * limits but not the error: the code is UNCONFIRMED (most likely InvalidViewerCertificate).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html
 */
export const keyTypeUnsupported = defineRule({
  id: 'CF-11',
  code: 'CF_KEY_TYPE_UNSUPPORTED',
  awsError: 'InvalidViewerCertificate',
  certainty: 'unconfirmed',
  group: 4,
  check(ctx) {
    const keyAlgorithm = ctx.evidenceField('key type', 'keyAlgorithm');
    if (keyAlgorithm === undefined || SUPPORTED_KEY_ALGORITHMS.includes(keyAlgorithm)) return undefined;
    const view = ctx.evidence('key type')!;
    return ctx.report(view.location, {
      certificate: ctx.certificateLabel(),
      keyAlgorithm,
      supported: SUPPORTED_KEY_ALGORITHMS,
    });
  },
});
