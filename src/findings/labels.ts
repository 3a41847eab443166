/**
 * How findings and views name a certificate, the same way in every command: by its subject CN,
 * else its whole subject, else its fingerprint.
 */

import type { Certificate } from '../x509/model.js';

/** The subject's most specific CN (the last, most specific one: what clients that still read the CN use), if it has one. */
export function commonNameOf(cert: Certificate): string | undefined {
  const rdns = cert.subject.rdns;
  for (let i = rdns.length - 1; i >= 0; i--) {
    const cn = rdns[i]?.find((a) => a.shortName === 'CN');
    if (cn) return cn.value;
  }
  return undefined;
}

/** The first 23 characters of the SHA-256 fingerprint: what names a certificate with no subject. */
const fingerprintPrefix = (cert: Certificate): string => cert.sha256Fingerprint.slice(0, 23);

/** A short name for views: the subject CN, else the whole subject, else a fingerprint prefix. */
export function shortLabel(cert: Certificate): string {
  return commonNameOf(cert) ?? (cert.subject.text || fingerprintPrefix(cert));
}

/** A short name for messages: {@link shortLabel} in quotes, or the bare fingerprint prefix. */
export function certLabel(cert: Certificate): string {
  const cn = commonNameOf(cert);
  if (cn !== undefined) return `"${cn}"`;
  return cert.subject.text ? `"${cert.subject.text}"` : fingerprintPrefix(cert);
}
