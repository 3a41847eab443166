/**
 * Live data → the model, through the same readers as the offline files: each fetched value is
 * serialized and parsed as a JSON document named after the AWS CLI command that prints it, so
 * live evidence gives the same findings (and exit codes) as the files would.
 */

import type { CertificateEvidence, Distribution } from '../cloudfront/model.js';
import { readAcmOutput } from '../sources/acm.js';
import { readCloudFrontOutput } from '../sources/aws-cli.js';
import { readTenantOutput } from '../sources/aws-cli-tenants.js';
import { collected } from '../sources/fields.js';
import { parseJsonDocument } from '../sources/json-document.js';

/** Where a describe-certificate result came from, as the report names it. */
export const acmSource = (region: string): string => `aws acm describe-certificate (${region})`;

export const LIST_SOURCE = 'aws cloudfront list-distributions (account)';

export const TENANT_LIST_SOURCE = 'aws cloudfront list-distribution-tenants (account)';

/** describe-certificate output → evidence of kind `acm-live` (ranked after a file's). */
export function liveCertificateEvidence(value: unknown, region: string): CertificateEvidence[] {
  const out = collected();
  readAcmOutput(parseJsonDocument(acmSource(region), JSON.stringify(value)), 'acm-describe', out);
  return out.evidence.map((e) => ({ ...e, kind: 'acm-live' }));
}

/** list-distributions output → the account's distributions (context: indexed, not reported). */
export function accountDistributions(value: unknown, source = LIST_SOURCE): Distribution[] {
  const out = collected();
  readCloudFrontOutput(parseJsonDocument(source, JSON.stringify(value)), 'cloudfront-list', out);
  return out.distributions;
}

/** list-distribution-tenants output → the account's tenants (context, as the distributions are). */
export function accountTenants(value: unknown): Distribution[] {
  const out = collected();
  readTenantOutput(
    parseJsonDocument(TENANT_LIST_SOURCE, JSON.stringify(value)),
    'cloudfront-tenant-list',
    out,
  );
  return out.distributions;
}
