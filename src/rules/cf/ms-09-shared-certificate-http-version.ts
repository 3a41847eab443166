import { isUnresolved } from '../../cloudfront/model.js';
import { defineRule } from './define-rule.js';
import { httpVersion, locationOf, nameList } from './fields.js';

/**
 * MS-09: distributions sharing one certificate must use the same "Supported HTTP versions"
 * option (D-REQ). Only explicit HttpVersion values are compared (the defaults differ between
 * the API, CloudFormation and Terraform). Whether CloudFront refuses or mis-serves is UNCONFIRMED.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
export const sharedCertificateHttpVersion = defineRule({
  id: 'MS-09',
  code: 'CF_SHARED_CERTIFICATE_HTTP_VERSION',
  certainty: 'unconfirmed',
  group: 4,
  check(ctx) {
    const key = ctx.index.certificateKeyOf(ctx.distribution);
    const version = httpVersion(ctx);
    if (key === undefined || version === undefined) return undefined;
    const others: string[] = [];
    for (const d of ctx.index.certificateUsers(key)) {
      const v = d.httpVersion?.value;
      if (ctx.index.isSame(d, ctx.distribution) || v === undefined || isUnresolved(v) || v === version)
        continue;
      others.push(`${d.id} (${v})`);
    }
    if (others.length === 0) return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.httpVersion), {
      certificate: key,
      httpVersion: version,
      others: nameList(others),
      otherCount: others.length,
    });
  },
});
