import type { CfRuleContext } from './define-rule.js';
import { defineRule } from './define-rule.js';
import { defaultFlag, LABELS, viewerLocation } from './fields.js';

/**
 * CF-12: a ViewerCertificate names exactly one certificate source.
 *
 * More than one (CF_CERTIFICATE_SOURCE_CONFLICT): ACMCertificateArn and IAMCertificateId together,
 * or CloudFrontDefaultCertificate=true with either. The API says to specify one; its error code is
 * UNCONFIRMED (likely InvalidViewerCertificate). Terraform refuses it at plan time. CloudFormation
 * (and so a CDK app) counts what is written: `CloudFrontDefaultCertificate: false` beside an ARN is
 * a second source to its resource handler, which refuses the resource with "Exactly one of
 * [AcmCertificateArn,CloudFrontDefaultCertificate,IamCertificateId] needs to be specified" before
 * CloudFront is asked (OBSERVED; the API itself takes false beside an ARN, its own output has both).
 *
 * None (CF_CERTIFICATE_SOURCE_MISSING): a ViewerCertificate with only SslSupportMethod or
 * MinimumProtocolVersion. The API answers "Your ViewerCertificate is missing one of
 * ACMCertificateArn, IAMCertificateId, or CloudFrontDefaultCertificate." (OBSERVED), CloudFormation
 * with the "Exactly one of" message. A Terraform plan never has it: the provider always sends
 * CloudFrontDefaultCertificate.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 * https://github.com/hashicorp/terraform/issues/20511
 */
export const certificateSourceConflict = defineRule({
  id: 'CF-12',
  code: 'CF_CERTIFICATE_SOURCE_CONFLICT',
  otherCodes: ['CF_CERTIFICATE_SOURCE_MISSING'],
  awsError: 'InvalidViewerCertificate',
  certainty: 'unconfirmed',
  group: 1,
  check(ctx) {
    const vc = ctx.distribution.viewerCertificate;
    if (vc === undefined) return undefined;
    const template = writtenIsCounted(ctx);
    // Presence is what counts: a value computed at deploy time is still a source.
    const flag = defaultFlag(ctx);
    const fields = [
      ...(vc.acmCertificateArn ? [LABELS.acm] : []),
      ...(vc.iamCertificateId ? [LABELS.iam] : []),
      ...(flag === true ? [`${LABELS.default}=true`] : []),
      ...(flag === false && template ? [`${LABELS.default}=false`] : []),
    ];
    // CloudFormation's handler refuses before CloudFront sees the request: no CloudFront error
    const via = template ? { refusedBy: 'cloudformation' } : {};
    const handler = template ? ({ certainty: 'observed', awsError: null } as const) : {};
    if (fields.length >= 2) {
      // a false flag beside the ARN is the one to remove: point at it
      const at =
        flag === false && template && vc.cloudFrontDefaultCertificate
          ? vc.cloudFrontDefaultCertificate.location
          : viewerLocation(ctx);
      return ctx.report(at, { fields, ...via }, handler);
    }
    // none written at all (a flag that is unresolved, or false, is written)
    if (fields.length === 0 && vc.cloudFrontDefaultCertificate === undefined && sendsAsWritten(ctx)) {
      return ctx.report(viewerLocation(ctx), via, { code: 'CF_CERTIFICATE_SOURCE_MISSING', ...handler });
    }
    return undefined;
  },
});

/** A CloudFormation template (a CDK app's included): its resource handler counts the properties written. */
const writtenIsCounted = (ctx: CfRuleContext): boolean =>
  ctx.distribution.format === 'cloudformation' || ctx.distribution.format === 'cdk';

/** Inputs whose ViewerCertificate reaches CloudFront as written (a Terraform provider fills in the flag). */
const sendsAsWritten = (ctx: CfRuleContext): boolean => ctx.distribution.format !== 'terraform';
