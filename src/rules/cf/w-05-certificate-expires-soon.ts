import { daysBetween, isoSeconds } from '../../findings/time.js';
import { defineRule } from './define-rule.js';
import { notAfterInWarningWindow } from './expiry-window.js';

/**
 * W-05: an ACM-issued certificate expires inside the warning window (`--warn-days`, 30 by
 * default as Security Hub ACM.1; AWS Config uses 14). ACM starts renewing 45–60 days before
 * expiry, so a certificate this close has not renewed. Imported and IAM certificates are MS-05's.
 * https://docs.aws.amazon.com/config/latest/developerguide/acm-certificate-expiration-check.html
 * https://docs.aws.amazon.com/acm/latest/userguide/dns-renewal-validation.html
 */
export const certificateExpiresSoon = defineRule({
  id: 'W-05',
  code: 'CF_CERTIFICATE_EXPIRES_SOON',
  group: 7,
  check(ctx) {
    const ref = ctx.certificate();
    const view = ctx.evidence('expiry');
    if (!view || ref.kind === 'iam' || view.type === 'IMPORTED') return undefined;
    const notAfter = notAfterInWarningWindow(ctx);
    if (notAfter === undefined) return undefined;
    return ctx.report(view.location, {
      certificate: ctx.certificateLabel(),
      notAfter: isoSeconds(notAfter),
      daysLeft: daysBetween(ctx.at, notAfter),
      warnDays: ctx.warnDays,
      ...(view.type ? { type: view.type } : {}),
    });
  },
});
