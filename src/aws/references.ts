/** What the checked distributions ask of the account: the certificates they name, and their aliases. */

import { parseAcmArn } from '../cloudfront/arn.js';
import { type Distribution, type Field, isUnresolved } from '../cloudfront/model.js';
import type { Locator } from '../findings/types.js';

/** One distribution naming a value, and where (the field a finding about it points at). */
export interface Use {
  readonly distribution: string;
  readonly location: Locator;
}

/** A certificate ARN the distributions name, with the region of the ARN (where ACM has it). */
export interface CertificateRef {
  readonly arn: string;
  readonly region: string;
  readonly uses: Use[];
}

const resolved = (f: Field<string> | undefined): string | undefined =>
  f && typeof f.value === 'string' && !isUnresolved(f.value) && f.value.trim() !== ''
    ? f.value.trim()
    : undefined;

/** A distribution and its readings (one per condition assignment): each may name its own certificate. */
export function readingsOf(d: Distribution): Distribution[] {
  return [d, ...(d.variants ?? []).map((v) => v.distribution)];
}

/** Every ACM ARN the distributions name (parsable ones: a malformed ARN is the offline rules' to report). */
export function certificateRefs(distributions: readonly Distribution[]): CertificateRef[] {
  const refs = new Map<string, CertificateRef>();
  for (const d of distributions) {
    for (const r of readingsOf(d)) {
      const field = r.viewerCertificate?.acmCertificateArn;
      const arn = resolved(field);
      const parsed = arn === undefined ? undefined : parseAcmArn(arn);
      if (!field || arn === undefined || !parsed) continue;
      let ref = refs.get(arn);
      if (!ref) {
        ref = { arn, region: parsed.region, uses: [] };
        refs.set(arn, ref);
      }
      if (!ref.uses.some((u) => u.distribution === d.id))
        ref.uses.push({ distribution: d.id, location: field.location });
    }
  }
  return [...refs.values()];
}

/** Every IAM server certificate id the distributions name (the ServerCertificateId), with where. */
export function iamRefs(distributions: readonly Distribution[]): { id: string; use: Use }[] {
  const out: { id: string; use: Use }[] = [];
  for (const d of distributions) {
    const field = d.viewerCertificate?.iamCertificateId;
    const id = resolved(field);
    if (field && id !== undefined) out.push({ id, use: { distribution: d.id, location: field.location } });
  }
  return out;
}

/** The resolved aliases of distributions, lower-cased, each with where it is written. */
export function aliasUses(distributions: readonly Distribution[]): Map<string, Use[]> {
  const out = new Map<string, Use[]>();
  for (const d of distributions) {
    for (const r of readingsOf(d)) {
      for (const field of r.aliases) {
        const name = resolved(field)?.toLowerCase();
        if (name === undefined) continue;
        const uses = out.get(name) ?? [];
        if (!uses.some((u) => u.distribution === d.id))
          uses.push({ distribution: d.id, location: field.location });
        out.set(name, uses);
      }
    }
  }
  return out;
}

/** The ACM certificate ARN a distribution uses, when resolved. */
export function acmArnOf(d: Distribution): string | undefined {
  return resolved(d.viewerCertificate?.acmCertificateArn);
}

/**
 * The certificates of the account's distributions that tenants of the inputs inherit: the parent
 * (DistributionId) is not in the inputs, and the tenant has no certificate of its own. Each is
 * used at the tenant's DistributionId. The gate links them the same way (src/check/tenants.ts).
 */
export function parentCertificateRefs(
  checked: readonly Distribution[],
  account: readonly Distribution[],
): CertificateRef[] {
  const inInputs = new Set(checked.flatMap((d) => (d.tenant ? [] : [d.id])));
  const byId = new Map(account.flatMap((d) => (d.tenant ? [] : [[d.id, d] as const])));
  const refs = new Map<string, CertificateRef>();
  for (const d of checked) {
    const tenant = d.tenant;
    const name = tenant?.parent.value;
    if (tenant?.certificate !== 'parent' || typeof name !== 'string' || inInputs.has(name)) continue;
    const parent = byId.get(name);
    const arn = parent === undefined ? undefined : acmArnOf(parent);
    const parsed = arn === undefined ? undefined : parseAcmArn(arn);
    if (arn === undefined || !parsed) continue;
    const ref = refs.get(arn) ?? { arn, region: parsed.region, uses: [] };
    refs.set(arn, ref);
    ref.uses.push({ distribution: d.id, location: tenant.parent.location });
  }
  return [...refs.values()];
}
