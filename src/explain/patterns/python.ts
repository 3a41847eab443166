/**
 * Python's ssl module: the strict X.509 checks Python 3.13 turns on by default
 * (VERIFY_X509_STRICT, OpenSSL's texts for a CA without the RFC 5280 extensions), and the
 * name errors of older versions that list the certificate's names.
 */

import { diagnoseStrictProfile } from '../diagnoses/handshake.js';
import { diagnoseNameMismatch } from '../diagnoses/name.js';
import { diagnoseUnknownIssuer } from '../diagnoses/path.js';
import { phrase } from '../input.js';
import { clientPattern, type Pattern } from '../pattern.js';
import type { Diagnosis, Extracted } from '../types.js';
import { parseNameList, targetFields } from './names.js';

const STRICT = [
  'Missing Authority Key Identifier',
  'Missing Subject Key Identifier',
  'Basic Constraints of CA cert not marked critical',
  'CA cert does not include key usage extension',
  'Authority Key Identifier marked critical',
  'Subject Key Identifier marked critical',
  'Empty Subject Alternative Name extension',
  'Subject empty and Subject Alt Name extension not critical',
];

/**
 * `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:645)`: Python before 3.7
 * (and pip, botocore, requests on it) prints no reason. Nearly always the issuer is not trusted:
 * the client's CA bundle (certifi, AWS_CA_BUNDLE, python.org's macOS build without its
 * certificates installed), an intercepting proxy, or a chain without its intermediate.
 */
function diagnoseBareVerifyFailed(e: Extracted): Diagnosis {
  const issuer = diagnoseUnknownIssuer(e);
  return {
    ...issuer,
    meaning: `${issuer.meaning} Python before 3.7 prints no reason with CERTIFICATE_VERIFY_FAILED; an untrusted issuer is by far the commonest, and openssl s_client -showcerts -servername HOST -connect HOST:443 shows the chain the client got.`,
  };
}

/**
 * botocore (AWS CLI v1/v2, boto3) opens the CA bundle it was told to use before any handshake:
 * `SSL validation failed for URL [Errno 2] No such file or directory` is that file missing, not a
 * certificate the server sent.
 */
function diagnoseMissingCaBundle(): Diagnosis {
  return {
    meaning:
      'The AWS CLI / boto3 could not open the CA bundle it was configured with, so no certificate was checked at all: the path in AWS_CA_BUNDLE, ca_bundle in ~/.aws/config, or REQUESTS_CA_BUNDLE names a file that does not exist.',
    diagnosis: 'a CA bundle setting points at a missing file',
    causes: [
      {
        // its own id: the trust-store evidence (a proxy for a public host, ...) is not about a file that is not there
        id: 'ca-bundle-missing',
        cause:
          "the client's CA bundle setting names a file that does not exist (AWS_CA_BUNDLE, ca_bundle in ~/.aws/config, REQUESTS_CA_BUNDLE, a proxy's bundle moved or a container without it)",
        check:
          'print the settings and test the file: unset the variable (or fix the path) and run the command again; it works with the default bundle when no proxy re-signs the traffic',
        command:
          'echo "$AWS_CA_BUNDLE $REQUESTS_CA_BUNDLE"; aws configure get ca_bundle; ls -l "$AWS_CA_BUNDLE"',
      },
    ],
  };
}

/** Python's patterns. */
export const PYTHON_PATTERNS: readonly Pattern[] = [
  clientPattern(
    'python',
    'python.botocore-ca-bundle-missing',
    'AWS CLI / boto3: SSL validation failed ... [Errno 2] No such file or directory (the CA bundle file is missing)',
    'ca-bundle-missing',
    'SSL validation failed for [^\\s]{1,500} \\[Errno 2\\] No such file or directory',
    diagnoseMissingCaBundle,
  ),
  {
    ...clientPattern(
      'python',
      'python.certificate-verify-failed',
      'Python / pip / botocore: [SSL: CERTIFICATE_VERIFY_FAILED] with no reason (Python before 3.7)',
      'path:UnknownIssuer',
      // no ': reason' after it: newer Pythons name the reason, which its own pattern reads
      '\\[SSL: CERTIFICATE_VERIFY_FAILED\\] certificate verify failed(?!:)',
      diagnoseBareVerifyFailed,
    ),
    generic: true,
  },
  clientPattern(
    'python',
    'python.strict-x509',
    'Python 3.13+ / OpenSSL strict mode: a certificate lacks an extension RFC 5280 requires',
    'strict',
    STRICT.map(phrase).join('|'),
    diagnoseStrictProfile,
  ),
  clientPattern(
    'python',
    'python.hostname-doesnt-match',
    "Python (≤ 3.6): hostname doesn't match the certificate's names",
    'name',
    `hostname '([^'\\n]{1,253})' ${phrase("doesn't match")}\\s+(?:either of\\s+)?([^\\n]{1,2000})`,
    diagnoseNameMismatch,
    (m) => ({
      ...targetFields(m[1]),
      ...parseNameList((m[2] ?? '').replace(/ or /g, ',').replace(/'/g, '')),
    }),
  ),
  clientPattern(
    'python',
    'python.pip-certificate-did-not-match',
    'pip / urllib3 (Python 2): the certificate did not match the expected hostname',
    'name',
    'Certificate did not match expected hostname: ([^\\s]{1,253}?)\\.? Certificate: \\{([^\\n]{0,8000})',
    diagnoseNameMismatch,
    (m) => ({
      ...targetFields(m[1]),
      dnsNames: [...(m[2] ?? '').matchAll(/\('DNS', '([^'\n]{1,253})'\)/g)]
        .slice(0, 200)
        .map((d) => d[1] ?? ''),
    }),
  ),
];
