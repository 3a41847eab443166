/**
 * Every pattern, in priority order: when two match the same text, the earlier one wins.
 * CloudFront first, then the TLS clients (the more specific wordings before OpenSSL's bare
 * texts that they contain), then errors that are not about certificates, then certgate's own
 * finding codes.
 */

import type { Pattern } from '../pattern.js';
import { BROWSER_PATTERNS } from './browser.js';
import { certgatePatterns } from './certgate.js';
import { CLOUDFRONT_PATTERNS } from './cloudfront.js';
import { CURL_PATTERNS } from './curl.js';
import { GNUTLS_PATTERNS } from './gnutls.js';
import { GO_PATTERNS } from './go.js';
import { HANDSHAKE_PATTERNS } from './handshake.js';
import { JAVA_PATTERNS } from './java.js';
import { NODE_PATTERNS } from './node.js';
import { NOT_CERTIFICATE_PATTERNS } from './not-certificate.js';
import { OPENSSL_PATTERNS } from './openssl.js';
import { PYTHON_PATTERNS } from './python.js';
import { QT_PATTERNS } from './qt.js';
import { RUBY_PATTERNS } from './ruby.js';
import { RUSTLS_PATTERNS } from './rustls.js';
import { SERVER_PATTERNS } from './servers.js';
import { WINDOWS_PATTERNS } from './windows.js';

/** All patterns, highest priority first. */
export const PATTERNS: readonly Pattern[] = [
  ...CLOUDFRONT_PATTERNS,
  ...PYTHON_PATTERNS,
  ...NODE_PATTERNS,
  ...CURL_PATTERNS,
  ...GNUTLS_PATTERNS,
  ...WINDOWS_PATTERNS,
  ...RUSTLS_PATTERNS,
  ...RUBY_PATTERNS,
  ...QT_PATTERNS,
  ...SERVER_PATTERNS,
  ...OPENSSL_PATTERNS,
  ...JAVA_PATTERNS,
  ...GO_PATTERNS,
  ...BROWSER_PATTERNS,
  ...HANDSHAKE_PATTERNS,
  ...NOT_CERTIFICATE_PATTERNS,
  ...certgatePatterns(),
];
