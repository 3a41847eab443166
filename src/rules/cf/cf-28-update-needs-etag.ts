import { defineRule } from './define-rule.js';

/** A CloudFront distribution id, e.g. `E2QWRUHEXAMPLE`. */
const DISTRIBUTION_ID = /^E[0-9A-Z]{5,}$/;

/**
 * CF-28: get-distribution-config output (it has an ETag) being prepared for update-distribution.
 * A stale ETag fails with PreconditionFailed (412), a missing one with InvalidIfMatchVersion; the
 * freshness of the ETag cannot be seen offline, so this is a note with the ETag to send.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
 */
export const updateNeedsEtag = defineRule({
  id: 'CF-28',
  code: 'CF_UPDATE_NEEDS_ETAG',
  awsError: 'PreconditionFailed',
  group: 7,
  check(ctx) {
    const etag = ctx.distribution.etag;
    if (etag === undefined) return undefined;
    // get-distribution-config output has no Id; its CallerReference (or alias, Comment) then
    // names it, and must not be offered as an --id value.
    const { id } = ctx.distribution;
    return ctx.report(ctx.distribution.location, { etag, ...(DISTRIBUTION_ID.test(id) ? { id } : {}) });
  },
});
