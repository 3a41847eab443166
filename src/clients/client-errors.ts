/**
 * What common TLS clients print for each way verification fails, as data: the verify command
 * shows these next to a finding so that a user who pasted an error recognises it, and
 * `certgate explain` can match a pasted message back to a failure.
 *
 * Texts were checked against OpenSSL 3.0 (`openssl verify`, libcrypto's X509_verify_cert_error_string),
 * Node.js 20 (`tls.connect`, `tls.checkServerIdentity`), curl 7.88 and OpenJDK 17 where a local
 * server could reproduce the failure; browser and Go texts come from their sources (Chromium
 * net_error_list.h, Firefox's mozilla::pkix error names, Go crypto/x509 verify.go).
 * Templates hold `{placeholders}` filled by {@link renderClientErrors}.
 */

import type { PathErrorKind } from '../pki/errors.js';

/** One OpenSSL verify error: the X509_V_ERR number and its text (OpenSSL 3 spelling). */
export interface OpensslError {
  readonly code?: number;
  readonly text: string;
}

/** One Node.js error: `err.code` and `err.message`. */
export interface NodeError {
  readonly code: string;
  readonly message: string;
}

/** The texts each client shows for one failure, most common first; empty when it has none. */
export interface ClientErrors {
  readonly openssl: readonly OpensslError[];
  readonly node: readonly NodeError[];
  readonly curl: readonly string[];
  /** Chrome/Edge `NET::ERR_*` and Firefox `SEC_ERROR_*` / `MOZILLA_PKIX_ERROR_*` codes. */
  readonly browser: readonly string[];
  readonly java: readonly string[];
  readonly go: readonly string[];
}

/**
 * Every PathError kind, plus name-check variants: an IP reference (`NameMismatchIp`), no DNS
 * SAN (`NameMismatchCommonName`), a CN that clients still reading it would accept (`CommonNameOnly`).
 */
export type ClientErrorKey =
  | PathErrorKind
  | 'NameMismatchIp'
  | 'NameMismatchCommonName'
  | 'CommonNameOnly'
  | 'NameConstraintBudgetExceeded';

/** OpenSSL number, Node code (src/crypto/crypto_common.cc `X509ErrorCode`; others are `UNSPECIFIED`), text. */
type OpensslRow = readonly [code: number, node: string, text: string];

/** OpenSSL, Node and curl texts for verify errors: Node and curl print OpenSSL's text. */
function fromOpenssl(...rows: OpensslRow[]): Pick<ClientErrors, 'openssl' | 'node' | 'curl'> {
  return {
    openssl: rows.map(([code, , text]) => ({ code, text })),
    node: rows.map(([, code, text]) => ({ code, message: text })),
    curl: rows.map(([, , text]) => `SSL certificate problem: ${text}`),
  };
}

const PKIX_BUILD =
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
const PKIX_VALIDATE = 'PKIX path validation failed: java.security.cert.CertPathValidatorException:';
const NONE = { openssl: [], node: [], curl: [], browser: [], java: [], go: [] } as const;

