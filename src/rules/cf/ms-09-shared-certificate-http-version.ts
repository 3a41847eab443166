import { defineRule } from './define-rule.js';
import { httpVersion, locationOf, NAMES_LISTED, othersList } from './fields.js';

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
    // the index sorts the certificate's users once; each asks for the first few and the count
    const others = ctx.index.otherHttpVersions(key, ctx.distribution, version, NAMES_LISTED);
    if (others.count === 0) return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.httpVersion), {
      certificate: key,
      httpVersion: version,
      others: othersList(others),
      otherCount: others.count,
    });
  },
});
