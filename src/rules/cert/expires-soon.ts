import { createFinding } from '../../findings/finding.js';
import { certLabel } from '../../findings/labels.js';
import { daysBetween, expiresWithin, isoSeconds } from '../../findings/time.js';
import type { CertRule } from './context.js';

/**
 * CERT_EXPIRES_SOON: still valid, but notAfter falls inside the warning window (`--warn-days`,
 * 30 by default, as Security Hub ACM.1 uses; AWS Config's rule defaults to 14).
 */
export const certExpiresSoon: CertRule = {
  code: 'CERT_EXPIRES_SOON',
  check({ cert, at, location, warnDays }) {
    if (!expiresWithin(cert.notAfter, at, warnDays)) return undefined;
    return createFinding('CERT_EXPIRES_SOON', location, {
      subject: certLabel(cert),
      notAfter: isoSeconds(cert.notAfter),
      daysLeft: daysBetween(at, cert.notAfter),
      warnDays,
    });
  },
};
