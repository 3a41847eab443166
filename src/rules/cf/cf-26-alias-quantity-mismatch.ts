import { defineRule } from './define-rule.js';
import { LABELS } from './fields.js';

/**
 * CF-26: `Aliases.Quantity` differs from the number of `Aliases.Items` (API/CLI JSON only):
 * InconsistentQuantities.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Aliases.html
 */
export const aliasQuantityMismatch = defineRule({
  id: 'CF-26',
  code: 'CF_ALIAS_QUANTITY_MISMATCH',
  awsError: 'InconsistentQuantities',
  group: 5,
  check(ctx) {
    const quantity = ctx.read(ctx.distribution.aliasesQuantity, LABELS.quantity);
    const items = ctx.distribution.aliases.length;
    if (quantity === undefined || quantity === items || ctx.distribution.aliasesUnresolved) return undefined;
    return ctx.report(ctx.distribution.aliasesQuantity!.location, { quantity, items });
  },
});
