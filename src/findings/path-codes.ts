/**
 * One finding code per kind of path-validation failure (the `PathError` kinds of `src/pki/`).
 * The validity kinds reuse the `CERT_` codes `inspect` emits, so a user sees the same code for
 * an expired certificate whichever command found it.
 *
 * The kinds are spelled here as plain keys, so findings stay below the engine that defines them;
 * `src/clients/client-errors-for-finding.ts` checks at compile time that the keys are exactly the
 * engine's `PathErrorKind`s.
 */

import type { FindingCode } from './catalog.js';

/** The finding code of each PathError kind. */
export const ERROR_CODES = {
  UnknownIssuer: 'PATH_UNKNOWN_ISSUER',
  UntrustedRoot: 'PATH_UNTRUSTED_ROOT',
  PathTooLong: 'PATH_TOO_LONG',
  BudgetExceeded: 'PATH_BUDGET_EXCEEDED',
  BadSignature: 'PATH_BAD_SIGNATURE',
  UnsupportedSignatureAlgorithm: 'PATH_UNSUPPORTED_SIGNATURE_ALGORITHM',
  WeakSignatureAlgorithm: 'PATH_WEAK_SIGNATURE_ALGORITHM',
  WeakKey: 'PATH_WEAK_KEY',
  SignatureAlgorithmMismatch: 'PATH_SIGNATURE_ALGORITHM_MISMATCH',
  CertExpired: 'CERT_EXPIRED',
  CertNotYetValid: 'CERT_NOT_YET_VALID',
  Revoked: 'PATH_REVOKED',
  InvalidCrl: 'PATH_INVALID_CRL',
  RevocationUnknown: 'PATH_REVOCATION_UNKNOWN',
  IssuerNotCa: 'PATH_ISSUER_NOT_CA',
  PathLenExceeded: 'PATH_LEN_EXCEEDED',
  IssuerNotCertSigner: 'PATH_ISSUER_NOT_CERT_SIGNER',
  CaUsedAsEndEntity: 'PATH_CA_USED_AS_END_ENTITY',
  RequiredEkuNotFound: 'PATH_EKU_MISMATCH',
  KeyUsageNotAllowed: 'PATH_KEY_USAGE_NOT_ALLOWED',
  UnknownCriticalExtension: 'PATH_UNKNOWN_CRITICAL_EXTENSION',
  InvalidExtension: 'PATH_INVALID_EXTENSION',
  InvalidCertificate: 'PATH_INVALID_CERTIFICATE',
  CommonNameNotInSan: 'PATH_COMMON_NAME_NOT_IN_SAN',
  NameConstraintViolation: 'PATH_NAME_CONSTRAINT_VIOLATION',
  NoValidPolicy: 'PATH_NO_VALID_POLICY',
  InvalidPolicyMapping: 'PATH_INVALID_POLICY_MAPPING',
  NameMismatch: 'NAME_MISMATCH',
} as const satisfies Record<string, FindingCode>;

/** A PathError kind, as the keys of {@link ERROR_CODES} spell it. */
export type PathErrorKindName = keyof typeof ERROR_CODES;

const KIND_OF_CODE = new Map<FindingCode, PathErrorKindName>(
  (Object.entries(ERROR_CODES) as [PathErrorKindName, FindingCode][]).map(([kind, code]) => [code, kind]),
);

/** The PathError kind a finding code stands for, if it stands for one. */
export function errorKindOf(code: FindingCode): PathErrorKindName | undefined {
  return KIND_OF_CODE.get(code);
}

/**
 * The warning code of each PathError kind when the issuance profile (not the policy itself)
 * refuses it: the `client` policy's CA/B Forum rules, which TLS clients do not check.
 */
const PROFILE_CODES: Partial<Record<PathErrorKindName, FindingCode>> = {
  CommonNameNotInSan: 'PATH_PROFILE_CN_NOT_IN_SAN',
  InvalidExtension: 'PATH_PROFILE_EXTENSION',
  UnknownCriticalExtension: 'PATH_PROFILE_EXTENSION',
  WeakKey: 'PATH_PROFILE_WEAK_KEY',
  CaUsedAsEndEntity: 'PATH_PROFILE_CA_AS_LEAF',
  RequiredEkuNotFound: 'PATH_PROFILE_PURPOSE',
  KeyUsageNotAllowed: 'PATH_PROFILE_PURPOSE',
};

/** The warning code for a profile rule a certificate breaks (fields and the rest: PATH_PROFILE_FIELD). */
export function profileCodeOf(kind: PathErrorKindName): FindingCode {
  return PROFILE_CODES[kind] ?? 'PATH_PROFILE_FIELD';
}
