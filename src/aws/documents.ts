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
import { readIamServerCertificate } from '../sources/pem-evidence.js';

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

/** Where a get-server-certificate result came from, as the report names it. */
export const iamSource = (name: string): string => `aws iam get-server-certificate (${name})`;

/**
 * get-server-certificate output → evidence keyed by the ServerCertificateId, with its chain and
 * Path (kind `pem`, as the same output given as a file; a file given for the id comes first and
 * wins). Throws when the body is not a certificate the reader can decode, as for a file.
 */
export function liveIamEvidence(value: unknown, name: string): CertificateEvidence[] {
  const out = collected();
  readIamServerCertificate(parseJsonDocument(iamSource(name), JSON.stringify(value)), out);
  return out.evidence;
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
