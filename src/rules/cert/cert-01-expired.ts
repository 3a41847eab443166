import { certLabel } from '../../findings/labels.js';
import { daysBetween, isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';

/** CERT-01: the validation time is after notAfter. RFC 5280 §4.1.2.5 (validity is inclusive). */
export const certExpired = defineRule({
  id: 'CERT-01',
  code: 'CERT_EXPIRED',
  check({ cert, at, location, report }) {
    if (at.getTime() <= cert.notAfter.getTime()) return undefined;
    return report(location, {
      subject: certLabel(cert),
      notAfter: isoSeconds(cert.notAfter),
      daysAgo: daysBetween(cert.notAfter, at),
    });
  },
});
