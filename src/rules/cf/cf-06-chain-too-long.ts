import { MAX_CHAIN_CERTIFICATES } from '../../cloudfront/policies.js';
import { defineRule } from './define-rule.js';

/**
 * CF-06: the chain holds more than 5 certificates. Second in CloudFront's order. Whether the 5
 * count the leaf is UNCONFIRMED (rulebook §8.3), so a chain of exactly 6 (leaf + 5) is a
 * warning and longer ones are errors either way.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 */
export const chainTooLong = defineRule({
  id: 'CF-06',
  code: 'CF_CHAIN_TOO_LONG',
  awsError: 'InvalidViewerCertificate',
  group: 6,
  check(ctx) {
    const chain = ctx.chain();
    if (!chain || chain.length <= MAX_CHAIN_CERTIFICATES) return undefined;
    const certain = chain.length > MAX_CHAIN_CERTIFICATES + 1;
    const view = ctx.evidence('chain');
    return ctx.report(
      view?.location ?? ctx.certificate().location,
      {
        certificate: ctx.certificateLabel(),
        length: chain.length,
        max: MAX_CHAIN_CERTIFICATES,
        leafCountUnconfirmed: !certain,
      },
      certain ? {} : { severity: 'warning' },
    );
  },
});
