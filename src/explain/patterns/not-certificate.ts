/**
 * Errors people paste as certificate problems that are not: the connection was refused or timed
 * out, the name did not resolve, the origin or S3 answered with an HTTP error. They are
 * `secondary`: in a paste that also holds a certificate error, that one is listed first.
 */

import { diagnoseNotCertificate } from '../diagnoses/handshake.js';
import { phrase } from '../input.js';
import type { Pattern } from '../pattern.js';

/** The not-a-certificate patterns. */
export const NOT_CERTIFICATE_PATTERNS: readonly Pattern[] = [
  {
    id: 'connection.refused-or-unreachable',
    title: 'the connection was refused, timed out or the name did not resolve (no TLS at all)',
    source: 'tls-client',
    key: 'not-certificate',
    regex: new RegExp(
      [
        '\\bERR_CONNECTION_(?:REFUSED|TIMED_OUT|RESET)\\b',
        '\\bERR_NAME_NOT_RESOLVED\\b',
        '\\bECONNREFUSED\\b',
        '\\bENOTFOUND\\b',
        '\\bEAI_AGAIN\\b',
        phrase('refused to connect'),
        phrase('Could not resolve host'),
        'connect\\(\\) to [^\\n]{1,200}? failed \\(111: Connection refused\\)',
      ].join('|'),
      'g',
    ),
    diagnose: diagnoseNotCertificate,
    secondary: true,
  },
  {
    id: 'http.error-status',
    title: 'an HTTP error answer (502 / 504 from the origin, AccessDenied from S3)',
    source: 'tls-client',
    key: 'not-certificate',
    regex: new RegExp(
      [
        '\\b502 Bad Gateway\\b',
        '\\b504 Gateway Time-?out\\b',
        '<Code>AccessDenied</Code>',
        '\\bAccessDenied: Access Denied\\b',
        '\\bStatusCode: 403\\b[^\\n]{0,80}AccessDenied',
      ].join('|'),
      'g',
    ),
    diagnose: diagnoseNotCertificate,
    secondary: true,
  },
];
