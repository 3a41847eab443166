import type { ValidationOption } from '../../cloudfront/model.js';
import { RENEWAL_STATUSES_NEEDING_ACTION } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/** "validation failed for a, b" when a validation record failed; undefined (and nothing built) when none did. */
function failedValidations(options: readonly ValidationOption[] | undefined): string | undefined {
  if (!options?.some((o) => o.validationStatus === 'FAILED')) return undefined;
  const names = options.filter((o) => o.validationStatus === 'FAILED').map((o) => o.domainName);
  return `validation failed for ${names.join(', ')}`;
}

/**
 * MS-06: ACM managed renewal will fail as things are: RenewalStatus PENDING_VALIDATION or
 * FAILED, a validation record that failed, or RenewalEligibility INELIGIBLE while in use.
 * Validation CNAMEs removed from DNS cannot be seen offline; the fix lists the ones to keep.
 * (InUseBy empty is expected before the first deploy: attaching the certificate fixes it.)
 * https://docs.aws.amazon.com/acm/latest/userguide/dns-renewal-validation.html
 * https://docs.aws.amazon.com/acm/latest/userguide/check-certificate-renewal-status.html
 */
export const renewalNotReady = defineRule({
  id: 'MS-06',
  code: 'CF_RENEWAL_NOT_READY',
  group: 2,
  check(ctx) {
    const view = ctx.evidence('renewal');
    if (!view || view.type === 'IMPORTED') return undefined;
    const reason = RENEWAL_STATUSES_NEEDING_ACTION.includes(view.renewalStatus ?? '')
      ? `renewal status ${view.renewalStatus}`
      : (failedValidations(view.validationOptions) ??
        (view.renewalEligibility === 'INELIGIBLE' && (view.inUseBy?.length ?? 0) > 0
          ? 'renewal eligibility INELIGIBLE'
          : undefined));
    if (reason === undefined) return undefined;
    const records = (view.validationOptions ?? []).flatMap((o) =>
      o.resourceRecord ? [o.resourceRecord.name] : [],
    );
    return ctx.report(view.location, {
      certificate: ctx.certificateLabel(),
      reason,
      validationMethod: view.validationMethod,
      records: [...new Set(records)],
    });
  },
});
