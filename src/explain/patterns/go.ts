/**
 * Go (crypto/x509 verify.go): `HostnameError` lists the names the certificate is valid for,
 * `CertificateInvalidError` the times, `UnknownAuthorityError` the candidate authority.
 */

import { diagnoseDateInvalid, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
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
      /x509: (?:a )?certificate signed by unknown authority(?: \(possibly because of "[^"\n]{0,300}" while trying to verify candidate authority certificate "([^"\n]{1,200})"\))?/g,
    extract: (m) => (m[1] ? { issuer: m[1] } : {}),
    diagnose: diagnoseUnknownIssuer,
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
