/**
 * Servers and proxies logging a TLS failure: nginx without a certificate for the connection,
 * and BoringSSL's `SSL routines:OPENSSL_internal:<REASON>` as Envoy (and gRPC) print it, each
 * reason to the diagnosis it reports.
 */

import {
  diagnoseClientCertificate,
  diagnoseHandshakeFailure,
  diagnoseNoServerCertificate,
  diagnoseNotTls,
  diagnoseProtocolMismatch,
} from '../diagnoses/handshake.js';
import { diagnoseExpired, diagnoseUnknownIssuer } from '../diagnoses/path.js';
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

/** The servers' patterns. */
export const SERVER_PATTERNS: readonly Pattern[] = [
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
      diagnoseUnknownIssuer,
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
