import { createFinding } from '../../findings/finding.js';
import { certLabel } from '../../findings/labels.js';
import { isWeakSignatureAlgorithm } from '../../x509/oids.js';
import type { CertRule } from './context.js';

/**
 * CERT_WEAK_SIGNATURE_ALGORITHM: signed with an MD2, MD5 or SHA-1 based algorithm. A root's
 * self-signature is never checked by clients (the root is trusted as a key, not as a signature),
 * so roots are exempt.
 */
export const certWeakSignature: CertRule = {
  code: 'CERT_WEAK_SIGNATURE_ALGORITHM',
  check({ cert, role, location }) {
    if (role === 'root' || !isWeakSignatureAlgorithm(cert.signatureAlgorithm.oid)) return undefined;
    return createFinding('CERT_WEAK_SIGNATURE_ALGORITHM', location, {
      subject: certLabel(cert),
      algorithm: cert.signatureAlgorithm.name,
    });
  },
};
