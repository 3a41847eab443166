import { isSomeString } from '../../cloudfront/model.js';
import { defineRule } from './define-rule.js';
import { defaultFlag, usesDefaultCertificate, viewerLocation } from './fields.js';

/**
 * CF-01: aliases while CloudFront would serve its default `*.cloudfront.net` certificate (the
 * flag is true, or no ACM/IAM certificate is named). The first check of CloudFront's order.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/troubleshooting-distributions.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export const aliasesWithoutCertificate = defineRule({
  id: 'CF-01',
  code: 'CF_ALIASES_WITHOUT_CERTIFICATE',
  awsError: 'InvalidViewerCertificate',
  group: 1,
  check(ctx) {
    if (!usesDefaultCertificate(ctx)) return undefined;
    // an alias computed at deploy time is an alias all the same: only its name waits for the
    // deploy. An item that may not be there at all (an Fn::If that may be AWS::NoValue), or a
    // list computed whole (it may be empty), is no alias yet: the rule is skipped for it, unless
    // the list certainly has items (an Fn::Split always gives one).
    const names: string[] = [];
    let computed = ctx.distribution.aliasesUnresolved?.minItems ?? 0;
    for (const f of ctx.distribution.aliases) {
      if (typeof f.value === 'string') names.push(f.value);
      else if (isSomeString(f.value)) computed++;
    }
    if (names.length + computed === 0) {
      ctx.aliases(); // records what could not be checked
      return undefined;
    }
    return ctx.report(viewerLocation(ctx), {
      aliases: computed === 0 ? names : [...names, `${computed} computed at deploy time`],
      count: names.length + computed,
      defaultFlag: defaultFlag(ctx) === true,
    });
  },
});
