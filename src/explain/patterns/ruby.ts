/**
 * Ruby (Net::HTTP over OpenSSL, RubyGems, Bundler): "SSL_connect returned=1 errno=0
 * state=error: certificate verify failed", with OpenSSL's reason in parentheses on newer Rubies
 * (that reason is read by the OpenSSL patterns and comes first).
 */

import { diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { clientPattern, type Pattern } from '../pattern.js';

/** Ruby's patterns. */
export const RUBY_PATTERNS: readonly Pattern[] = [
  {
    ...clientPattern(
      'ruby',
      'ruby.certificate-verify-failed',
      'Ruby: SSL_connect ... certificate verify failed',
      'path:UnknownIssuer',
      'SSL_connect returned=1 errno=0 (?:peeraddr=[^\\s]{1,64} )?state=[^:\\n]{0,80}: certificate verify failed|Gem::RemoteFetcher::FetchError: (?:SSL_connect [^\\n]{0,200}?)?certificate verify failed|Bundler::Fetcher::CertificateFailureError',
      diagnoseUnknownIssuer,
    ),
    // Newer Rubies add OpenSSL's reason in parentheses: that match says more.
    generic: true,
  },
];
