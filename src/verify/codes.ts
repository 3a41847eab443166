/**
 * One finding code per PathError kind. The validity kinds reuse the `CERT_` codes `inspect`
 * emits, so a user sees the same code for an expired certificate whichever command found it.
 */

import type { PathErrorKind } from '../pki/errors.js';
import type { FindingCode } from '../report/catalog.js';

/** The finding code of each PathError kind. */
export const ERROR_CODES: Readonly<Record<PathErrorKind, FindingCode>> = {
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
  NameMismatch: 'NAME_MISMATCH',
};

const KIND_OF_CODE = new Map<FindingCode, PathErrorKind>(
  (Object.entries(ERROR_CODES) as [PathErrorKind, FindingCode][]).map(([kind, code]) => [code, kind]),
);

/** The PathError kind a finding code stands for, if it stands for one. */
export function errorKindOf(code: FindingCode): PathErrorKind | undefined {
  return KIND_OF_CODE.get(code);
}
