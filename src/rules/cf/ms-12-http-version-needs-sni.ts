import { SNI_HTTP_VERSIONS } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, httpVersion, locationOf } from './fields.js';

/**
 * MS-12: HTTP/2 needs TLS 1.2+ and SNI, HTTP/3 needs TLS 1.3 and SNI; other viewers fall back
 * to HTTP/1.1. With vip, viewers that send no SNI get HTTP/1.1 whatever HttpVersion says.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 */
export const httpVersionNeedsSni = defineRule({
  id: 'MS-12',
  code: 'CF_HTTP_VERSION_NEEDS_SNI',
  group: 4,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'vip') return undefined;
    const version = httpVersion(ctx);
    if (version === undefined || !SNI_HTTP_VERSIONS.includes(version)) return undefined;
    return ctx.report(locationOf(ctx, ctx.distribution.httpVersion), { httpVersion: version });
  },
});
