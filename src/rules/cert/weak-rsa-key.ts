import { createFinding } from '../../findings/finding.js';
import { certLabel } from '../../findings/labels.js';
import type { CertRule } from './context.js';

/** Smallest RSA modulus the web PKI accepts (CA/B BR §6.1.5). */
const MIN_RSA_BITS = 2048;

/** CERT_WEAK_RSA_KEY: an RSA key below 2048 bits (CloudFront still accepts RSA_1024; rulebook W-04). */
export const certWeakRsaKey: CertRule = {
  code: 'CERT_WEAK_RSA_KEY',
  check({ cert, location }) {
    const key = cert.publicKey;
    if (key.type !== 'rsa' && key.type !== 'rsa-pss') return undefined;
    if (key.modulusBits >= MIN_RSA_BITS) return undefined;
    return createFinding('CERT_WEAK_RSA_KEY', location, { subject: certLabel(cert), bits: key.modulusBits });
  },
};
