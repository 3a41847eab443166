/**
 * Words for live-mode findings (`check --aws`): which call failed, the IAM action it needs, what
 * could not be checked, and what to do. Messages quote the SDK's one-line reason, already scrubbed
 * of anything credential-like by src/aws/errors.ts.
 */

import type { FindingCode } from '../findings/catalog.js';
import type { FindingArgs } from '../findings/types.js';
import { str } from './wording.js';

type Wording = (args: FindingArgs) => { readonly message: string; readonly fix?: string };

const call = (a: FindingArgs): string =>
  `${str(a.operation)}${a.region !== undefined ? ` (${str(a.region)})` : ''}`;
const unchecked = (a: FindingArgs): string =>
  a.unchecked !== undefined ? `; not checked: ${str(a.unchecked)}` : '';
const list = (v: FindingArgs[string]): string => (Array.isArray(v) ? v.join(', ') : str(v));
const reason = (a: FindingArgs): string =>
  a.reason !== undefined && a.reason !== '' ? ` (${str(a.reason)})` : '';

export const AWS_WORDINGS: Record<Extract<FindingCode, `AWS_${string}`>, Wording> = {
  AWS_NO_CREDENTIALS: (a) => ({
    message: `no AWS credentials for ${call(a)}${reason(a)}${unchecked(a)}`,
    fix: 'give credentials the way the AWS CLI takes them: AWS_PROFILE or --profile NAME, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO (aws sso login), or a role (OIDC in CI)',
  }),
  AWS_CREDENTIALS_EXPIRED: (a) => ({
    message: `the AWS session has expired: ${call(a)} was refused${reason(a)}${unchecked(a)}`,
    fix: 'renew the session (aws sso login, or assume the role again) and run the check again',
  }),
  AWS_ACCESS_DENIED: (a) => ({
    message: `${call(a)} was denied: the credentials lack ${str(a.iamAction)}${reason(a)}${unchecked(a)}`,
    fix: `allow ${str(a.iamAction)} (read-only) to the identity certgate runs as; docs/aws.md has the whole policy`,
  }),
  AWS_THROTTLED: (a) => ({
    message: `${call(a)} was still throttled after the SDK's retries${reason(a)}${unchecked(a)}`,
    fix: 'run again later, or raise AWS_MAX_ATTEMPTS (AWS_RETRY_MODE=adaptive spreads the calls)',
  }),
  AWS_REGION_DISABLED: (a) => ({
    message: `region ${str(a.region)} is not enabled for the account: ${str(a.operation)} skipped${unchecked(a)}`,
    fix: 'enable the region for the account if the certificate should be there; CloudFront only uses certificates from us-east-1',
  }),
  AWS_NETWORK_ERROR: (a) => ({
    message: `AWS could not be reached for ${call(a)}${reason(a)}${unchecked(a)}`,
    fix: 'check the network, proxy (HTTPS_PROXY) and any AWS_ENDPOINT_URL_* variables, then run again',
  }),
  AWS_CALL_FAILED: (a) => ({
    message: `the AWS call ${call(a)} failed${reason(a)}${unchecked(a)}`,
    fix: 'run again; if it keeps failing, run the same call with the AWS CLI to see the full error',
  }),
  AWS_CERTIFICATE_NOT_FOUND: (a) => ({
    message: `certificate ${str(a.arn)} of distribution ${str(a.distribution)} does not exist in ACM in ${str(a.region)}${reason(a)}: CloudFront rejects the create/update with InvalidViewerCertificate`,
    fix: 'use the ARN of an existing, issued certificate in us-east-1 (aws acm list-certificates --region us-east-1), or check the account the credentials are for',
  }),
  AWS_IAM_CERTIFICATE_NOT_FOUND: (a) => ({
    message: `IAM server certificate ${str(a.id)} of distribution ${str(a.distribution)} does not exist in the account${reason(a)}: CloudFront rejects the create/update with InvalidViewerCertificate`,
    fix: 'use the ServerCertificateId of a certificate uploaded to IAM under the /cloudfront/ path (aws iam list-server-certificates --path-prefix /cloudfront/), or move to an ACM certificate in us-east-1; or check the account the credentials are for',
  }),
  AWS_TENANT_DOMAINS_UNKNOWN: (a) => ({
    message: `ListDistributionTenants answered no domains for ${str(a.count)} tenant(s) of the account (${list(a.tenants)}${Number(a.count) > (Array.isArray(a.tenants) ? a.tenants.length : 0) ? ', ...' : ''}): a tenant always has one, so its domains are unknown, not absent${unchecked(a)}`,
    fix: 'look at their domains with aws cloudfront get-distribution-tenant --id ID (or the console); when the CLI output lists them, give it as an input: they are then checked for conflicts',
  }),
  AWS_PREFLIGHT_NOT_POSSIBLE: (a) => ({
    message: `alias ${str(a.alias)} of distribution ${str(a.distribution)} could not be looked up in other accounts: no standard distribution or distribution tenant of the account has a certificate covering it (ListDomainConflicts needs one)`,
    fix: 'attach a certificate covering the alias to a distribution (or tenant) of the account first (or after this deploy, run the check again); the conflict is not ruled out',
  }),
};
