/**
 * Servers and proxies logging a TLS failure: nginx without a certificate for the connection,
 * and BoringSSL's `SSL routines:OPENSSL_internal:<REASON>` as Envoy (and gRPC) print it, each
 * reason to the diagnosis it reports.
 */

import {
  diagnoseClientCertificate,
  diagnoseDefaultCertificateServed,
  diagnoseHandshakeFailure,
  diagnoseNoServerCertificate,
  diagnoseNotTls,
  diagnoseProtocolMismatch,
} from '../diagnoses/handshake.js';
import { diagnoseExpired, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { tlsCauses } from '../diagnoses/tls-causes.js';
import { clientPattern, type Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';

const BORINGSSL_REASONS: Readonly<Record<string, (e: Extracted) => Diagnosis>> = {
  WRONG_VERSION_NUMBER: diagnoseNotTls,
  SSLV3_ALERT_HANDSHAKE_FAILURE: diagnoseHandshakeFailure,
  TLSV1_ALERT_PROTOCOL_VERSION: diagnoseProtocolMismatch,
  NO_SHARED_CIPHER: diagnoseProtocolMismatch,
  UNSUPPORTED_PROTOCOL: diagnoseProtocolMismatch,
  TLSV1_ALERT_UNKNOWN_CA: diagnoseClientCertificate,
  SSLV3_ALERT_BAD_CERTIFICATE: diagnoseClientCertificate,
  TLSV1_CERTIFICATE_REQUIRED: diagnoseClientCertificate,
  PEER_DID_NOT_RETURN_A_CERTIFICATE: diagnoseClientCertificate,
  SSLV3_ALERT_CERTIFICATE_EXPIRED: diagnoseExpired,
};

/** Subjects of certificates servers make up when no site has one for the name. */
export const DEFAULT_CERTIFICATE_SUBJECTS =
  /Kubernetes Ingress Controller Fake Certificate|TRAEFIK DEFAULT CERT|\bsnake-?oil\b|\bingress\.local\b|\blocalhost\.localdomain\b/i;

/**
 * BoringSSL's CERTIFICATE_VERIFY_FAILED says only that verification failed: in Envoy that
 * includes its SAN check (match_subject_alt_names, the dynamic forward proxy's
 * auto_san_validation), so the name causes stay listed after the path ones.
 */
function diagnoseVerifyFailed(e: Extracted): Diagnosis {
  const issuer = diagnoseUnknownIssuer(e);
  return {
    ...issuer,
    meaning: `${issuer.meaning} BoringSSL (Envoy, gRPC) prints the same code when its subjectAltName check fails.`,
    causes: [...issuer.causes, ...tlsCauses(e, ['name-not-listed', 'cn-only'])],
  };
}

/** The servers' patterns. */
export const SERVER_PATTERNS: readonly Pattern[] = [
  {
    ...clientPattern(
      undefined,
      'server.default-certificate-served',
      "a server's built-in default certificate was served (ingress Fake Certificate, snake-oil, Traefik default)",
      'default-certificate',
      `(?:subject|issuer|s:|i:|CN ?=)[^\\n]{0,200}?(?:${DEFAULT_CERTIFICATE_SUBJECTS.source})`,
      diagnoseDefaultCertificateServed,
    ),
    // A transcript, not an error: it speaks only when the paste holds no error message.
    fallback: true,
  },
  clientPattern(
    'nginx',
    'nginx.no-ssl-certificate',
    'nginx: no "ssl_certificate" is defined for the server that took the connection',
    'no-server-certificate',
    'no "ssl_certificate" is defined (?:in server listening on SSL port|for the "listen \\.\\.\\. ssl" directive)',
    diagnoseNoServerCertificate,
  ),
  {
    ...clientPattern(
      undefined,
      'boringssl.certificate-verify-failed',
      'BoringSSL (Envoy, gRPC): CERTIFICATE_VERIFY_FAILED',
      'path:UnknownIssuer',
      '(?:TLS error: \\d{1,12}:)?SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED',
      diagnoseVerifyFailed,
      (_m, text) => (/\\benvoy\\b|upstream connect error/i.test(text) ? { client: 'envoy' } : {}),
    ),
    // The verifier logs the real reason (expired at depth 3, ...) on a line of its own.
    generic: true,
  },
  clientPattern(
    undefined,
    'boringssl.reason',
    'BoringSSL (Envoy, gRPC): TLS error',
    'boringssl',
    `(?:TLS error: \\d{1,12}:)?SSL routines:OPENSSL_internal:(${Object.keys(BORINGSSL_REASONS).join('|')})`,
    (e) => (BORINGSSL_REASONS[e.clientCode ?? ''] ?? diagnoseHandshakeFailure)(e),
    (m, text) => ({
      clientCode: (m[1] ?? '').toUpperCase(),
      ...(/\benvoy\b|upstream connect error/i.test(text) ? { client: 'envoy' as const } : {}),
    }),
  ),
];
