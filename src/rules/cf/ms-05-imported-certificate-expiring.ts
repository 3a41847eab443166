import { REIMPORT_LEAD_HOURS } from '../../cloudfront/policies.js';
import { daysBetween, isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';
import { notAfterInWarningWindow } from './expiry-window.js';

const HOUR_MS = 3_600_000;

/**
 * MS-05: an imported ACM certificate or an IAM certificate expires inside the warning window.
 * Nothing renews it; and CloudFront can take up to 24 hours to pick up a reimport, so it must be
 * reimported at least a day before NotAfter.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html
 */
export const importedCertificateExpiring = defineRule({
  id: 'MS-05',
  code: 'CF_IMPORTED_CERTIFICATE_EXPIRING',
  group: 2,
  check(ctx) {
    const ref = ctx.certificate();
    const view = ctx.evidence('expiry');
    if (!view || (ref.kind !== 'iam' && view.type !== 'IMPORTED')) return undefined;
    const notAfter = notAfterInWarningWindow(ctx);
    if (notAfter === undefined) return undefined;
    return ctx.report(view.location, {
      certificate: ctx.certificateLabel(),
      store: ref.kind === 'iam' ? 'IAM' : 'ACM (imported)',
      notAfter: isoSeconds(notAfter),
      daysLeft: daysBetween(ctx.at, notAfter),
      warnDays: ctx.warnDays,
      insideReimportLead: notAfter.getTime() - ctx.at.getTime() < REIMPORT_LEAD_HOURS * HOUR_MS,
    });
  },
});
