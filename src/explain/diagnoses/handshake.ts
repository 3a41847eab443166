/**
 * Diagnoses of failures that are not about one certificate's names or path: the handshake
 * ended early (no SNI, no shared version, not TLS at all, a client certificate wanted), a
 * revocation check that could not run, a strict client's profile, a server with no certificate
 * for the connection, and errors that are not certificate problems at all.
 */

import type { Diagnosis, Extracted } from '../types.js';
import { tlsCauses } from './tls-causes.js';

/** A handshake failure: no SNI and an unknown name come before versions and ciphers. */
export function diagnoseHandshakeFailure(e: Extracted): Diagnosis {
  return {
    meaning:
      'The server ended the TLS handshake before a certificate was exchanged or checked (a fatal alert such as handshake_failure, alert 40): it found nothing it could answer with for the name asked for, or no version and cipher both sides support.',
    causes: tlsCauses(e, ['no-sni', 'name-not-listed', 'protocol-mismatch', 'client-certificate']),
  };
}

/** No shared version or cipher: the client (or server) is too old or too strict. */
export function diagnoseProtocolMismatch(e: Extracted): Diagnosis {
  return {
    meaning:
      'Client and server found no TLS version or cipher suite they both support, so no certificate was checked.',
    causes: tlsCauses(e, ['protocol-mismatch', 'no-sni', 'name-not-listed']),
  };
}

/** The answer was not TLS at all. */
export function diagnoseNotTls(e: Extracted): Diagnosis {
  return {
    meaning:
      'What came back was not a TLS record: the port answered in plain text (usually HTTP), so the client never saw a certificate.',
    causes: tlsCauses(e, ['not-tls', 'protocol-mismatch']),
  };
}

/** The peer rejected the certificate this side sent, or wanted one (mTLS). */
export function diagnoseClientCertificate(e: Extracted): Diagnosis {
  return {
    meaning:
      'The other side rejected the certificate this side presented, or required one that was not sent: an alert about a client certificate (mutual TLS), not about the server certificate.',
    causes: tlsCauses(e, ['client-certificate', 'private-ca']),
  };
}

/** A revocation check (CRL / OCSP) that could not be done: Windows' and .NET's usual complaint. */
export function diagnoseRevocationUnknown(e: Extracted): Diagnosis {
  return {
    meaning:
      "The client could not check whether the certificate is revoked: the CRL or OCSP responder named in it was unreachable, or the chain could not be built far enough to check (Windows' Schannel and .NET fail closed here).",
    causes: tlsCauses(e, ['proxy', 'client-trust-store', 'private-ca', 'not-certificate']),
  };
}

/** A strict client (Python 3.13) refused a certificate lacking an extension RFC 5280 requires of a CA. */
export function diagnoseStrictProfile(e: Extracted): Diagnosis {
  return {
    meaning:
      "The client's strict X.509 mode (Python 3.13's default VERIFY_X509_STRICT) refused a certificate of the chain that lacks an extension RFC 5280 requires: browsers and older clients accept it.",
    causes: tlsCauses(e, ['strict-profile', 'proxy', 'private-ca']),
  };
}

/** The server has no certificate for this connection (nginx: a listen … ssl block without one). */
export function diagnoseNoServerCertificate(e: Extracted): Diagnosis {
  return {
    meaning:
      'The server block that took the connection listens with TLS but has no certificate: nginx picks the block by the SNI name, and falls back to the default server (often a catch-all without ssl_certificate) when no server_name matches.',
    causes: tlsCauses(e, ['default-certificate', 'no-sni', 'name-not-listed']),
  };
}

/** Not a certificate error: the connection, DNS, the origin or a permission. */
export function diagnoseNotCertificate(e: Extracted): Diagnosis {
  return {
    meaning:
      'This is not a certificate error: the connection was refused or timed out, the name did not resolve, or the server answered with an HTTP error (a 502 from the origin, AccessDenied from S3). Fix that first; a certificate check only means something once a TLS handshake happens.',
    causes: tlsCauses(e, ['not-certificate', 'not-tls', 'wrong-endpoint']),
  };
}

/** A transcript showing a server's built-in default certificate (no site matched the name). */
export function diagnoseDefaultCertificateServed(e: Extracted): Diagnosis {
  return {
    meaning:
      "The server answered with its built-in default certificate (ingress-nginx's Fake Certificate, a snake-oil or Traefik default): no configured site matched the name the client asked for, or the client asked for none (no SNI).",
    causes: tlsCauses(e, ['default-certificate', 'no-sni', 'name-not-listed']),
  };
}
