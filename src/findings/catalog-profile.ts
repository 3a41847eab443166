/**
 * The catalog entries of profiles (`profiles:` in `.certgate.yaml`): a distribution uses what its
 * team's profile does not allow. Errors by default: a profile is a pin the team chose to enforce
 * (a `severity:` override in the config makes one a warning).
 */

import type { CatalogEntry } from './types.js';

export const PROFILE_CATALOG = {
  PROFILE_CERTIFICATE_SOURCE: { title: 'Certificate source not allowed by the profile', severity: 'error' },
  PROFILE_CERTIFICATE: { title: 'Not the certificate the profile expects', severity: 'error' },
  PROFILE_ISSUER: { title: 'Certificate issuer not allowed by the profile', severity: 'error' },
  PROFILE_KEY_ALGORITHM: { title: 'Certificate key algorithm not allowed by the profile', severity: 'error' },
  PROFILE_SECURITY_POLICY: { title: 'Security policy not allowed by the profile', severity: 'error' },
  PROFILE_SSL_SUPPORT_METHOD: { title: 'SSL support method not allowed by the profile', severity: 'error' },
  PROFILE_DAYS_LEFT: {
    title: 'Certificate has fewer days left than the profile requires',
    severity: 'error',
  },
} as const satisfies Record<string, CatalogEntry>;
