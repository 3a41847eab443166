/**
 * OpenSSL's verify errors as `openssl s_client` and `openssl verify` print them
 * (`verify error:num=20:…`, `Verify return code: 62 (hostname mismatch)`, `error 10 at 0 depth
 * lookup: …`), and as many programs print OpenSSL's text bare (Node.js, Python, PHP, Ruby).
 */

import { diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import { opensslTablePatterns } from './client-table.js';
import { namePattern } from './names.js';

const PREFIX = (n: number) =>
  `(?:verify error:num=${n}:|Verify return code: ${n} \\(|error ${n} at \\d{1,2} depth lookup:\\s*)?`;

/** OpenSSL's patterns: the name checks of -verify_hostname / -verify_ip, then the table. */
export const OPENSSL_PATTERNS: readonly Pattern[] = [
  namePattern(
    'openssl',
    'openssl.hostname-mismatch',
    'OpenSSL verify error 62: hostname mismatch',
    `${PREFIX(62)}hostname mismatch`,
    () => ({ opensslCode: 62 }),
  ),
  namePattern(
    'openssl',
    'openssl.ip-address-mismatch',
    'OpenSSL verify error 64: IP address mismatch',
    `${PREFIX(64)}IP address mismatch`,
    () => ({ opensslCode: 64 }),
  ),
  {
    id: 'openssl.showcerts-leaf-only',
    title: 'openssl s_client: the server sent its certificate alone (no intermediate)',
    source: 'tls-client',
    client: 'openssl',
    key: 'path:UnknownIssuer',
    // The chain block of `s_client -showcerts`: certificate 0, then no "1 s:" before the "---"
    // that ends the block. Each repetition takes one whole line, so the match is linear.
    regex:
      /Certificate chain\n[ \t]*0 s:[^\n]{0,400}\n(?:(?![ \t]*1 s:)[^\n]{0,400}(?:\n|$)){0,80}?(?:---|$)/g,
    extract: () => ({ servedCertificates: 1 }),
    diagnose: diagnoseUnknownIssuer,
    fallback: true,
  },
  ...opensslTablePatterns(),
];
