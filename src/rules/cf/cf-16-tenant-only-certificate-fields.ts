import { TENANT_ONLY_CONNECTION_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { LABELS, viewerLocation } from './fields.js';

/**
 * CF-16: IAMCertificateId or Aliases on a multi-tenant distribution (ConnectionMode
 * `tenant-only`); the API model says both are for standard distributions only. Code UNCONFIRMED.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
 */
export const tenantOnlyCertificateFields = defineRule({
  id: 'CF-16',
  code: 'CF_TENANT_ONLY_CERTIFICATE_FIELDS',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    const mode = ctx.read(ctx.distribution.connectionMode, LABELS.connectionMode);
    if (mode !== TENANT_ONLY_CONNECTION_MODE) return undefined;
    const fields = [
      ...(ctx.distribution.viewerCertificate?.iamCertificateId ? ['IAMCertificateId'] : []),
      ...(ctx.distribution.aliases.length > 0 ? ['Aliases'] : []),
    ];
    if (fields.length === 0) return undefined;
    return ctx.report(ctx.distribution.connectionMode?.location ?? viewerLocation(ctx), { fields });
  },
});
