import { isLowerCase } from '../../names/index.js';
import { aliasSyntaxError } from './coverage.js';
import { defineRule } from './define-rule.js';

/**
 * CF-27: an alias CloudFront does not accept as written: upper case (aliases must be lower
 * case), `*` anywhere but a leading `*.`, a trailing dot, non-ASCII (use punycode), more than 253
 * characters or a label over 63. The code is UNCONFIRMED (likely InvalidArgument), and whether
 * CloudFront lower-cases upper-case input instead of refusing it is UNCONFIRMED.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html
 */
export const aliasSyntaxInvalid = defineRule({
  id: 'CF-27',
  code: 'CF_ALIAS_SYNTAX_INVALID',
  awsError: 'InvalidArgument',
  certainty: 'unconfirmed',
  group: 5,
  check(ctx) {
    const out = [];
    const aliases = ctx.aliases();
    for (let i = 0; i < aliases.length; i++) {
      const alias = aliases[i]!;
      const error = aliasSyntaxError(aliases, i);
      if (error) {
        out.push(
          ctx.report(alias.location, { alias: alias.name, problem: error.kind, reason: error.reason }),
        );
      } else if (!isLowerCase(alias.name)) {
        const reason = 'an alias must be lower case';
        out.push(
          ctx.report(alias.location, {
            alias: alias.name,
            problem: 'UpperCase',
            reason,
            suggestion: alias.lower,
          }),
        );
      }
    }
    return out;
  },
});
