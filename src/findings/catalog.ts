/**
 * The catalog of finding codes: one entry per code with its title, default severity and the docs
 * page that explains it. The wording of each finding lives in `src/report/messages.ts`.
 */

import { AWS_CATALOG } from './catalog-aws.js';
import { CF_CATALOG } from './catalog-cf.js';
import { DIFF_CATALOG } from './catalog-diff.js';
import { EXPIRY_CATALOG } from './catalog-expiry.js';
import { PROFILE_CATALOG } from './catalog-profile.js';
import type { CatalogEntry } from './types.js';

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
  CERT_MALFORMED_EXTENSION: {
    title: 'An extension value does not decode: clients refuse the certificate',
    severity: 'error',
  },
  // Path validation (RFC 5280 §6.1; `certgate verify`)
  PATH_UNKNOWN_ISSUER: {
    title: 'No issuer found for a certificate: incomplete chain or untrusted CA',
    severity: 'error',
  },
  PATH_UNTRUSTED_ROOT: {
    title: 'Chain ends in a self-signed certificate that is not trusted',
    severity: 'error',
  },
  PATH_TOO_LONG: { title: 'Certification path is longer than the policy allows', severity: 'error' },
  PATH_BUDGET_EXCEEDED: { title: 'Path building gave up: work budget exhausted', severity: 'error' },
  PATH_BAD_SIGNATURE: { title: 'Certificate signature does not verify', severity: 'error' },
  PATH_UNSUPPORTED_SIGNATURE_ALGORITHM: {
    title: 'Certificate is signed with an unsupported algorithm',
    severity: 'error',
  },
  PATH_WEAK_SIGNATURE_ALGORITHM: { title: 'Signature algorithm refused by the policy', severity: 'error' },
  PATH_WEAK_KEY: { title: 'Key too weak for the policy', severity: 'error' },
  PATH_SIGNATURE_ALGORITHM_MISMATCH: {
    title: 'Inner and outer signature algorithms differ',
    severity: 'error',
  },
  PATH_REVOKED: { title: 'Certificate is revoked', severity: 'error' },
  PATH_INVALID_CRL: {
    title: 'A CRL for the path cannot be used: revocation status unknown',
    severity: 'error',
  },
  PATH_REVOCATION_UNKNOWN: {
    title: 'No CRL given covers the certificate: revocation status unknown',
    severity: 'error',
  },
  PATH_ISSUER_NOT_CA: { title: 'Issuer is not a CA certificate', severity: 'error' },
  PATH_LEN_EXCEEDED: { title: 'Path length constraint exceeded', severity: 'error' },
  PATH_ISSUER_NOT_CERT_SIGNER: { title: 'Issuer key usage lacks keyCertSign', severity: 'error' },
  PATH_CA_USED_AS_END_ENTITY: {
    title: 'CA certificate used as the end-entity certificate',
    severity: 'error',
  },
  PATH_EKU_MISMATCH: { title: 'Extended key usage does not allow the purpose', severity: 'error' },
  PATH_KEY_USAGE_NOT_ALLOWED: { title: 'Key usage does not allow the purpose', severity: 'error' },
  PATH_UNKNOWN_CRITICAL_EXTENSION: { title: 'Unknown critical extension', severity: 'error' },
  PATH_INVALID_EXTENSION: { title: 'Extension breaks the validation policy', severity: 'error' },
  PATH_COMMON_NAME_NOT_IN_SAN: {
    title: 'Subject CN is not one of the subjectAltNames (public-CA profile)',
    severity: 'error',
  },
  PATH_INVALID_CERTIFICATE: { title: 'Certificate field breaks the validation policy', severity: 'error' },
  PATH_NAME_CONSTRAINT_VIOLATION: { title: "Name outside a CA's name constraints", severity: 'error' },
  PATH_NO_VALID_POLICY: {
    title: 'An explicit certificate policy is required and none is valid for the path',
    severity: 'error',
  },
  PATH_INVALID_POLICY_MAPPING: { title: 'A policy mapping maps anyPolicy', severity: 'error' },
  // The issuance profile (warnings under the client policy): a public CA would not issue this,
  // and TLS clients accept it
  PATH_PROFILE_CN_NOT_IN_SAN: {
    title: 'Subject CN is not one of the SANs: clients accept it, a public CA would not issue it',
    severity: 'warning',
  },
  PATH_PROFILE_EXTENSION: {
    title: 'An extension breaks the CA/B Forum profile: clients accept it',
    severity: 'warning',
  },
  PATH_PROFILE_FIELD: {
    title: 'A certificate field breaks the CA/B Forum profile: clients accept it',
    severity: 'warning',
  },
  PATH_PROFILE_WEAK_KEY: {
    title: 'A key weaker than the CA/B Forum allows: clients still accept it',
    severity: 'warning',
  },
  PATH_PROFILE_CA_AS_LEAF: {
    title: 'The leaf is a CA certificate: clients accept it, the CA/B Forum forbids it',
    severity: 'warning',
  },
  PATH_PROFILE_PURPOSE: {
    title: 'Key usage or extended key usage outside the CA/B Forum profile: clients accept it',
    severity: 'warning',
  },
  // Server-name check (RFC 6125 / RFC 9525; `certgate verify --host/--ip`)
  NAME_MISMATCH: { title: 'Certificate does not cover the host name or IP address', severity: 'error' },
  // Input handling
  INPUT_NO_DISTRIBUTION: {
    title: 'An input has no CloudFront distribution or tenant: nothing in it was checked',
    severity: 'error',
  },
  INPUT_PRIVATE_KEY_SKIPPED: { title: 'Input contains a private key', severity: 'note' },
  INPUT_UNRESOLVED_VALUE: { title: 'A value cannot be resolved before deploy', severity: 'warning' },
  INPUT_EVIDENCE_UNMATCHED: { title: 'Certificate evidence matches no distribution', severity: 'note' },
  INPUT_CHAIN_OUT_OF_ORDER: { title: 'Chain is not in leaf-first order', severity: 'warning' },
  INPUT_NOT_EXAMINED: { title: 'Part of an input was not examined (over a limit)', severity: 'error' },
  INPUT_TEMPLATE_INVALID: {
    title: 'CloudFormation refuses this template: a value breaks its rules',
    severity: 'error',
  },
  INPUT_DUPLICATE_KEY: {
    title: 'A mapping key is written twice; the last value is read, as CloudFormation reads it',
    severity: 'warning',
  },
  INPUT_NESTED_STACK_NOT_READ: {
    title: 'A nested stack’s template is not a local file, so it was not checked',
    severity: 'warning',
  },
  INPUT_CONDITIONS_CAPPED: {
    title: 'Too many unknown conditions to check every combination; the rest stay unresolved',
    severity: 'note',
  },
  INPUT_PARAMETERS_NEEDED: {
    title: 'Parameters without a value that the verdict depends on',
    severity: 'warning',
  },
  INPUT_EXTRA_CA_CERTS_UNREADABLE: {
    title: 'NODE_EXTRA_CA_CERTS names a file that cannot be used; its roots are not trusted',
    severity: 'warning',
  },
  // The gate's own policy: config `ignore:` entries and inline ignores
  CONFIG_IGNORE_EXPIRED: {
    title: 'A config ignore is past its expires date: it no longer suppresses',
    severity: 'warning',
  },
  CONFIG_IGNORE_INVALID: {
    title: 'An inline certgate ignore has no reason or no known code: it suppresses nothing',
    severity: 'warning',
  },
  // The CloudFront gate (`certgate check`; rulebook CF-*, MS-*, W-*)
  ...CF_CATALOG,
  // Two environments compared (`certgate diff`)
  ...DIFF_CATALOG,
  // A team's pins (`profiles:` in .certgate.yaml), checked by the gate
  ...PROFILE_CATALOG,
  // Live mode (`check --aws`): AWS calls that failed, and what live evidence says on its own
  ...AWS_CATALOG,
  // Expiry tracking (`certgate expiry`): thresholds, the chain clients build, unreadable files
  ...EXPIRY_CATALOG,
  // The live edge (`certgate probe`): connection failures are findings on their target
  PROBE_DNS_FAILURE: { title: 'Host name does not resolve', severity: 'error' },
  PROBE_CONNECTION_REFUSED: { title: 'Connection refused: nothing listens on the port', severity: 'error' },
  PROBE_UNREACHABLE: { title: 'Address unreachable from this machine', severity: 'error' },
  PROBE_TIMEOUT: { title: 'No connection or handshake within the timeout', severity: 'error' },
  PROBE_RESET: { title: 'Connection reset or closed during the TLS handshake', severity: 'error' },
  PROBE_NOT_TLS: { title: 'The server on the port does not speak TLS', severity: 'error' },
  PROBE_TLS_ALERT: { title: 'The server ended the handshake with a TLS alert', severity: 'error' },
  PROBE_HANDSHAKE_FAILED: { title: 'TLS handshake failed', severity: 'error' },
  PROBE_NO_CERTIFICATE: { title: 'The server presented no certificate', severity: 'error' },
  PROBE_CHAIN_UNDECODABLE: { title: 'A served certificate cannot be decoded', severity: 'error' },
  PROBE_CHAIN_TRUNCATED: {
    title: 'The server sends more certificates than certgate examines',
    severity: 'warning',
  },
  PROBE_CHAIN_OUT_OF_ORDER: { title: 'The server sends its chain out of order', severity: 'warning' },
  PROBE_EXPECTATION_MISMATCH: { title: 'The served certificate is not the expected one', severity: 'error' },
  PROBE_PROTOCOL_BELOW_POLICY: {
    title: 'The endpoint accepts a protocol its security policy refuses',
    severity: 'error',
  },
  PROBE_POLICY_PROTOCOL_REFUSED: {
    title: 'The endpoint refuses a protocol its security policy offers',
    severity: 'warning',
  },
  PROBE_POLICY_UNTESTED: { title: 'Part of the security policy could not be tested', severity: 'note' },
  PROBE_ALIAS_SKIPPED: { title: 'Alias not probed (wildcard or unresolved)', severity: 'note' },
  PROBE_BAD_TARGET: { title: 'Target is not a host[:port]: not probed', severity: 'error' },
  PROBE_INTERRUPTED: { title: 'Not probed: the run was interrupted', severity: 'error' },
} as const satisfies Record<string, CatalogEntry>;

/** A finding code: a key of the catalog. */
export type FindingCode = keyof typeof CATALOG;

/** All codes, in catalog order. */
export const FINDING_CODES = Object.keys(CATALOG) as FindingCode[];

/** The docs page of a code, relative to the package root. */
export function docsPath(code: FindingCode): string {
  return `docs/rules/${code}.md`;
}
