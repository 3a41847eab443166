/**
 * The catalog of finding codes: one entry per code with its title, default severity and the docs
 * page that explains it. Wording of individual findings lives in `messages.ts`.
 */

import type { Finding, FindingArgs, Locator, Severity } from '../types.js';

/** What the catalog knows about a code. */
export interface CatalogEntry {
  /** A short title, sentence case, no trailing period. */
  readonly title: string;
  readonly severity: Severity;
}

/** Every finding code certgate can emit, in one place so docs, SARIF rules and tests agree. */
export const CATALOG = {
  // Certificate state (decision order 2)
  CERT_EXPIRED: { title: 'Certificate has expired', severity: 'error' },
  CERT_NOT_YET_VALID: { title: 'Certificate is not yet valid', severity: 'error' },
  CERT_EXPIRES_SOON: { title: 'Certificate expires inside the warning window', severity: 'warning' },
  // Certificate content
  CERT_NO_SUBJECT_ALT_NAME: {
    title: 'End-entity certificate has no subjectAltName',
    severity: 'warning',
  },
  CERT_WEAK_RSA_KEY: { title: 'RSA key shorter than 2048 bits', severity: 'warning' },
  CERT_WEAK_SIGNATURE_ALGORITHM: {
    title: 'Certificate is signed with SHA-1 or MD5',
    severity: 'warning',
  },
  // Input handling
  INPUT_PRIVATE_KEY_SKIPPED: { title: 'Input contains a private key', severity: 'note' },
  INPUT_CHAIN_OUT_OF_ORDER: { title: 'Chain is not in leaf-first order', severity: 'warning' },
} as const satisfies Record<string, CatalogEntry>;

/** A finding code: a key of the catalog. */
export type FindingCode = keyof typeof CATALOG;

/** All codes, in catalog order. */
export const FINDING_CODES = Object.keys(CATALOG) as FindingCode[];

/** The docs page of a code, relative to the package root. */
export function docsPath(code: FindingCode): string {
  return `docs/rules/${code}.md`;
}

/** The catalog entry of a code. */
export function catalogEntry(code: FindingCode): CatalogEntry {
  return CATALOG[code];
}

/** Builds a finding with the catalog's default severity unless one is given. */
export function createFinding(
  code: FindingCode,
  location: Locator,
  args: FindingArgs = {},
  extra: { severity?: Severity; awsError?: string } = {},
): Finding {
  const finding: Finding = {
    code,
    severity: extra.severity ?? CATALOG[code].severity,
    location,
    args,
    ...(extra.awsError ? { awsError: extra.awsError } : {}),
  };
  return finding;
}
