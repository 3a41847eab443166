import { createFinding } from '../../findings/finding.js';
import { certLabel } from '../../findings/labels.js';
import { daysBetween, isoSeconds } from '../../findings/time.js';
import type { CertRule } from './context.js';

/** CERT_EXPIRED: the validation time is after notAfter. RFC 5280 §4.1.2.5 (validity is inclusive). */
export const certExpired: CertRule = {
  code: 'CERT_EXPIRED',
  check({ cert, at, location }) {
    if (at.getTime() <= cert.notAfter.getTime()) return undefined;
    return createFinding('CERT_EXPIRED', location, {
      subject: certLabel(cert),
      notAfter: isoSeconds(cert.notAfter),
      daysAgo: daysBetween(cert.notAfter, at),
    });
  },
};
