/**
 * Which certificate a distribution names, and the key its evidence is found under: the ACM ARN,
 * else the IAM certificate id, else the template/plan resource the ARN refers to. A reference
 * computed at deploy time is `unresolved` unless the template names its certificate resource.
 */

import { type Distribution, type Field, isUnresolved, type Unresolved } from '../cloudfront/model.js';
import type { Locator } from '../findings/types.js';
import type { CertificateRef } from '../rules/cf/define-rule.js';
import { LABELS } from '../rules/cf/fields.js';

/** A certificate reference, plus the unresolved field behind it when there is one. */
export interface ResolvedRef extends CertificateRef {
  readonly unresolved?: { readonly label: string; readonly reason: string; readonly location: Locator };
}

function unresolvedOf(field: Field<unknown>, label: string): ResolvedRef['unresolved'] {
  return { label, reason: (field.value as Unresolved).reason, location: field.location };
}

/** The certificate reference of a distribution (rulebook §3.1 fields). */
export function certificateRefOf(d: Distribution): ResolvedRef {
  const vc = d.viewerCertificate;
  const location = vc?.location ?? d.location;
  // the ACM ARN first, then the IAM id (written out: this runs for each of 10,000 distributions)
  const acm = vc?.acmCertificateArn;
  if (acm) return refOf('acm', acm, LABELS.acm, d);
  const iam = vc?.iamCertificateId;
  if (iam) return refOf('iam', iam, LABELS.iam, d);
  if (d.certificateResource !== undefined) return { kind: 'resource', key: d.certificateResource, location };
  const flag = vc?.cloudFrontDefaultCertificate?.value;
  return { kind: flag === true ? 'default' : 'none', location };
}

/** The reference a certificate field makes: its value, the template resource, or unresolved. */
function refOf(kind: 'acm' | 'iam', field: Field<string>, label: string, d: Distribution): ResolvedRef {
  if (!isUnresolved(field.value)) return { kind, key: field.value, location: field.location };
  if (d.certificateResource !== undefined) {
    return { kind: 'resource', key: d.certificateResource, location: field.location };
  }
  return { kind: 'unresolved', location: field.location, unresolved: unresolvedOf(field, label) };
}
