/**
 * The catalog entries of live mode (`certgate check --aws`): an AWS call that failed is a finding
 * on what it could not check, never a crash; the checks that did not need it still run. A failed
 * call is a warning (the verdict misses that fact); a certificate ACM (or IAM) does not have is an
 * error, as CloudFront refuses it.
 */

import type { CatalogEntry } from './types.js';

export const AWS_CATALOG = {
  AWS_NO_CREDENTIALS: { title: 'No AWS credentials: the live checks did not run', severity: 'warning' },
  AWS_CREDENTIALS_EXPIRED: {
    title: 'The AWS session has expired: the live checks did not run',
    severity: 'warning',
  },
  AWS_ACCESS_DENIED: { title: 'An AWS call was denied: an IAM permission is missing', severity: 'warning' },
  AWS_THROTTLED: { title: 'An AWS call was still throttled after the retries', severity: 'warning' },
  AWS_REGION_DISABLED: { title: 'The region is not enabled for the account: skipped', severity: 'note' },
  AWS_NETWORK_ERROR: { title: 'AWS could not be reached', severity: 'warning' },
  AWS_CALL_FAILED: { title: 'An AWS call failed', severity: 'warning' },
  AWS_CERTIFICATE_NOT_FOUND: {
    title: 'The certificate does not exist in ACM (in the region of its ARN)',
    severity: 'error',
  },
  AWS_IAM_CERTIFICATE_NOT_FOUND: {
    title: 'The IAM server certificate does not exist in the account',
    severity: 'error',
  },
  AWS_TENANT_DOMAINS_UNKNOWN: {
    title: 'Distribution tenants of the account whose domains could not be read',
    severity: 'note',
  },
  AWS_PREFLIGHT_NOT_POSSIBLE: {
    title:
      'Alias conflicts in other accounts could not be looked up (no covering certificate in the account)',
    severity: 'note',
  },
} as const satisfies Record<string, CatalogEntry>;
