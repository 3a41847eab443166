/**
 * Java (JSSE, sun.security.util.HostnameChecker and the PKIX validator): the name errors with
 * the host, PKIX path building, and the validity exceptions with their dates.
 */

import { diagnoseExpired, diagnoseNotYetValid, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import { clientTablePatterns } from './client-table.js';
import { namePattern, parseNameList, targetFields } from './names.js';

function javaPattern(
  id: string,
  title: string,
  key: string,
  source: string,
  p: Pick<Pattern, 'extract' | 'diagnose'>,
): Pattern {
  return { id, title, source: 'tls-client', client: 'java', key, regex: new RegExp(source, 'gi'), ...p };
}

/** Java's patterns. */
export const JAVA_PATTERNS: readonly Pattern[] = [
  namePattern(
    'java',
    'java.no-subject-alternative-dns-name',
    'Java: No subject alternative DNS name matching the host found',
    'No subject alternative DNS name matching ([^\\s]{1,253}?)\\.? found',
    (m) => targetFields(m[1]),
  ),
  namePattern(
    'java',
    'java.no-subject-alternative-ip',
    'Java: No subject alternative names matching the IP address found',
    'No subject alternative names matching IP address ([0-9A-Fa-f:.]{1,64}) found',
    (m) => ({ ...targetFields(m[1]), ipAddresses: [] }),
  ),
  namePattern(
    'java',
    'java.no-subject-alternative-names',
    'Java: No subject alternative names present',
    'No subject alternative names present',
    () => ({ dnsNames: [], ipAddresses: [] }),
  ),
  namePattern(
    'java',
    'java.no-name-matching',
    'Java: No name matching the host found (no SANs, CN differs)',
    'No name matching ([^\\s]{1,253}?)\\.? found',
    (m) => ({ ...targetFields(m[1]), dnsNames: [] }),
  ),
  // Apache HttpClient's DefaultHostnameVerifier.
  namePattern(
    'java',
    'java.httpclient-doesnt-match-sans',
    "Java (Apache HttpClient): the certificate doesn't match any of the subject alternative names",
    "Certificate for <([^>\\s]{1,253})> (?:doesn't|does not) match any of the subject alternative names: \\[([^\\]\\n]{0,4000})\\]",
    (m) => ({ ...targetFields(m[1]), ...parseNameList(m[2] ?? '') }),
  ),
  namePattern(
    'java',
    'java.httpclient-common-name',
    "Java (Apache HttpClient): the certificate's common name doesn't match",
    "Certificate for <([^>\\s]{1,253})> (?:doesn't|does not) match common name of the certificate subject: ([^\\s]{1,253})",
    (m) => ({ ...targetFields(m[1]), dnsNames: [], commonName: m[2] ?? '' }),
  ),
  // OkHttp's OkHostnameVerifier.
  namePattern(
    'java',
    'java.okhttp-hostname-not-verified',
    'Java (OkHttp): hostname not verified',
    // OkHttp prints certificate, DN and subjectAltNames on lines of their own.
    'Hostname ([^\\s]{1,253}) not verified:(?:[\\s\\S]{0,600}?subjectAltNames: \\[([^\\]\\n]{0,4000})\\])?',
    (m) => ({ ...targetFields(m[1]), ...(m[2] !== undefined ? parseNameList(m[2]) : {}) }),
  ),
  javaPattern(
    'java.pkix-path-building-failed',
    'Java: PKIX path building failed (unable to find valid certification path)',
    'path:UnknownIssuer',
    'PKIX path building failed(?::\\s*[\\w.$]{1,200}:\\s*unable to find valid certification path to requested target)?|unable to find valid certification path to requested target',
    { diagnose: diagnoseUnknownIssuer },
  ),
  javaPattern(
    'java.certificate-expired',
    'Java: CertificateExpiredException',
    'path:CertExpired',
    'CertificateExpiredException(?::\\s*NotAfter:\\s*([^\\n]{1,64}))?',
    { extract: (m) => (m[1] ? { notAfter: m[1].trim() } : {}), diagnose: diagnoseExpired },
  ),
  javaPattern(
    'java.certificate-not-yet-valid',
    'Java: CertificateNotYetValidException',
    'path:CertNotYetValid',
    'CertificateNotYetValidException(?::\\s*NotBefore:\\s*([^\\n]{1,64}))?',
    { extract: (m) => (m[1] ? { notBefore: m[1].trim() } : {}), diagnose: diagnoseNotYetValid },
  ),
  ...clientTablePatterns('java'),
];
