import { certLabel } from '../../findings/labels.js';
import { daysBetween, expiresWithin, isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';

/**
 * CERT-03: still valid, but notAfter falls inside the warning window (`--warn-days`, 30 by
 * default, as Security Hub ACM.1 uses; AWS Config's rule defaults to 14).
 */
export const certExpiresSoon = defineRule({
  id: 'CERT-03',
  code: 'CERT_EXPIRES_SOON',
  check({ cert, at, location, warnDays, report }) {
    if (!expiresWithin(cert.notAfter, at, warnDays)) return undefined;
    return report(location, {
      subject: certLabel(cert),
      notAfter: isoSeconds(cert.notAfter),
      daysLeft: daysBetween(at, cert.notAfter),
      warnDays,
    });
  },
});
