/**
 * Which input a parsed document is, from its content: the keys each AWS CLI command, template
 * language and tool writes at the top level. File names are never consulted.
 */

import { isRecord, own, ownRecord } from './fields.js';

/** The kinds of document the gate reads. */
export type InputKind =
  /** `aws cloudfront get-distribution-config`: `{ETag, DistributionConfig}`. */
  | 'cloudfront-config'
  /** A DistributionConfig on its own (the body of update-distribution). */
  | 'cloudfront-bare-config'
  /** `aws cloudfront get-distribution` (also create-/update-distribution output): `{Distribution: {...}}`. */
  | 'cloudfront-distribution'
  /** `aws cloudfront list-distributions`: `{DistributionList: {Items: [...]}}`. */
  | 'cloudfront-list'
  /** `aws cloudfront get-distribution-tenant` (also create-distribution-tenant output): `{DistributionTenant: {...}}`. */
  | 'cloudfront-tenant'
  /** `aws cloudfront list-distribution-tenants`: `{DistributionTenantList: [...]}`. */
  | 'cloudfront-tenant-list'
  /** The create-distribution-tenant request (`--cli-input-json`): `{DistributionId, Domains, Name}`. */
  | 'cloudfront-tenant-request'
  /** A CloudFormation template (also a CDK stack template). */
  | 'cloudformation'
  /** `terraform show -json` of a plan (or of a state). */
  | 'terraform'
  /** A CDK cloud assembly's `manifest.json`. */
  | 'cdk-manifest'
  /** `aws acm describe-certificate` output, or its `Certificate` object alone. */
  | 'acm-describe'
  /** A JSON array of describe-certificate outputs. */
  | 'acm-describe-array'
  /** `aws acm list-certificates`: `{CertificateSummaryList: [...]}`. */
  | 'acm-list'
  /** `aws iam get-server-certificate`: `{ServerCertificate: {ServerCertificateMetadata, CertificateBody}}`. */
  | 'iam-server-certificate';

/** Kinds that carry certificate evidence rather than distributions. */
export const EVIDENCE_KINDS: ReadonlySet<InputKind> = new Set([
  'acm-describe',
  'acm-describe-array',
  'acm-list',
  'iam-server-certificate',
]);

const isCertificateDetail = (v: unknown): boolean =>
  isRecord(v) && (typeof own(v, 'CertificateArn') === 'string' || isRecord(own(v, 'Certificate')));

/** Detects the kind of a parsed document; undefined when it is none the gate knows. */
export function detectInput(value: unknown): InputKind | undefined {
  if (Array.isArray(value)) return value.every(isCertificateDetail) ? 'acm-describe-array' : undefined;
  if (!isRecord(value)) return undefined;
  const has = (key: string) => Object.hasOwn(value, key);
  if (
    has('format_version') &&
    (has('planned_values') || has('resource_changes') || has('values') || has('terraform_version'))
  )
    return 'terraform';
  if (isRecord(own(value, 'Resources')) || has('AWSTemplateFormatVersion')) return 'cloudformation';
  if (isRecord(own(value, 'artifacts')) && has('version')) return 'cdk-manifest';
  if (has('DistributionList')) return 'cloudfront-list';
  if (isRecord(own(value, 'Distribution'))) return 'cloudfront-distribution';
  if (isRecord(own(value, 'DistributionConfig'))) return 'cloudfront-config';
  if (has('DistributionTenantList')) return 'cloudfront-tenant-list';
  if (isRecord(own(value, 'DistributionTenant'))) return 'cloudfront-tenant';
  if (has('DistributionId') && Array.isArray(own(value, 'Domains'))) return 'cloudfront-tenant-request';
  if (has('CertificateSummaryList')) return 'acm-list';
  if (ownRecord(value, 'ServerCertificate')) return 'iam-server-certificate';
  if (isCertificateDetail(value)) return 'acm-describe';
  if (has('CallerReference') || has('ViewerCertificate') || (has('Origins') && has('DefaultCacheBehavior')))
    return 'cloudfront-bare-config';
  return undefined;
}

/** The one-line reason for a document that is no known input. */
export const UNKNOWN_INPUT =
  'not a recognised input (expected aws cloudfront or aws acm CLI JSON, a CloudFormation template, a Terraform plan from terraform show -json, or a CDK cloud assembly)';
