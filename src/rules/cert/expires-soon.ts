import { createFinding } from '../../report/catalog.js';
import { type CertRule, certLabel, daysBetween, isoSeconds } from './context.js';

const DAY_MS = 86_400_000;

/**
 * CERT_EXPIRES_SOON: still valid, but notAfter falls inside the warning window (`--warn-days`,
 * 30 by default, as Security Hub ACM.1 uses; AWS Config's rule defaults to 14).
 */
export const certExpiresSoon: CertRule = {
  code: 'CERT_EXPIRES_SOON',
  check({ cert, at, location, warnDays }) {
    const left = cert.notAfter.getTime() - at.getTime();
    if (left < 0 || left > warnDays * DAY_MS) return undefined;
    return createFinding('CERT_EXPIRES_SOON', location, {
      subject: certLabel(cert),
      notAfter: isoSeconds(cert.notAfter),
      daysLeft: daysBetween(at, cert.notAfter),
      warnDays,
    });
  },
};
