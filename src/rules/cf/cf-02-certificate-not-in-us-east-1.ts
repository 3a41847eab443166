import { acmArnRegionOf, parseAcmArn } from '../../cloudfront/arn.js';
import { isUnresolved, knownStart, shownText } from '../../cloudfront/model.js';
import { ACM_CLOUDFRONT_REGION, ACM_PARTITION } from '../../cloudfront/policies.js';
import type { Locator } from '../../findings/types.js';
import { type CfRuleContext, defineRule } from './define-rule.js';

/**
 * CF-02: the ACM certificate is not in us-east-1, read from the ARN, or for a certificate
 * resource of the same template from the stack's region. An ACM ARN that does not parse is
 * reported here too: CloudFront's message for both is "doesn't exist / isn't in us-east-1". A
 * value that is no ARN at all (`cert-test`) is CF_CERTIFICATE_NOT_AN_ARN (same error, INFERRED).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 * https://repost.aws/knowledge-center/cloudfront-invalid-viewer-certificate
 */
export const certificateNotInUsEast1 = defineRule({
  id: 'CF-02',
  code: 'CF_CERTIFICATE_NOT_IN_US_EAST_1',
  awsError: 'InvalidViewerCertificate',
  group: 1,
  otherCodes: ['CF_CERTIFICATE_NOT_AN_ARN'],
  check(ctx) {
    const partly = partlyKnownRegion(ctx);
    if (partly) {
      const { arn, region } = partly;
      return region === ACM_CLOUDFRONT_REGION
        ? undefined
        : ctx.report(arn.location, { certificate: arn.shown, region });
    }
    const ref = ctx.certificate();
    if (ref.kind === 'acm' && ref.key !== undefined) {
      // a name or placeholder is no ARN of any region: its own finding, not "not in us-east-1"
      if (!ref.key.startsWith('arn:'))
        return ctx.report(
          ref.location,
          { certificate: ref.key, certainty: 'inferred' },
          { code: 'CF_CERTIFICATE_NOT_AN_ARN' },
        );
      const arn = parseAcmArn(ref.key);
      if (!arn) return ctx.report(ref.location, { certificate: ref.key, malformed: true });
      // NOTE: China and GovCloud partitions are not researched (rulebook §8.9); no verdict there.
      if (arn.partition !== ACM_PARTITION || arn.region === ACM_CLOUDFRONT_REGION) return undefined;
      return ctx.report(ref.location, { certificate: ref.key, region: arn.region });
    }
    if (ref.kind !== 'resource') return undefined;
    const region = ctx.evidenceField('region', 'region');
    if (region === undefined || region === ACM_CLOUDFRONT_REGION) return undefined;
    // A template resource deploys to the stack's region, a planned one to its provider's region.
    const regionOf = ctx.distribution.format === 'terraform' ? 'provider' : 'stack';
    return ctx.report(ref.location, {
      certificate: ctx.certificateLabel(),
      region,
      fromStack: true,
      regionOf,
    });
  },
});

/**
 * The region of an ACM ARN assembled at deploy time whose region part is known whole
 * (`!Sub arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/...` with the stack's region
 * known): the account or id may be unknown, the region is not. Commercial partition only, as above.
 */
function partlyKnownRegion(
  ctx: CfRuleContext,
): { arn: { shown: string; location: Locator }; region: string } | undefined {
  const field = ctx.distribution.viewerCertificate?.acmCertificateArn;
  // a certificate resource of the same template is judged by the resource's region instead
  if (!field || ctx.distribution.certificateResource !== undefined) return undefined;
  const value = field.value;
  if (!isUnresolved(value) || value.text === undefined) return undefined;
  const known = acmArnRegionOf(knownStart(value.text));
  if (!known || known.partition !== ACM_PARTITION) return undefined;
  return { arn: { shown: shownText(value.text), location: field.location }, region: known.region };
}
