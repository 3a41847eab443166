/**
 * Reading the ViewerCertificate through the context, with the API field names as labels, so a
 * value computed at deploy time makes the rule skip (and be reported as skipped) instead of pass.
 */

import type { Locator } from '../../findings/types.js';
import type { CfRuleContext, Others } from './define-rule.js';

/** Labels of the fields, as the API names them (rulebook §3.1). */
export const LABELS = {
  default: 'ViewerCertificate.CloudFrontDefaultCertificate',
  acm: 'ViewerCertificate.ACMCertificateArn',
  iam: 'ViewerCertificate.IAMCertificateId',
  ssl: 'ViewerCertificate.SSLSupportMethod',
  policy: 'ViewerCertificate.MinimumProtocolVersion',
  certificate: 'ViewerCertificate.Certificate',
  certificateSource: 'ViewerCertificate.CertificateSource',
  httpVersion: 'HttpVersion',
  connectionMode: 'ConnectionMode',
  quantity: 'Aliases.Quantity',
} as const;

/** CloudFrontDefaultCertificate as written (undefined when absent or unresolved). */
export const defaultFlag = (ctx: CfRuleContext): boolean | undefined =>
  ctx.read(ctx.distribution.viewerCertificate?.cloudFrontDefaultCertificate, LABELS.default);

export const acmArn = (ctx: CfRuleContext): string | undefined =>
  ctx.read(ctx.distribution.viewerCertificate?.acmCertificateArn, LABELS.acm);

export const iamId = (ctx: CfRuleContext): string | undefined =>
  ctx.read(ctx.distribution.viewerCertificate?.iamCertificateId, LABELS.iam);

export const sslSupportMethod = (ctx: CfRuleContext): string | undefined =>
  ctx.read(ctx.distribution.viewerCertificate?.sslSupportMethod, LABELS.ssl);

export const minimumProtocolVersion = (ctx: CfRuleContext): string | undefined =>
  ctx.read(ctx.distribution.viewerCertificate?.minimumProtocolVersion, LABELS.policy);

export const httpVersion = (ctx: CfRuleContext): string | undefined =>
  ctx.read(ctx.distribution.httpVersion, LABELS.httpVersion);

/**
 * SSLSupportMethod as CloudFront applies it: only with a custom certificate. On the default
 * certificate GetDistributionConfig echoes `vip` (with CloudFrontDefaultCertificate true) while
 * CloudFront serves it over SNI with no dedicated IPs: no cost, no quota, no vip policy table.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
 */
export const appliedSslSupportMethod = (ctx: CfRuleContext): string | undefined =>
  hasCustomCertificate(ctx) ? sslSupportMethod(ctx) : undefined;

/** Whether the config names a custom certificate (an ARN, IAM id or template resource), resolved or not. */
export function hasCustomCertificate(ctx: CfRuleContext): boolean {
  const vc = ctx.distribution.viewerCertificate;
  return (
    vc?.acmCertificateArn !== undefined ||
    vc?.iamCertificateId !== undefined ||
    ctx.distribution.certificateResource !== undefined
  );
}

/**
 * Whether CloudFront serves its default `*.cloudfront.net` certificate: no custom certificate is
 * named (rulebook CF-01: "or has no custom certificate at all"). Both flags set is CF-12's case.
 */
export function usesDefaultCertificate(ctx: CfRuleContext): boolean {
  return !hasCustomCertificate(ctx);
}

/** Where the ViewerCertificate block is, or the distribution when there is none. */
export const viewerLocation = (ctx: CfRuleContext): Locator =>
  ctx.distribution.viewerCertificate?.location ?? ctx.distribution.location;

/** The location of a field when present, else of the ViewerCertificate block. */
export const locationOf = (ctx: CfRuleContext, field: { location: Locator } | undefined): Locator =>
  field?.location ?? viewerLocation(ctx);

/**
 * Names of other distributions (or aliases) for messages: sorted, so the output does not depend
 * on input order, at most `max` with a count of the rest.
 */
export function nameList(ids: readonly string[], max = 5): string[] {
  const sorted = [...ids].sort();
  if (sorted.length <= max) return sorted;
  return [...sorted.slice(0, max), `${sorted.length - max} more`];
}

/** How many names a finding lists before "N more". */
export const NAMES_LISTED = 5;

/** `nameList` of a group the index has already cut to its first names (`Others`, asked with NAMES_LISTED). */
export function othersList(others: Others, max = NAMES_LISTED): string[] {
  const names = others.names.slice(0, max);
  return others.count <= max ? names : [...names, `${others.count - max} more`];
}
