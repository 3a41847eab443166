import { createFinding } from '../../findings/finding.js';
import { certLabel } from '../../findings/labels.js';
import { daysBetween, isoSeconds } from '../../findings/time.js';
import type { CertRule } from './context.js';

/** CERT_NOT_YET_VALID: the validation time is before notBefore. RFC 5280 §4.1.2.5. */
export const certNotYetValid: CertRule = {
  code: 'CERT_NOT_YET_VALID',
  check({ cert, at, location }) {
    if (at.getTime() >= cert.notBefore.getTime()) return undefined;
    return createFinding('CERT_NOT_YET_VALID', location, {
      subject: certLabel(cert),
      notBefore: isoSeconds(cert.notBefore),
      daysUntil: daysBetween(at, cert.notBefore),
    });
  },
};
