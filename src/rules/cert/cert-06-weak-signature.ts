import { certLabel } from '../../findings/labels.js';
import { isWeakSignatureAlgorithm } from '../../x509/oids.js';
import { defineRule } from './define-rule.js';

/**
 * CERT-06: signed with an MD2, MD5 or SHA-1 based algorithm. A root's self-signature is never
 * checked by clients (the root is trusted as a key, not as a signature), so roots are exempt.
 */
export const certWeakSignature = defineRule({
  id: 'CERT-06',
  code: 'CERT_WEAK_SIGNATURE_ALGORITHM',
  check({ cert, role, location, report }) {
    if (role === 'root' || !isWeakSignatureAlgorithm(cert.signatureAlgorithm.oid)) return undefined;
    return report(location, { subject: certLabel(cert), algorithm: cert.signatureAlgorithm.name });
  },
});
