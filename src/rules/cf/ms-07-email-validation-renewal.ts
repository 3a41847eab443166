import { defineRule } from './define-rule.js';

/**
 * MS-07: an ACM certificate validated by email renews only when someone acts on the renewal
 * emails (sent from 45 days before expiry).
 * https://docs.aws.amazon.com/acm/latest/userguide/email-renewal-validation.html
 */
export const emailValidationRenewal = defineRule({
  id: 'MS-07',
  code: 'CF_EMAIL_VALIDATION_RENEWAL',
  group: 2,
  check(ctx) {
    const view = ctx.evidence('renewal');
    if (!view || view.type === 'IMPORTED') return undefined;
    const byEmail =
      view.validationMethod === 'EMAIL' ||
      (view.validationOptions ?? []).some((o) => o.validationMethod === 'EMAIL');
    if (!byEmail) return undefined;
    return ctx.report(view.location, { certificate: ctx.certificateLabel() });
  },
});
