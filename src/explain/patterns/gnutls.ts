/**
 * GnuTLS (apt, git and curl built on it, gnutls-cli), wget's own messages (on GnuTLS or
 * OpenSSL), and NSS / older curl texts: each maps to the path or name diagnosis it reports.
 */

import { diagnoseNotTls } from '../diagnoses/handshake.js';
import { diagnoseNameMismatch } from '../diagnoses/name.js';
import {
  diagnoseClientErrorKeys,
  diagnoseExpired,
  diagnoseNotYetValid,
  diagnoseUnknownIssuer,
} from '../diagnoses/path.js';
import { phrase } from '../input.js';
import { clientPattern, type Pattern } from '../pattern.js';
import { targetFields } from './names.js';

/** GnuTLS's, wget's and NSS's patterns. */
export const GNUTLS_PATTERNS: readonly Pattern[] = [
  clientPattern(
    'gnutls',
    'gnutls.issuer-unknown',
    'GnuTLS: the certificate is NOT trusted, the issuer is unknown',
    'path:UnknownIssuer',
    `(?:${phrase('The certificate is NOT trusted.')}\\s+)?${phrase('The certificate issuer is unknown')}`,
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'gnutls',
    'gnutls.expired',
    'GnuTLS: the certificate chain uses an expired certificate',
    'path:CertExpired',
    phrase('The certificate chain uses expired certificate'),
    diagnoseExpired,
  ),
  clientPattern(
    'gnutls',
    'gnutls.not-yet-valid',
    'GnuTLS: the certificate chain uses a not yet valid certificate',
    'path:CertNotYetValid',
    `${phrase('The certificate chain uses not yet valid certificate')}|${phrase('is not yet activated')}`,
    diagnoseNotYetValid,
  ),
  clientPattern(
    'gnutls',
    'gnutls.name-mismatch',
    'GnuTLS: the name in the certificate does not match the expected',
    'name',
    phrase('The name in the certificate does not match the expected'),
    diagnoseNameMismatch,
  ),
  clientPattern(
    'gnutls',
    'gnutls.verification-failed-cafile',
    'git / libcurl on GnuTLS: server certificate verification failed',
    'path:UnknownIssuer',
    `${phrase('server certificate verification failed.')}\\s+CAfile:\\s*([^\\s]{1,300})(?:\\s+CRLfile:\\s*[^\\s]{1,300})?`,
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'gnutls',
    'gnutls.unexpected-packet',
    'GnuTLS: an unexpected TLS packet was received (the port did not answer in TLS)',
    'handshake:diagnoseNotTls',
    phrase('An unexpected TLS packet was received'),
    diagnoseNotTls,
  ),
  clientPattern(
    'gnutls',
    'wget.owner-does-not-match',
    "wget (GnuTLS): the certificate's owner does not match the host name",
    'name',
    `${phrase("The certificate's owner does not match hostname")}\\s+'([^'\\n]{1,253})'`,
    diagnoseNameMismatch,
    (m) => targetFields(m[1]),
  ),
  clientPattern(
    'gnutls',
    'wget.no-subject-alternative-name',
    'wget: no certificate subject alternative name matches the requested host name',
    'name',
    `${phrase('no certificate subject alternative name matches')}\\s+${phrase('requested host name')}\\s+'([^'\\n]{1,253})'`,
    diagnoseNameMismatch,
    (m) => targetFields(m[1]),
  ),
  clientPattern(
    'gnutls',
    'wget.common-name-mismatch',
    "wget: the certificate's common name does not match the requested host name",
    'name',
    `${phrase('certificate common name')}\\s+'([^'\\n]{1,253})'\\s+${phrase("doesn't match requested host name")}\\s+'([^'\\n]{1,253})'`,
    diagnoseNameMismatch,
    (m) => ({ ...targetFields(m[2]), commonName: m[1] ?? '', dnsNames: [] }),
  ),
  clientPattern(
    'gnutls',
    'wget.cannot-verify-issuer',
    "wget: cannot verify the certificate, unable to locally verify the issuer's authority",
    'path:UnknownIssuer',
    `(?:cannot verify ([A-Za-z0-9.-]{1,253})'s certificate, issued by '([^'\\n]{1,300})':\\s+)?${phrase("Unable to locally verify the issuer's authority")}`,
    diagnoseUnknownIssuer,
    (m) => ({ ...targetFields(m[1]), ...(m[2] ? { issuer: m[2] } : {}) }),
  ),
  clientPattern(
    'gnutls',
    'wget.self-signed',
    'wget: self-signed certificate encountered',
    'path:UntrustedRoot',
    phrase('Self-signed certificate encountered'),
    (e) => diagnoseClientErrorKeys(['UntrustedRoot'], { ...e, opensslCode: 18 }),
  ),
  clientPattern(
    'gnutls',
    'wget.expired',
    'wget: issued certificate has expired',
    'path:CertExpired',
    phrase('Issued certificate has expired'),
    diagnoseExpired,
  ),
  clientPattern(
    'curl',
    'nss.issuer-not-recognized',
    "curl / NSS: the peer's certificate issuer is not recognized",
    'path:UnknownIssuer',
    `${phrase("Peer's certificate issuer is not recognized")}|${phrase('Peer certificate cannot be authenticated with')}\\s+(?:given|known)\\s+CA\\s+certificates`,
    diagnoseUnknownIssuer,
  ),
  clientPattern(
    'curl',
    'nss.expired',
    "curl / NSS: the peer's certificate has expired",
    'path:CertExpired',
    phrase("Peer's Certificate has expired"),
    diagnoseExpired,
  ),
];
