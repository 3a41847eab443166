import { createFinding } from '../../report/catalog.js';
import { type CertRule, certLabel, daysBetween, isoSeconds } from './context.js';

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
