import { certLabel } from '../../findings/labels.js';
import { defineRule } from './define-rule.js';

const SAN_OID = '2.5.29.17';

/**
 * CERT-04: an end-entity certificate without a subjectAltName. Web-PKI clients match host names
 * against SANs only (RFC 9525 §6.3 drops the CN fallback; CA/B BR §7.1.2.7.12 requires the
 * extension), so such a certificate matches no host name.
 */
export const certNoSubjectAltName = defineRule({
  id: 'CERT-04',
  code: 'CERT_NO_SUBJECT_ALT_NAME',
  check({ cert, role, location, report }) {
    if (role !== 'leaf' && role !== 'standalone') return undefined;
    if (cert.extension('basicConstraints')?.ca) return undefined;
    // a SAN that is there but does not decode is CERT-07's finding, not a missing one
    if (cert.extensions.some((e) => e.oid === SAN_OID)) return undefined;
    const cn = cert.subject.rdns.flat().find((a) => a.shortName === 'CN');
    return report(location, { subject: certLabel(cert), ...(cn ? { commonName: cn.value } : {}) });
  },
});
