/**
 * curl (OpenSSL backend, lib/vtls/openssl.c): the name errors with the host it wanted, and
 * `SSL certificate problem: <OpenSSL text>` for every verify error (from the client-error table).
 */

import type { Pattern } from '../pattern.js';
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
  ...clientTablePatterns('curl'),
];
