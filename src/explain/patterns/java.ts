/**
 * Java (JSSE, sun.security.util.HostnameChecker and the PKIX validator): the name errors with
 * the host, PKIX path building, and the validity exceptions with their dates.
 */

import { diagnoseExpired, diagnoseNotYetValid, diagnoseUnknownIssuer } from '../diagnoses/path.js';
import type { Pattern } from '../pattern.js';
import { clientTablePatterns } from './client-table.js';
import { namePattern, targetFields } from './names.js';

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
