/**
 * The catalog entries of `certgate expiry`: where each certificate stands against the run's
 * thresholds, what its chain changes about that, and the files that could not be read.
 */

import type { CatalogEntry } from './types.js';

export const EXPIRY_CATALOG = {
  EXPIRY_EXPIRED: { title: 'The certificate (or its chain) has expired', severity: 'error' },
  EXPIRY_NOT_YET_VALID: { title: 'The certificate is not valid yet', severity: 'error' },
  EXPIRY_CRITICAL: { title: 'The certificate expires past the critical threshold', severity: 'error' },
  EXPIRY_WARNING: { title: 'The certificate expires past the warning threshold', severity: 'warning' },
  EXPIRY_CHAIN_EXPIRES_FIRST: {
    title: 'A certificate of the chain clients build expires before the leaf',
    severity: 'note',
  },
  EXPIRY_CHAIN_UNVERIFIED: {
    title: "No trusted chain: the expiry is the certificate's own",
    severity: 'note',
  },
  EXPIRY_FILE_UNREADABLE: { title: 'A certificate file could not be read', severity: 'error' },
  // ACM renewal readiness (`--aws`): will ACM renew it in time?
  EXPIRY_ACM_IMPORTED: { title: 'Imported into ACM: it never renews by itself', severity: 'note' },
  EXPIRY_ACM_WILL_NOT_RENEW: {
    title: 'ACM will not renew it: not in use, or not eligible',
    severity: 'warning',
  },
  EXPIRY_ACM_RENEWAL_FAILING: {
    title: "ACM's renewal is pending validation or has failed",
    severity: 'error',
  },
  EXPIRY_ACM_EMAIL_VALIDATION: {
    title: 'Validated by email: every renewal waits for a person',
    severity: 'warning',
  },
  EXPIRY_ACM_RENEWAL_LATE: {
    title: 'ACM should have renewed it by now',
    severity: 'warning',
  },
  EXPIRY_ACM_NOT_ISSUED: { title: 'An ACM certificate that is not issued', severity: 'note' },
  EXPIRY_ACM_VALIDATION_RECORD_MISSING: {
    title: 'A DNS validation record ACM needs to renew is missing or points elsewhere',
    severity: 'warning',
  },
  EXPIRY_ACM_CAA_FORBIDS: {
    title: 'CAA does not let Amazon issue for a name of the certificate',
    severity: 'error',
  },
  EXPIRY_DNS_LOOKUP_FAILED: { title: 'A DNS lookup of a renewal check failed', severity: 'note' },
  EXPIRY_EDGE_SERVES_OLD: {
    title: 'An endpoint still serves the certificate ACM has replaced',
    severity: 'warning',
  },
} as const satisfies Record<string, CatalogEntry>;
