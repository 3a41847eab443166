import {
  isMinimumProtocolVersion,
  MINIMUM_PROTOCOL_VERSIONS,
  RECOMMENDED_MINIMUM_POLICY,
  SSL_SUPPORT_METHODS,
} from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { LABELS, minimumProtocolVersion, sslSupportMethod } from './fields.js';

/** The enum value a near miss meant: same text ignoring case, else the values it is a prefix of. */
function suggest(value: string, values: readonly string[]): string | undefined {
  const lower = value.toLowerCase().replace(/\.0$/, '');
  const same = values.find((v) => v.toLowerCase() === lower);
  if (same) return same;
  const longer = values.filter((v) => v.toLowerCase().startsWith(lower));
  return longer.includes(RECOMMENDED_MINIMUM_POLICY) ? RECOMMENDED_MINIMUM_POLICY : longer[longer.length - 1];
}

/**
 * CF-19: MinimumProtocolVersion or SSLSupportMethod is not an enum value (`TLSv1.2`, `TLSv1.0`,
 * `sni`): the request fails validation with MalformedXML ("Member must satisfy enum value set").
 * An SDK or CLI older than a policy (TLSv1.2_2025, TLSv1.3_2025) fails the same way client-side.
 * https://github.com/aws/aws-cli/issues/6275
 * https://github.com/hashicorp/terraform-provider-aws/issues/11193
 */
export const invalidEnumValue = defineRule({
  id: 'CF-19',
  code: 'CF_INVALID_ENUM_VALUE',
  awsError: 'MalformedXML',
  certainty: 'observed',
  group: 4,
  check(ctx) {
    const vc = ctx.distribution.viewerCertificate;
    const out = [];
    const policy = minimumProtocolVersion(ctx);
    if (policy !== undefined && !isMinimumProtocolVersion(policy)) {
      const suggestion = suggest(policy, MINIMUM_PROTOCOL_VERSIONS);
      out.push(
        ctx.report(vc!.minimumProtocolVersion!.location, {
          field: LABELS.policy,
          value: policy,
          allowed: MINIMUM_PROTOCOL_VERSIONS,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    }
    const method = sslSupportMethod(ctx);
    if (method !== undefined && !(SSL_SUPPORT_METHODS as readonly string[]).includes(method)) {
      const suggestion = suggest(method, SSL_SUPPORT_METHODS);
      out.push(
        ctx.report(vc!.sslSupportMethod!.location, {
          field: LABELS.ssl,
          value: method,
          allowed: SSL_SUPPORT_METHODS,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    }
    return out;
  },
});
