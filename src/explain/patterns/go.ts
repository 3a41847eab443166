/**
 * Go (crypto/x509 verify.go): `HostnameError` lists the names the certificate is valid for,
 * `CertificateInvalidError` the times, `UnknownAuthorityError` the candidate authority.
 */

import { diagnoseDateInvalid, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import type { Cause, Diagnosis, Extracted } from '../types.js';
import { clientTablePatterns } from './client-table.js';
import { namePattern, parseNameList, targetFields } from './names.js';

/** Go's patterns. */
export const GO_PATTERNS: readonly Pattern[] = [
  namePattern(
    'go',
    'go.certificate-is-valid-for',
    'Go: x509: certificate is valid for …, not <host>',
    'x509: certificate is valid for ([^\\n]{1,2000}?), not ([^\\s,\'"]{1,253})',
    (m) => ({ ...parseNameList(m[1] ?? ''), ...targetFields(m[2]) }),
  ),
  namePattern(
    'go',
    'go.not-valid-for-any-names',
    'Go: x509: certificate is not valid for any names',
    'x509: certificate is not valid for any names, but wanted to match ([^\\s,\'"]{1,253})',
    (m) => ({ dnsNames: [], ipAddresses: [], ...targetFields(m[1]) }),
  ),
  namePattern(
    'go',
    'go.legacy-common-name',
    'Go: x509: certificate relies on legacy Common Name field',
    'x509: certificate relies on legacy Common Name field(?:, use SANs instead|, use SANs or temporarily enable Common Name matching with GODEBUG=x509ignoreCN=0)?',
    () => ({ dnsNames: [], ipAddresses: [] }),
  ),
  namePattern(
    'go',
    'go.no-ip-sans',
    "Go: x509: cannot validate certificate for an IP because it doesn't contain any IP SANs",
    "x509: cannot validate certificate for ([0-9A-Fa-f:.]{1,64}) because it doesn't contain any IP SANs",
    (m) => ({ ...targetFields(m[1]), ipAddresses: [] }),
  ),
  {
    id: 'go.unknown-authority',
    title: 'Go: x509: certificate signed by unknown authority',
    source: 'tls-client',
    client: 'go',
    key: 'path:UnknownIssuer',
    // The parenthesis names the best candidate issuer and why it failed: part of this error.
    regex:
      /x509: (?:a )?certificate signed by unknown authority(?: \(possibly because of "([^"\n]{0,300})" while trying to verify candidate authority certificate "([^"\n]{1,200})"\))?/g,
    extract: (m) => ({
      ...(m[2] ? { issuer: m[2] } : {}),
      ...(m[1] ? { issuerRejected: m[1] } : {}),
    }),
    diagnose: diagnoseGoUnknownAuthority,
  },
  {
    id: 'go.expired-or-not-yet-valid',
    title: 'Go: x509: certificate has expired or is not yet valid',
    source: 'tls-client',
    client: 'go',
    key: 'path:CertExpired',
    regex: /x509: certificate has expired or is not yet valid/gi,
    diagnose: diagnoseDateInvalid,
  },
  ...clientTablePatterns('go'),
];

/**
 * Go names the trusted certificate it tried as the issuer and why it failed: "crypto/rsa:
 * verification error" (or ecdsa's) means the client trusts a certificate with the issuer's
 * name but another key, so the leaf's signature does not verify with it. A CA or self-signed
 * certificate regenerated on the server while the client keeps the old copy (Docker's
 * certs.d/<registry>/ca.crt, a kubeconfig's certificate-authority-data) is the common story.
 */
function diagnoseGoUnknownAuthority(e: Extracted): Diagnosis {
  const base = diagnoseUnknownIssuer(e);
  if (!/verification error/i.test(e.issuerRejected ?? '')) return base;
  const stale: Omit<Cause, 'rank'> = {
    id: 'stale-trusted-copy',
    cause: `the client trusts a certificate named ${e.issuer ?? 'like the issuer'} whose key is not the one that signed the server's certificate: the CA (or a self-signed certificate) was regenerated and the client still holds the old copy`,
    check:
      'compare the SHA-256 fingerprint of the certificate the client trusts with the issuer the server sends (or with the server certificate itself when it is self-signed): different fingerprints with the same subject mean a stale copy; replace it',
    command: `openssl s_client -showcerts -servername ${e.host ?? '<host>'} -connect ${e.host ?? '<host>'}:${e.port ?? 443} </dev/null | openssl x509 -noout -fingerprint -sha256 -subject`,
  };
  return {
    ...base,
    diagnosis: `Go found a trusted certificate with the issuer's name${e.issuer ? ` (${e.issuer})` : ''} but the signature does not verify with its key: a stale trusted copy, not a missing one`,
    causes: [stale, ...base.causes],
  };
}