/** The client texts per failure. */
export const CLIENT_ERRORS: Readonly<Record<ClientErrorKey, ClientErrors>> = {
  UnknownIssuer: {
    ...fromOpenssl(
      [20, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'],
      [21, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
    ),
    browser: ['NET::ERR_CERT_AUTHORITY_INVALID', 'SEC_ERROR_UNKNOWN_ISSUER'],
    java: [PKIX_BUILD],
    go: ['x509: certificate signed by unknown authority'],
  },
  UntrustedRoot: {
    ...fromOpenssl(
      [19, 'SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
      [18, 'DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ),
    browser: [
      'NET::ERR_CERT_AUTHORITY_INVALID',
      'SEC_ERROR_UNKNOWN_ISSUER',
      'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
    ],
    java: [PKIX_BUILD],
    go: ['x509: certificate signed by unknown authority'],
  },
  PathTooLong: {
    ...fromOpenssl([22, 'CERT_CHAIN_TOO_LONG', 'certificate chain too long']),
    browser: ['NET::ERR_CERT_AUTHORITY_INVALID'],
    java: [PKIX_BUILD],
    go: [],
  },
  BudgetExceeded: {
    ...NONE,
    browser: ['NET::ERR_CERT_AUTHORITY_INVALID'],
    go: ['x509: signature check attempts limit reached while verifying certificate chain'],
  },
  // the name-constraint budget: Go's TooManyConstraints (crypto/x509 maxConstraintComparisons)
  NameConstraintBudgetExceeded: {
    ...NONE,
    browser: ['NET::ERR_CERT_AUTHORITY_INVALID'],
    go: ['x509: too many constraints were attempted before giving up'],
  },
  BadSignature: {
    ...fromOpenssl([7, 'CERT_SIGNATURE_FAILURE', 'certificate signature failure']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_BAD_SIGNATURE'],
    java: [`${PKIX_VALIDATE} signature check failed`],
    go: ['crypto/rsa: verification error', 'x509: ECDSA verification failure'],
  },
  UnsupportedSignatureAlgorithm: {
    ...fromOpenssl([7, 'CERT_SIGNATURE_FAILURE', 'certificate signature failure']),
    browser: ['NET::ERR_CERT_INVALID'],
    java: [],
    go: ['x509: cannot verify signature: algorithm unimplemented'],
  },
  WeakSignatureAlgorithm: {
    ...fromOpenssl([68, 'UNSPECIFIED', 'CA signature digest algorithm too weak']),
    browser: ['NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM', 'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED'],
    java: ['Algorithm constraints check failed on signature algorithm: {algorithm}'],
    go: ['x509: cannot verify signature: insecure algorithm {algorithm}'],
  },
  WeakKey: {
    ...fromOpenssl(
      [66, 'UNSPECIFIED', 'EE certificate key too weak'],
      [67, 'UNSPECIFIED', 'CA certificate key too weak'],
    ),
    browser: ['NET::ERR_CERT_WEAK_KEY', 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE'],
    java: ['Algorithm constraints check failed on keysize limits'],
    go: [],
  },
  SignatureAlgorithmMismatch: {
    ...NONE,
    browser: ['NET::ERR_CERT_INVALID', 'MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH'],
    go: ["x509: inner and outer signature algorithm identifiers don't match"],
  },
  CertExpired: {
    ...fromOpenssl([10, 'CERT_HAS_EXPIRED', 'certificate has expired']),
    browser: [
      'NET::ERR_CERT_DATE_INVALID',
      'SEC_ERROR_EXPIRED_CERTIFICATE',
      'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
    ],
    java: [`${PKIX_VALIDATE} validity check failed`],
    go: ['x509: certificate has expired or is not yet valid: current time {time} is after {notAfter}'],
  },
  CertNotYetValid: {
    ...fromOpenssl([9, 'CERT_NOT_YET_VALID', 'certificate is not yet valid']),
    browser: ['NET::ERR_CERT_DATE_INVALID', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'],
    java: [`${PKIX_VALIDATE} validity check failed`],
    go: ['x509: certificate has expired or is not yet valid: current time {time} is before {notBefore}'],
  },
  Revoked: {
    ...fromOpenssl([23, 'CERT_REVOKED', 'certificate revoked']),
    browser: ['NET::ERR_CERT_REVOKED', 'SEC_ERROR_REVOKED_CERTIFICATE'],
    java: ['Certificate has been revoked, reason: {reason}'],
    go: [],
  },
  InvalidCrl: {
    ...fromOpenssl(
      [8, 'CRL_SIGNATURE_FAILURE', 'CRL signature failure'],
      [12, 'CRL_HAS_EXPIRED', 'CRL has expired'],
      [11, 'CRL_NOT_YET_VALID', 'CRL is not yet valid'],
      [36, 'UNSPECIFIED', 'unhandled critical CRL extension'],
    ),
    browser: ['NET::ERR_CERT_UNABLE_TO_CHECK_REVOCATION'],
    java: [`${PKIX_VALIDATE} Could not determine revocation status`],
    go: [],
  },
  RevocationUnknown: {
    ...fromOpenssl(
      [3, 'UNABLE_TO_GET_CRL', 'unable to get certificate CRL'],
      [44, 'UNSPECIFIED', 'Different CRL scope'],
      [33, 'UNSPECIFIED', 'unable to get CRL issuer certificate'],
    ),
    browser: ['NET::ERR_CERT_UNABLE_TO_CHECK_REVOCATION'],
    java: [`${PKIX_VALIDATE} Could not determine revocation status`],
    go: [],
  },
  IssuerNotCa: {
    ...fromOpenssl([24, 'INVALID_CA', 'invalid CA certificate']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_CA_CERT_INVALID'],
    java: [`${PKIX_VALIDATE} basic constraints check failed: this is not a CA certificate`],
    go: ['x509: invalid signature: parent certificate cannot sign this kind of certificate'],
  },
  PathLenExceeded: {
    ...fromOpenssl([25, 'PATH_LENGTH_EXCEEDED', 'path length constraint exceeded']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID'],
    java: [
      `${PKIX_VALIDATE} basic constraints check failed: pathLenConstraint violated - this cert must be the last cert in the certification path`,
    ],
    go: ['x509: too many intermediates for path length constraint'],
  },
  IssuerNotCertSigner: {
    ...fromOpenssl([32, 'UNSPECIFIED', 'key usage does not include certificate signing']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_INADEQUATE_KEY_USAGE'],
    java: [`${PKIX_VALIDATE} CA key usage check failed: keyCertSign bit is not set`],
    go: [],
  },
  CaUsedAsEndEntity: {
    ...NONE,
    browser: ['NET::ERR_CERT_INVALID', 'MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY'],
  },
  RequiredEkuNotFound: {
    ...fromOpenssl([26, 'INVALID_PURPOSE', 'unsuitable certificate purpose']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_INADEQUATE_CERT_TYPE'],
    java: ['Extended key usage does not permit use for TLS {purpose} authentication'],
    go: ['x509: certificate specifies an incompatible key usage'],
  },
  KeyUsageNotAllowed: {
    ...fromOpenssl([26, 'INVALID_PURPOSE', 'unsuitable certificate purpose']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_INADEQUATE_KEY_USAGE'],
    java: ['KeyUsage does not allow digital signatures', 'KeyUsage does not allow key encipherment'],
    go: [],
  },
  UnknownCriticalExtension: {
    ...fromOpenssl([34, 'UNSPECIFIED', 'unhandled critical extension']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION'],
    java: [`${PKIX_VALIDATE} Unrecognized critical extension(s)`],
    go: ['x509: unhandled critical extension'],
  },
  InvalidExtension: {
    ...fromOpenssl([41, 'UNSPECIFIED', 'invalid or inconsistent certificate extension']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_EXTENSION_VALUE_INVALID'],
    java: [],
    go: [],
  },
  InvalidCertificate: { ...NONE, browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_BAD_DER'] },
  // No mainstream client checks CA/B BR §7.1.4.3 when it verifies: nothing to quote.
  CommonNameNotInSan: { ...NONE },
  NoValidPolicy: {
    ...fromOpenssl([43, 'UNSPECIFIED', 'no explicit policy']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_POLICY_VALIDATION_FAILED'],
    java: [`${PKIX_VALIDATE} non-null policy tree required and policy tree is null`],
    go: ['x509: no valid chains built: all candidate chains have invalid policies'],
  },
  InvalidPolicyMapping: {
    ...fromOpenssl([42, 'UNSPECIFIED', 'invalid or inconsistent certificate policy extension']),
    browser: ['NET::ERR_CERT_INVALID', 'SEC_ERROR_POLICY_VALIDATION_FAILED'],
    java: [],
    go: [],
  },
  NameConstraintViolation: {
    ...fromOpenssl(
      [47, 'UNSPECIFIED', 'permitted subtree violation'],
      [48, 'UNSPECIFIED', 'excluded subtree violation'],
    ),
    browser: ['NET::ERR_CERT_NAME_CONSTRAINT_VIOLATION', 'SEC_ERROR_CERT_NOT_IN_NAME_SPACE'],
    java: [`${PKIX_VALIDATE} name constraints check failed`],
    go: [
      'x509: a root or intermediate certificate is not authorized to sign for this name: {nameConstraint}',
    ],
  },
  NameMismatch: {
    openssl: [{ code: 62, text: 'hostname mismatch' }],
    node: [
      {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        message:
          "Hostname/IP does not match certificate's altnames: Host: {host}. is not in the cert's altnames: {altnames}",
      },
    ],
    curl: ["SSL: no alternative certificate subject name matches target host name '{host}'"],
    browser: ['NET::ERR_CERT_COMMON_NAME_INVALID', 'SSL_ERROR_BAD_CERT_DOMAIN'],
    java: ['No subject alternative DNS name matching {host} found.'],
    go: ['x509: certificate is valid for {names}, not {host}'],
  },
  NameMismatchIp: {
    openssl: [{ code: 64, text: 'IP address mismatch' }],
    node: [
      {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        message:
          "Hostname/IP does not match certificate's altnames: IP: {host} is not in the cert's list: {ips}",
      },
    ],
    curl: ["SSL: no alternative certificate subject name matches target host name '{host}'"],
    browser: ['NET::ERR_CERT_COMMON_NAME_INVALID', 'SSL_ERROR_BAD_CERT_DOMAIN'],
    java: [
      'No subject alternative names matching IP address {host} found',
      'No subject alternative names present',
    ],
    go: ["x509: cannot validate certificate for {host} because it doesn't contain any IP SANs"],
  },
  NameMismatchCommonName: {
    openssl: [{ code: 62, text: 'hostname mismatch' }],
    node: [
      {
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        message: "Hostname/IP does not match certificate's altnames: Host: {host}. is not cert's CN: {cn}",
      },
    ],
    curl: ["SSL: certificate subject name '{cn}' does not match target host name '{host}'"],
    browser: ['NET::ERR_CERT_COMMON_NAME_INVALID', 'SSL_ERROR_BAD_CERT_DOMAIN'],
    java: ['No name matching {host} found'],
    go: ['x509: certificate relies on legacy Common Name field, use SANs instead'],
  },
  // OpenSSL, Node.js, curl and Java fall back to the CN when there is no DNS SAN, so they accept.
  CommonNameOnly: {
    ...NONE,
    browser: ['NET::ERR_CERT_COMMON_NAME_INVALID', 'SSL_ERROR_BAD_CERT_DOMAIN'],
    go: ['x509: certificate relies on legacy Common Name field, use SANs instead'],
  },
};

/** Values for the `{placeholders}` of the templates (host, altnames, ips, cn, names, ...). */
export type ClientErrorVars = Readonly<Record<string, string | undefined>>;

function fill(template: string, vars: ClientErrorVars): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '…');
}

/** The client texts of one failure with placeholders filled (missing values become `…`). */
export function renderClientErrors(key: ClientErrorKey, vars: ClientErrorVars = {}): ClientErrors {
  const e = CLIENT_ERRORS[key];
  const all = (list: readonly string[]) => list.map((t) => fill(t, vars));
  return {
    openssl: e.openssl.map((o) => ({ ...o, text: fill(o.text, vars) })),
    node: e.node.map((n) => ({ code: n.code, message: fill(n.message, vars) })),
    curl: all(e.curl),
    browser: all(e.browser),
    java: all(e.java),
    go: all(e.go),
  };
}
