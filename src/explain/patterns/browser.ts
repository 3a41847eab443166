/**
 * Browsers: Chrome/Edge `NET::ERR_CERT_*`, Firefox `SEC_ERROR_*`, `SSL_ERROR_*` and
 * `MOZILLA_PKIX_ERROR_*` codes (from the client-error table), and the sentences of their error
 * pages that name the host and the certificate's names.
 */

import { diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import type { Extracted } from '../types.js';
import { clientTablePatterns } from './client-table.js';
import { namePattern, parseNameList, targetFields } from './names.js';

/** What Chrome's and Firefox's error pages say around the code. */
function pageNames(text: string): Extracted {
  // Chrome: "This server could not prove that it is api.example.com; its security certificate is from www.example.com."
  const chrome =
    /(?:could not|couldn't) prove that it(?: is|'s) ([^\s;]{1,253});\s+its security certificate is from ([^\s,;]{1,253})/i.exec(
      text,
    );
  if (chrome) return { ...targetFields(chrome[1]), ...parseNameList(chrome[2] ?? '') };
  // Firefox: "… uses a certificate that is not valid for api.example.com. The certificate is only valid for the following names: a, b"
  const host = /certificate that is not valid for ([^\s]{1,253})/i.exec(text);
  const names = /The certificate is only valid for (?:the following names:\s*)?([^\n]{1,2000})/i.exec(text);
  return {
    ...targetFields(host?.[1]),
    ...(names ? parseNameList(names[1] ?? '') : {}),
  };
}

/** The browsers' patterns. */
export const BROWSER_PATTERNS: readonly Pattern[] = [
  namePattern(
    'browser',
    'browser.ERR_CERT_COMMON_NAME_INVALID',
    'browser: NET::ERR_CERT_COMMON_NAME_INVALID (the certificate is not for this host)',
    '\\b(?:NET::)?ERR_CERT_COMMON_NAME_INVALID\\b',
    (_m, text) => ({ clientCode: 'ERR_CERT_COMMON_NAME_INVALID', ...pageNames(text) }),
    'g',
  ),
  namePattern(
    'browser',
    'browser.SSL_ERROR_BAD_CERT_DOMAIN',
    'browser: SSL_ERROR_BAD_CERT_DOMAIN (the certificate is not for this host)',
    '\\bSSL_ERROR_BAD_CERT_DOMAIN\\b',
    (_m, text) => ({ clientCode: 'SSL_ERROR_BAD_CERT_DOMAIN', ...pageNames(text) }),
    'g',
  ),
  // The page sentence without its code; next to a code it joins that match.
  {
    ...namePattern(
      'browser',
      'browser.could-not-prove',
      "Chrome: this server couldn't prove that it's the host; its certificate is from another name",
      "(?:could not|couldn't) prove that it(?: is|'s) ([^\\s;]{1,253});\\s+its security certificate is from ([^\\s,;]{1,253})",
      (m) => ({ ...targetFields(m[1]), ...parseNameList(m[2] ?? '') }),
    ),
    bareCode: true,
  },
  {
    id: 'browser.issuer-unknown-sentence',
    title: "Firefox: the certificate's issuer is unknown (page text without the code)",
    source: 'tls-client',
    client: 'browser',
    key: 'path:UnknownIssuer',
    regex:
      /(?:because its )?certificate issuer is unknown, the certificate is self-signed,? or the server is not sending the correct intermediate certificates|The certificate is not trusted because the issuer certificate is unknown/gi,
    // SEC_ERROR_UNKNOWN_ISSUER next to it (a bare code) joins this match.
    diagnose: diagnoseUnknownIssuer,
  },
  {
    id: 'browser.no-issuer-chain',
    title: 'Firefox: the certificate is not trusted because no issuer chain was provided',
    source: 'tls-client',
    client: 'browser',
    key: 'path:UnknownIssuer',
    regex: /The certificate is not trusted because no issuer chain was provided/gi,
    // Firefox says so when the server sent the leaf alone.
    extract: () => ({ servedCertificates: 1 }),
    diagnose: diagnoseUnknownIssuer,
  },
  ...clientTablePatterns('browser'),
];
