/**
 * The catalog entries of the CloudFront gate (`certgate check`), one per rulebook row
 * (`shared/spec/cloudfront-rules.md`: CF-01..CF-30 REJECT, MS-01..MS-12 MIS-SERVE, W-01..W-05
 * WARN) plus the engine's own evidence findings. Default severities: REJECT → error, MIS-SERVE →
 * warning, WARN → warning; a rule whose condition cannot be decided offline is a note.
 */

import type { CatalogEntry } from './types.js';

export const CF_CATALOG = {
  // Placement (decision order 1)
  CF_ALIASES_WITHOUT_CERTIFICATE: { title: 'Aliases with no custom certificate attached', severity: 'error' },
  CF_CERTIFICATE_NOT_IN_US_EAST_1: { title: 'ACM certificate is not in us-east-1', severity: 'error' },
  CF_CERTIFICATE_NOT_AN_ARN: {
    title: 'ACMCertificateArn is not an ARN (a name or placeholder)',
    severity: 'error',
  },
  CF_CERTIFICATE_OTHER_ACCOUNT: { title: 'ACM certificate belongs to another account', severity: 'error' },
  CF_CERTIFICATE_VALIDATION_OTHER_REGION: {
    title: 'Terraform waits for the certificate validation in another region than the certificate',
    severity: 'error',
  },
  CF_CERTIFICATE_SOURCE_CONFLICT: { title: 'More than one certificate source is set', severity: 'error' },
  CF_CERTIFICATE_SOURCE_MISSING: {
    title: 'ViewerCertificate names no certificate source',
    severity: 'error',
  },
  CF_LEGACY_CERTIFICATE_FIELDS_MISMATCH: {
    title: 'Stale Certificate or CertificateSource echo disagrees with the certificate',
    severity: 'error',
  },
  CF_IAM_CERTIFICATE_PATH: { title: 'IAM server certificate is not under /cloudfront/', severity: 'error' },
  CF_IAM_CERTIFICATE_ID_INVALID: {
    title: 'IAMCertificateId is not an IAM server certificate id',
    severity: 'error',
  },
  CF_TENANT_ONLY_CERTIFICATE_FIELDS: {
    title: 'IAM certificate or aliases on a multi-tenant distribution',
    severity: 'error',
  },
  CF_TENANT_PARENT_NOT_MULTI_TENANT: {
    title: 'Distribution tenant of a standard (not multi-tenant) distribution',
    severity: 'error',
  },
  // State (decision order 2)
  CF_CERTIFICATE_NOT_ISSUED: { title: 'ACM certificate status is not ISSUED', severity: 'error' },
  CF_CERTIFICATE_DATE_INVALID: {
    title: 'A certificate of the chain is outside its validity dates',
    severity: 'error',
  },
  CF_ACME_CERTIFICATE: { title: 'ACME certificate cannot be used by CloudFront', severity: 'error' },
  CF_CLOUDFRONT_MANAGED_CERTIFICATE: {
    title: 'CloudFront-managed tenant certificate on a standard distribution',
    severity: 'warning',
  },
  CF_TENANT_MANAGED_CERTIFICATE: {
    title: 'Tenant certificate issued by CloudFront once its domains validate',
    severity: 'note',
  },
  CF_IMPORTED_CERTIFICATE_EXPIRING: {
    title: 'Imported or IAM certificate expires and will not renew',
    severity: 'warning',
  },
  CF_RENEWAL_NOT_READY: { title: 'ACM managed renewal will not succeed as things are', severity: 'warning' },
  CF_EMAIL_VALIDATION_RENEWAL: {
    title: 'Email-validated certificate needs a person to renew',
    severity: 'warning',
  },
  // Name coverage (decision order 3)
  CF_ALIAS_NOT_COVERED: { title: "Alias is not covered by the certificate's SANs", severity: 'error' },
  CF_WILDCARD_ALIAS_NOT_COVERED: {
    title: 'Wildcard alias without the identical wildcard SAN',
    severity: 'error',
  },
  CF_WILDCARD_ALIAS_DEEPER_HOSTS: {
    title: 'Wildcard alias routes deeper names its certificate cannot cover',
    severity: 'note',
  },
  // TLS policy, SSL support method, key type (decision order 4)
  CF_KEY_TYPE_UNSUPPORTED: { title: 'Key type CloudFront does not serve', severity: 'error' },
  CF_SNI_WITH_SSLV3: { title: 'sni-only with MinimumProtocolVersion SSLv3', severity: 'error' },
  CF_VIP_POLICY_NOT_ALLOWED: {
    title: 'Security policy not offered on dedicated IP (vip)',
    severity: 'error',
  },
  CF_INVALID_ENUM_VALUE: { title: 'Value is not in the CloudFront API enum', severity: 'error' },
  CF_SSL_SUPPORT_METHOD_MISSING: {
    title: 'SSLSupportMethod missing with a custom certificate',
    severity: 'error',
  },
  CF_STATIC_IP_NOT_ENABLED: {
    title: 'static-ip works only where CloudFront enabled it',
    severity: 'warning',
  },
  CF_DEFAULT_CERT_POLICY_IGNORED: {
    title: 'Security policy ignored with the default certificate',
    severity: 'warning',
  },
  CF_NON_SNI_CLIENTS: {
    title: 'Legacy policy with sni-only: non-SNI clients cannot connect',
    severity: 'note',
  },
  CF_SHARED_CERTIFICATE_HTTP_VERSION: {
    title: 'Distributions sharing a certificate use different HttpVersion',
    severity: 'warning',
  },
  CF_VIP_POLICY_ACCOUNT_WIDE: {
    title: 'A vip security policy applies to every vip distribution of the account',
    severity: 'warning',
  },
  CF_TLS13_ONLY_POLICY: { title: 'TLSv1.3_2025 refuses TLS 1.2 clients', severity: 'warning' },
  CF_HTTP_VERSION_NEEDS_SNI: { title: 'HTTP/2 and HTTP/3 need SNI; vip viewers fall back', severity: 'note' },
  // Aliases: conflicts, syntax, quotas (decision order 5)
  CF_DEDICATED_IP_CERTIFICATE_QUOTA: { title: 'Dedicated-IP certificate quota', severity: 'note' },
  CF_ALIAS_ALREADY_EXISTS: { title: 'Alias is attached to another distribution', severity: 'error' },
  CF_ALIAS_DNS_POINTS_ELSEWHERE: {
    title: "Another distribution's wildcard alias covers this alias",
    severity: 'note',
  },
  CF_TOO_MANY_ALIASES: { title: 'More aliases than the per-distribution quota', severity: 'error' },
  CF_ALIAS_QUANTITY_MISMATCH: {
    title: 'Aliases.Quantity differs from the number of items',
    severity: 'error',
  },
  CF_ALIAS_SYNTAX_INVALID: { title: 'Alias syntax CloudFront does not accept', severity: 'error' },
  CF_WILDCARD_ALIAS_OVERLAP: {
    title: 'More specific aliases of other distributions take requests from a wildcard alias',
    severity: 'note',
  },
  CF_DOMAIN_FRONTING_RISK: {
    title: 'Certificate covers aliases of a distribution in another account',
    severity: 'note',
  },
  CF_UPDATE_NEEDS_ETAG: { title: 'Send the ETag as If-Match when updating', severity: 'note' },
  // Chain and trust of imported certificates (decision order 6)
  CF_CHAIN_TOO_LONG: { title: 'Certificate chain has more than 5 certificates', severity: 'error' },
  CF_CERTIFICATE_UNTRUSTED: { title: 'Certificate is not signed by a trusted CA', severity: 'error' },
  CF_CERTIFICATE_MALFORMED: { title: 'Certificate is not formatted correctly', severity: 'error' },
  // Early warnings (decision order 7)
  CF_DEFAULT_CERTIFICATE: { title: 'Default CloudFront certificate in use', severity: 'warning' },
  CF_DEDICATED_IP: { title: 'Dedicated IP (vip) instead of SNI', severity: 'warning' },
  CF_WEAK_SECURITY_POLICY: { title: 'Security policy older than TLSv1.2_2021', severity: 'warning' },
  CF_WEAK_RSA_KEY: { title: 'RSA key shorter than 2048 bits', severity: 'warning' },
  CF_CERTIFICATE_EXPIRES_SOON: {
    title: 'Certificate expires inside the warning window',
    severity: 'warning',
  },
  // What the gate could not check
  CF_CERTIFICATE_EVIDENCE_MISSING: { title: 'No evidence for the certificate', severity: 'warning' },
  CF_CERTIFICATE_EVIDENCE_PARTIAL: {
    title: 'Certificate evidence does not answer every check',
    severity: 'note',
  },
} as const satisfies Record<string, CatalogEntry>;
