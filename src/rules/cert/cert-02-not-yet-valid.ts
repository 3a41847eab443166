import { certLabel } from '../../findings/labels.js';
import { daysBetween, isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';

/** CERT-02: the validation time is before notBefore. RFC 5280 §4.1.2.5. */
export const certNotYetValid = defineRule({
  id: 'CERT-02',
  code: 'CERT_NOT_YET_VALID',
  check({ cert, at, location, report }) {
    if (at.getTime() >= cert.notBefore.getTime()) return undefined;
    return report(location, {
      subject: certLabel(cert),
      notBefore: isoSeconds(cert.notBefore),
      daysUntil: daysBetween(at, cert.notBefore),
    });
  },
});
