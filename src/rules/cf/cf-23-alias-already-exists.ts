import { defineRule } from './define-rule.js';
import { NAMES_LISTED, othersList } from './fields.js';

/**
 * CF-23: an alias is also an alias of another distribution in the inputs. An alias belongs to one
 * distribution or tenant globally, even inside one account: CNAMEAlreadyExists (409). Reported on
 * every distribution involved, each naming the others. Found through the alias map, never by
 * comparing distributions pairwise; each names the first few others and the count, so 20,000
 * holders of one alias cost 20,000 small findings, not 20,000 x 20,000 names. A distribution as
 * deployed (AWS CLI output of an existing one) is not being changed: CloudFront refuses the
 * create/update that brings the alias, so the deployed one fails only for another deployed holder.
 * Against the account read with `--aws`: the holder with the id a plan says it updates is the
 * distribution itself; when a template or plan does not say, an account holder alone is a warning
 * (it may be this distribution, deployed before). The account's tenants hold their domains the
 * same way; a tenant of the inputs with the account tenant's Name is that tenant (not a holder).
 * A holder the pre-flight found in another account is never this distribution: always an error.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateDistribution.html
 */
export const aliasAlreadyExists = defineRule({
  id: 'CF-23',
  code: 'CF_ALIAS_ALREADY_EXISTS',
  awsError: 'CNAMEAlreadyExists',
  group: 5,
  check(ctx) {
    const aliases = ctx.aliases();
    const d = ctx.distribution;
    if (!ctx.index.hasSharedAlias(d)) return undefined;
    const out = [];
    for (const alias of aliases) {
      if (!ctx.index.isShared(alias.lower)) continue;
      const others = d.deployed
        ? ctx.index.otherDeployedAliasHolders(alias.lower, d, NAMES_LISTED)
        : ctx.index.otherAliasHolders(alias.lower, d, NAMES_LISTED);
      if (others.count === 0) continue;
      const inAccount = d.deployed ? undefined : ctx.index.accountHolderOf(alias.lower);
      // a holder in another account is never this distribution: always a conflict
      const inOtherAccount = d.deployed ? undefined : ctx.index.elsewhereHolderOf(alias.lower);
      const accountOnly = inAccount !== undefined && others.count === 1;
      // the account's copy of this very distribution (a plan updating it in place) is no conflict
      if (accountOnly && inAccount.id === d.deployedId) continue;
      // a template or plan that does not say which deployed distribution it updates: the account's
      // holder may be this one, deployed before (a stack update), or another (CNAMEAlreadyExists).
      // A tenant is never a distribution, and one with a Name is known (src/aws/tenants.ts).
      const unsure =
        accountOnly &&
        d.deployedId === undefined &&
        (inAccount.tenant === undefined) === (d.tenant === undefined) &&
        d.tenant?.names === undefined;
      out.push(
        ctx.report(
          alias.location,
          {
            alias: alias.name,
            others: othersList(others),
            otherCount: others.count,
            ...(inAccount !== undefined ? { accountHolder: inAccount.id } : {}),
            ...(inOtherAccount !== undefined ? { elsewhereHolder: inOtherAccount.id } : {}),
            ...(unsure ? { maybeSelf: true } : {}),
          },
          unsure ? { severity: 'warning' } : {},
        ),
      );
    }
    return out;
  },
});
