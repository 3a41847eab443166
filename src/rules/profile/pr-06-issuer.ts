import { defineRule, type EvidenceView } from '../cf/define-rule.js';
import { pinArgs, profileOf } from './pins.js';

/**
 * The names a certificate's issuer goes by: ACM's `Issuer` (`Amazon` for the certificates ACM
 * issues), else the issuer organization and common name of a PEM leaf. Compared without case.
 */
function issuerNames(view: EvidenceView): string[] {
  const names: string[] = [];
  if (view.issuer !== undefined) names.push(view.issuer);
  else if (view.type === 'AMAZON_ISSUED') names.push('Amazon');
  const leaf = view.chain?.[0];
  if (leaf) {
    for (const rdn of leaf.issuer.rdns)
      for (const a of rdn) if (a.shortName === 'O' || a.shortName === 'CN') names.push(a.value);
  }
  return names;
}

/**
 * PR-06: the certificate's issuer is not one the profile allows (`issuers:`), e.g. a certificate
 * imported from another CA where the team only uses ACM's. Needs evidence naming the issuer.
 */
export const profileIssuer = defineRule({
  id: 'PR-06',
  code: 'PROFILE_ISSUER',
  group: 7,
  check(ctx) {
    const profile = profileOf(ctx);
    const allowed = profile.issuers;
    if (!allowed) return undefined;
    const view = ctx.evidence('origin');
    if (!view || view.isTemplate) return undefined;
    const names = issuerNames(view);
    if (names.length === 0) return undefined;
    const wanted = new Set(allowed.value.map((i) => i.toLowerCase()));
    if (names.some((n) => wanted.has(n.toLowerCase()))) return undefined;
    return ctx.report(allowed.location, {
      ...pinArgs(profile, ctx.certificate().location),
      certificate: ctx.certificateLabel(),
      issuer: names[0]!,
      allowed: allowed.value,
    });
  },
});
