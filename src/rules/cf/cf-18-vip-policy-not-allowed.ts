import { isMinimumProtocolVersion, POLICIES_BY_MODE } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';
import { appliedSslSupportMethod, locationOf, minimumProtocolVersion } from './fields.js';

/**
 * CF-18: `vip` with a policy other than TLSv1 or SSLv3. HTTP 400, "The specified
 * MinimumProtocolVersion cannot be used with the specified SSLSupportMethod"; the code is
 * UNCONFIRMED (CloudFormation shows InvalidRequest; likely InvalidMinimumProtocolVersion).
 * Accounts can get these policies on vip through a Support case (then MS-10 applies).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 * https://github.com/aws/aws-cdk/issues/28940
 */
export const vipPolicyNotAllowed = defineRule({
  id: 'CF-18',
  code: 'CF_VIP_POLICY_NOT_ALLOWED',
  awsError: 'InvalidMinimumProtocolVersion',
  certainty: 'unconfirmed',
  group: 4,
  check(ctx) {
    if (appliedSslSupportMethod(ctx) !== 'vip') return undefined;
    const policy = minimumProtocolVersion(ctx);
    const allowed = POLICIES_BY_MODE.vip!;
    if (policy === undefined || !isMinimumProtocolVersion(policy) || allowed.includes(policy))
      return undefined;
    const field = ctx.distribution.viewerCertificate?.minimumProtocolVersion;
    return ctx.report(locationOf(ctx, field), { policy, allowed });
  },
});
