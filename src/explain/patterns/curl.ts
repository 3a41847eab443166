/**
 * curl (OpenSSL backend, lib/vtls/openssl.c): the name errors with the host it wanted, and
 * `SSL certificate problem: <OpenSSL text>` for every verify error (from the client-error table).
 */

import { diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { clientPattern, type Pattern } from '../pattern.js';
import { clientTablePatterns } from './client-table.js';
import { namePattern, targetFields } from './names.js';

// curl 7 says "target host name", curl 8 "target hostname"; IP targets say "ipv4 address".
const TARGET = "target (?:host\\s?name|ipv4 address|ipv6 address|IP address) '([^'\\n]{0,253})'";

/** curl's patterns. */
export const CURL_PATTERNS: readonly Pattern[] = [
  namePattern(
    'curl',
    'curl.no-alternative-subject-name',
    'curl: no alternative certificate subject name matches the target host',
    `SSL: no alternative certificate subject name matches ${TARGET}`,
    (m) => targetFields(m[1]),
  ),
  namePattern(
    'curl',
    'curl.subject-name-mismatch',
    "curl: the certificate's subject name (CN) does not match the target host",
    // curl 7.2x printed the name in parentheses, later versions in quotes.
    `SSL: certificate subject name ['(]([^')\\n]{0,256})[')] does not match ${TARGET}`,
    (m) => ({ ...targetFields(m[2]), dnsNames: [], commonName: m[1] ?? '' }),
  ),
  namePattern(
    'curl',
    'curl.subjectaltname-does-not-match',
    'curl -v: subjectAltName does not match the host',
    'subjectAltName does not match (?:host name |hostname )?([^\\s\'"]{1,253})',
    (m) => targetFields(m[1]),
  ),
  // PHP's curl extension and Composer print curl's error number without curl's own text when
  // they add theirs; error 60 is any failed verification, the text after it says which.
  {
    ...namePattern(
      'curl',
      'curl.error-60',
      'curl error 60 (PHP, Composer): the peer certificate failed verification',
      '\\bcURL error 60:|\\bcurl error 60 while downloading',
    ),
    key: 'path:UnknownIssuer',
    diagnose: diagnoseUnknownIssuer,
    generic: true,
  },
  // macOS's curl on SecureTransport says this for any chain it cannot trust.
  clientPattern(
    'curl',
    'curl.securetransport-invalid-chain',
    'curl on macOS (SecureTransport): SSL certificate problem: Invalid certificate chain',
    'path:UnknownIssuer',
    'SSL certificate problem: Invalid certificate chain',
    diagnoseUnknownIssuer,
  ),
  ...clientTablePatterns('curl'),
];
