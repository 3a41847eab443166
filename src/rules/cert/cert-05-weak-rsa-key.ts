import { certLabel } from '../../findings/labels.js';
import { CABF_POLICY } from '../../pki/policy.js';
import { defineRule } from './define-rule.js';

/**
 * CERT-05: an RSA key below the web PKI's floor (CA/B BR §6.1.5, the `cabf` validation
 * policy's `minRsaBits`). CloudFront still accepts RSA_1024 (rulebook W-04).
 */
export const certWeakRsaKey = defineRule({
  id: 'CERT-05',
  code: 'CERT_WEAK_RSA_KEY',
  check({ cert, location, report }) {
    const key = cert.publicKey;
    if (key.type !== 'rsa' && key.type !== 'rsa-pss') return undefined;
    if (key.modulusBits >= CABF_POLICY.minRsaBits) return undefined;
    return report(location, { subject: certLabel(cert), bits: key.modulusBits });
  },
});
