import { defineRule } from './define-rule.js';
import { usesDefaultCertificate } from './fields.js';

/**
 * MS-02: a wildcard alias routes names at any depth below it (D-WILD), but a `*.example.com`
 * certificate covers one label only (ACM-CHAR), so `a.b.example.com` reaches this distribution
 * and fails the TLS name check. The TLS failure is INFERRED, and which deeper names viewers use
 * cannot be seen offline: a note for each wildcard alias.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html
 * https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate-characteristics.html
 */
export const wildcardAliasDeeperHosts = defineRule({
  id: 'MS-02',
  code: 'CF_WILDCARD_ALIAS_DEEPER_HOSTS',
  certainty: 'inferred',
  group: 3,
  check(ctx) {
    if (usesDefaultCertificate(ctx)) return undefined;
    return ctx
      .aliases()
      .filter((a) => a.lower.startsWith('*.'))
      .map((a) =>
        ctx.report(a.location, { alias: a.name, example: `a.b.${a.lower.slice(2)}`, base: a.lower.slice(2) }),
      );
  },
});
