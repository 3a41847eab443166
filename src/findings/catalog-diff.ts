/**
 * The catalog entries of `certgate diff`: what differs between two environments' copies of a
 * distribution. Values that differ by design (aliases, each environment's certificate) are
 * notes; TLS settings that drift are warnings; a certificate one environment still points at after
 * the other replaced it is an error.
 */

import type { CatalogEntry } from './types.js';

export const DIFF_CATALOG = {
  DIFF_STALE_CERTIFICATE: {
    title: 'One environment still points at a certificate the other has replaced',
    severity: 'error',
  },
  DIFF_SETTING_DIFFERS: {
    title: 'A viewer-certificate setting differs between the environments',
    severity: 'warning',
  },
  DIFF_CERTIFICATE_DIFFERS: { title: 'The environments use different certificates', severity: 'note' },
  DIFF_ALIASES_DIFFER: { title: 'An alias has no counterpart in the other environment', severity: 'note' },
  DIFF_ONLY_IN_ONE: { title: 'A distribution exists in one environment only', severity: 'note' },
} as const satisfies Record<string, CatalogEntry>;
