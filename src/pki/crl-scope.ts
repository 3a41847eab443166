/**
 * Which certificates a CRL speaks for (RFC 5280 §6.3.3 (b), (d)): the CRL issuer against the
 * certificate's issuer or its distribution point's cRLIssuer, the issuingDistributionPoint
 * scope against the certificate, and the reasons the pair covers. No signatures here: only
 * whether a CRL is about this certificate, and if not, why.
 */

import type { CertificateRevocationList } from '../x509/crl.js';
import { REASON_FLAGS } from '../x509/extensions/crl-distribution-points.js';
import type {
  Certificate,
  DistinguishedName,
  DistributionPoint,
  GeneralName,
  NameAttribute,
} from '../x509/model.js';
import { nameKey } from '../x509/name-match.js';
import { isCa } from './extension-policy.js';

/** The revocation reasons a CRL can cover (ReasonFlags, RFC 5280 §4.2.1.13, without `unused`). */
export const REASONS: readonly string[] = REASON_FLAGS.slice(1);

/** A set of reasons as bits, in REASONS order. */
export type ReasonMask = number;

/** RFC 5280's all-reasons. */
export const ALL_REASONS: ReasonMask = (1 << REASONS.length) - 1;

/** The bits of a ReasonFlags list; `undefined` (the field is absent) is all reasons. */
export function reasonMask(reasons: readonly string[] | undefined): ReasonMask {
  if (reasons === undefined) return ALL_REASONS;
  let mask = 0;
  for (const reason of reasons) {
    const bit = REASONS.indexOf(reason);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/** The reason names of a mask. */
export function reasonNames(mask: ReasonMask): string[] {
  return REASONS.filter((_, bit) => mask & (1 << bit));
}

/**
 * A distribution point of the certificate, as §6.3.3 processes it. A certificate without
 * cRLDistributionPoints (or one whose points named CRLs not given) is covered by CRLs of its
 * issuer: a point with the issuer's name, no reasons and no cRLIssuer (§6.3.3, last paragraph).
 */
export interface Point {
  /** The point's names, nameRelativeToCRLIssuer resolved against the CRL issuer. */
  readonly names?: readonly GeneralName[];
  readonly reasons: ReasonMask;
  /** The CRL issuers it names, for an indirect CRL; none: the certificate's issuer. */
  readonly crlIssuers?: readonly DistinguishedName[];
}

/** The points to try for `cert`, its own first, then the issuer fallback. */
export function pointsOf(cert: Certificate): Point[] {
  const own = cert.extension('cRLDistributionPoints')?.distributionPoints ?? [];
  const points = own.map((dp) => pointOf(dp, cert));
  points.push({ names: [{ type: 'directoryName', value: cert.issuer }], reasons: ALL_REASONS });
  return points;
}

function pointOf(dp: DistributionPoint, cert: Certificate): Point {
  const crlIssuers = dp.cRLIssuer?.flatMap((n) => (n.type === 'directoryName' ? [n.value] : []));
  // §4.2.1.13: a relative name is relative to the cRLIssuer, or to the certificate issuer
  const base = crlIssuers?.[0] ?? cert.issuer;
  const names =
    dp.fullName ?? (dp.nameRelativeToCRLIssuer ? [relative(base, dp.nameRelativeToCRLIssuer)] : undefined);
  return {
    ...(names ? { names } : {}),
    reasons: reasonMask(dp.reasons),
    ...(dp.cRLIssuer ? { crlIssuers: crlIssuers ?? [] } : {}),
  };
}

/** A directoryName for `rdn` under `base` (only its comparison key and text matter here). */
function relative(base: DistinguishedName, rdn: readonly NameAttribute[]): GeneralName {
  const rdns = [...base.rdns, rdn];
  const text = `${rdn.map((a) => `${a.shortName}=${a.value}`).join('+')}${base.text ? `,${base.text}` : ''}`;
  return { type: 'directoryName', value: { rdns, der: new Uint8Array(0), key: nameKey(rdns), text } };
}

/** Why a CRL does not speak for a certificate, or `covers` with the reasons it does. */
export type Scope =
  | { readonly covers: ReasonMask }
  /** The CRL is from another issuer: nothing to say about it. */
  | { readonly unrelated: true }
  /** The CRL is from the right issuer but its scope excludes the certificate. */
  | { readonly outOfScope: string };

/** §6.3.3 (b) and (d): whether `crl` speaks for `cert` through `point`, and for which reasons. */
export function scopeOf(crl: CertificateRevocationList, cert: Certificate, point: Point): Scope {
  const idp = crl.issuingDistributionPoint;
  // (b)(1): an indirect point names the CRL issuer; otherwise the CRL is the certificate issuer's
  if (point.crlIssuers) {
    if (!point.crlIssuers.some((n) => n.key === crl.issuer.key)) return { unrelated: true };
    if (!idp?.indirectCRL)
      return { outOfScope: 'it is not an indirect CRL, and the certificate names it as its CRL issuer' };
  } else if (crl.issuer.key !== cert.issuer.key) {
    return { unrelated: true };
  }
  if (idp) {
    // (b)(2)(i): the IDP's name matches the point's names, or its cRLIssuer when it has none
    const idpNames =
      idp.fullName ??
      (idp.nameRelativeToCRLIssuer ? [relative(crl.issuer, idp.nameRelativeToCRLIssuer)] : undefined);
    if (idpNames) {
      const theirs: readonly GeneralName[] =
        point.names ?? (point.crlIssuers ?? []).map((value) => ({ type: 'directoryName', value }) as const);
      if (!idpNames.some((a) => theirs.some((b) => sameName(a, b)))) {
        return {
          outOfScope: "its issuingDistributionPoint names another distribution point than the certificate's",
        };
      }
    }
    // (b)(2)(ii)-(iv)
    if (idp.onlyContainsUserCerts && isCa(cert))
      return { outOfScope: 'it covers only end-entity certificates' };
    if (idp.onlyContainsCACerts && !isCa(cert)) return { outOfScope: 'it covers only CA certificates' };
    if (idp.onlyContainsAttributeCerts) return { outOfScope: 'it covers only attribute certificates' };
  }
  // (d): the reasons both the CRL and the point cover
  return { covers: reasonMask(idp?.onlySomeReasons) & point.reasons };
}

/** GeneralName equality for distribution point names: directory names by §7.1, others exactly. */
function sameName(a: GeneralName, b: GeneralName): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'directoryName' && b.type === 'directoryName') return a.value.key === b.value.key;
  if ('value' in a && 'value' in b) return a.value === b.value;
  return false;
}

/**
 * Whether an entry of `crl` names `cert`: the serial number, and for an indirect CRL the issuer
 * the entry is for (certificateIssuer, RFC 5280 §5.3.3; the CRL issuer until an entry says
 * otherwise).
 */
export function entryFor(crl: CertificateRevocationList, cert: Certificate) {
  const indirect = crl.issuingDistributionPoint?.indirectCRL === true;
  return crl.revoked.find((entry) => {
    if (entry.serialNumber !== cert.serialNumber) return false;
    if (!indirect || entry.certificateIssuer === undefined) return crl.issuer.key === cert.issuer.key;
    return entry.certificateIssuer.some((n) => n.type === 'directoryName' && n.value.key === cert.issuer.key);
  });
}
